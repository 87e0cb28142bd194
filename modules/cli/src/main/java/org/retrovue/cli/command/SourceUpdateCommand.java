package org.retrovue.cli.command;

import java.util.Map;
import java.util.Optional;
import org.retrovue.cli.CliContext;
import org.retrovue.core.ErrorKind;
import org.retrovue.core.RetrovueException;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.spi.SourceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", description = "Rename a source or change its type's options; its external id never changes.",
        footer = {"", "Example: retrovue source update \"Media Library\" --base-path /mnt/media/movies"})
final class SourceUpdateCommand extends ContextCommand {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "Name (any case), UUID or external id.")
    String source;

    @Option(names = "--name", paramLabel = "NAME", description = "New name.")
    String name;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    SourceUpdateCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        String kindId = sources().show(source).kind();
        SourceKind kind = sources().kind(kindId);
        Map<String, String> options = KindOptions.given(spec, kind);
        if (name == null && options.isEmpty()) {
            throw new RetrovueException(ErrorKind.USAGE, "nothing to update: give --name or an option of type " + kindId);
        }
        SourceRecord updated = sources().update(source, Optional.ofNullable(name), options);
        SourceOutput.print(this, updated, json);
        return 0;
    }
}
