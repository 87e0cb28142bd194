package org.retrovue.cli;

import java.util.ArrayList;
import java.util.List;
import org.retrovue.cli.command.Commands;
import picocli.CommandLine;

/**
 * Builds the picocli command tree, all of it or only the branch a one-shot command line names:
 * {@code retrovue source list} builds the root, {@code source} and {@code list} only; help, completion, the
 * shell and anything not recognised get the whole tree.
 */
final class CommandTree {
    private CommandTree() {}

    static CommandLine full(CliContext context) {
        CommandLine root = new CommandLine(Commands.root(context).spec());
        addAll(context, root, Commands.ROOT);
        return root;
    }

    private static void addAll(CliContext context, CommandLine parent, List<Commands.Node> nodes) {
        for (Commands.Node node : nodes) {
            CommandLine line = new CommandLine(node.maker().apply(context).spec());
            addAll(context, line, node.children());
            parent.addSubcommand(node.name(), line);
        }
    }

    static CommandLine forArguments(CliContext context, String... args) {
        List<Commands.Node> path = new ArrayList<>();
        List<Commands.Node> level = Commands.ROOT;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("-")) {
                if (path.isEmpty() && !arg.equals("--debug")) {
                    return full(context); // a root option such as --help or --version
                }
                continue;
            }
            Commands.Node node = Commands.find(level, arg);
            if (node == null) {
                break;
            }
            path.add(node);
            if (node.children().isEmpty()) {
                break;
            }
            level = node.children();
        }
        if (path.isEmpty() || !path.getLast().children().isEmpty() || path.getFirst().children().isEmpty()) {
            // nothing named; a group without its command (its usage lists them all); or help and completion,
            // which describe the whole tree
            return full(context);
        }
        CommandLine root = new CommandLine(Commands.root(context).spec());
        CommandLine parent = root;
        for (Commands.Node node : path) {
            CommandLine line = new CommandLine(node.maker().apply(context).spec());
            parent.addSubcommand(node.name(), line);
            parent = line;
        }
        return root;
    }
}
