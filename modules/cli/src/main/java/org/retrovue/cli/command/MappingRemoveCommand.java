package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class MappingRemoveCommand extends ContextCommand {
    private final PositionalParamSpec collection = parameter("COLLECTION", "1", "UUID, name, external id, or SOURCE/COLLECTION.");
    private final PositionalParamSpec remotePath = parameter("REMOTE_PATH", "1", "The remote path of the mapping to remove, as the remote server reports it.");
    private final OptionSpec json = jsonFlag();

    MappingRemoveCommand(CliContext context) {
        super(context, "remove", "Remove a collection's mapping of a remote path.");
    }

    @Override
    public Integer call() {
        CollectionOutput.print(this, sources().removeMapping(value(collection), value(remotePath)), isSet(json));
        return 0;
    }
}
