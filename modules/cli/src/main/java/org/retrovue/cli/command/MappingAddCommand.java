package org.retrovue.cli.command;

import org.retrovue.cli.CliContext;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class MappingAddCommand extends ContextCommand {
    private final PositionalParamSpec collection = parameter("COLLECTION", "1", "UUID, name, external id, or SOURCE/COLLECTION.");
    private final PositionalParamSpec remotePath = parameter("REMOTE_PATH", "1",
            "The path as the remote server (Plex, or any kind whose locations are remote) reports it (\\ and / alike).");
    private final PositionalParamSpec localPath = parameter("LOCAL_PATH", "1", "The same place as seen here.");
    private final OptionSpec json = jsonFlag();

    MappingAddCommand(CliContext context) {
        super(context, "add", "Map a remote path of a collection to a local one (the longest matching prefix wins).");
        footer("Example: retrovue source mapping add \"My Plex Server/Movies\" /data/movies /mnt/nas/movies");
    }

    @Override
    public Integer call() {
        CollectionOutput.print(this, sources().addMapping(value(collection), value(remotePath), value(localPath)), isSet(json));
        return 0;
    }
}
