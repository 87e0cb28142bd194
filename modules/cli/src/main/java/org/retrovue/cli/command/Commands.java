package org.retrovue.cli.command;

import java.util.List;
import java.util.function.Function;
import org.retrovue.cli.CliContext;

/** The shape of the command tree: every command's name and how to make it. A command added here is everywhere, shell included. */
public final class Commands {
    /** A command: its name, its maker and its subcommands. */
    public record Node(String name, Function<CliContext, ContextCommand> maker, List<Node> children) {}

    public static final List<Node> ROOT = List.of(
            new Node("source", c -> new GroupCommand(c, "source", "Manage sources and their collections."), List.of(
                    leaf("list-types", SourceListTypesCommand::new),
                    leaf("add", SourceAddCommand::new),
                    leaf("list", SourceListCommand::new),
                    leaf("show", SourceShowCommand::new),
                    leaf("update", SourceUpdateCommand::new),
                    leaf("enrichers", SourceEnrichersCommand::new),
                    leaf("collections", SourceCollectionsCommand::new),
                    leaf("status", SourceStatusCommand::new),
                    leaf("discover", SourceDiscoverCommand::new),
                    leaf("ingest", SourceIngestCommand::new),
                    leaf("enrich", SourceEnrichCommand::new),
                    leaf("assets", SourceAssetsCommand::new),
                    leaf("enable", CollectionToggle::enable),
                    leaf("disable", CollectionToggle::disable),
                    leaf("delete", SourceDeleteCommand::new),
                    new Node("mapping", c -> new GroupCommand(c, "mapping", "Path mappings: how a collection's remote paths read on this machine."), List.of(
                            leaf("add", MappingAddCommand::new),
                            leaf("list", MappingListCommand::new),
                            leaf("remove", MappingRemoveCommand::new))))),
            new Node("enricher", c -> new GroupCommand(c, "enricher", "Enrichers: what learns more about each item from its file (duration, streams...)."), List.of(
                    leaf("list-types", EnricherListTypesCommand::new))),
            new Node("db", c -> new GroupCommand(c, "db", "The catalogue database: which one is in use, and the embedded server."), List.of(
                    leaf("status", DbStatusCommand::new),
                    leaf("stop", DbStopCommand::new))),
            leaf("shell", ShellCommand::new),
            leaf("completion", CompletionCommand::new),
            leaf("help", HelpCommand::new));

    private Commands() {}

    public static ContextCommand root(CliContext context) {
        return new RootCommand(context);
    }

    private static Node leaf(String name, Function<CliContext, ContextCommand> maker) {
        return new Node(name, maker, List.of());
    }

    public static Node find(List<Node> nodes, String name) {
        for (Node node : nodes) {
            if (node.name().equals(name)) {
                return node;
            }
        }
        return null;
    }
}
