package org.retrovue.cli.command;

import java.util.Map;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.spi.SourceKind;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class SourceUpdateCommand extends ContextCommand {
    private final PositionalParamSpec source = parameter("SOURCE", "1", "Name (any case), UUID or external id.");
    private final OptionSpec name = option("--name", "NAME", false, "New name.", null);
    private final OptionSpec force = flag("--force", "Repoint the source even if it now reaches a different remote (another Plex server).");
    private final OptionSpec json = jsonFlag();

    SourceUpdateCommand(CliContext context) {
        super(context, "update", "Rename a source or change its type's options; its external id never changes.");
    }

    @Override
    public Integer call() {
        String kindId = sources().show(value(source)).kind();
        SourceKind kind = sources().kind(kindId);
        Map<String, String> options = SecretOptions.resolve(spec(), kind, KindOptions.given(spec(), kind), false, context.environment());
        String newName = value(name);
        if (newName == null && options.isEmpty()) {
            throw new RetrovueException(ErrorKind.USAGE, "nothing to update: give --name or an option of type " + kindId);
        }
        SourceRecord updated = sources().update(value(source), Optional.ofNullable(newName), options, isSet(force));
        SourceOutput.print(this, updated, isSet(json));
        return 0;
    }
}
