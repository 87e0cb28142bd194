package org.retrovue.cli.command;

import java.util.List;
import picocli.CommandLine.HelpCommand;

/** The shape of the command tree: every command's name and class. A command added here is everywhere, shell included. */
public final class Commands {
    /** A command: its name, its class and its subcommands. */
    public record Node(String name, Class<?> type, List<Node> children) {}

    public static final Class<?> ROOT_TYPE = RootCommand.class;

    public static final List<Node> ROOT = List.of(
            new Node("source", SourceCommand.class, List.of(
                    leaf("list-types", SourceListTypesCommand.class),
                    leaf("add", SourceAddCommand.class),
                    leaf("list", SourceListCommand.class),
                    leaf("show", SourceShowCommand.class),
                    leaf("update", SourceUpdateCommand.class),
                    leaf("enrichers", SourceEnrichersCommand.class),
                    leaf("collections", SourceCollectionsCommand.class),
                    leaf("enable", SourceEnableCommand.class),
                    leaf("disable", SourceDisableCommand.class),
                    leaf("delete", SourceDeleteCommand.class))),
            new Node("db", DbCommand.class, List.of(
                    leaf("status", DbStatusCommand.class),
                    leaf("stop", DbStopCommand.class))),
            leaf("completion", CompletionCommand.class),
            leaf("help", HelpCommand.class));

    private Commands() {}

    private static Node leaf(String name, Class<?> type) {
        return new Node(name, type, List.of());
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
