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
        return build(context, null, null);
    }

    static CommandLine forArguments(CliContext context, String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-")) {
                words.add(arg);
                if (words.size() == 2) {
                    break;
                }
            } else if (words.isEmpty() && !arg.equals("--debug")) {
                return full(context); // a root option such as --help or --version
            }
        }
        if (words.isEmpty()) {
            return full(context);
        }
        Commands.Node group = Commands.find(Commands.ROOT, words.getFirst());
        if (group == null || group.children().isEmpty()) {
            return full(context);
        }
        Commands.Node leaf = words.size() > 1 ? Commands.find(group.children(), words.get(1)) : null;
        if (leaf == null) {
            return full(context);
        }
        return build(context, group, leaf);
    }

    private static CommandLine build(CliContext context, Commands.Node onlyGroup, Commands.Node onlyLeaf) {
        CommandLine root = new CommandLine(Commands.root(context).spec());
        for (Commands.Node group : Commands.ROOT) {
            if (onlyGroup != null && group != onlyGroup) {
                continue;
            }
            CommandLine groupLine = new CommandLine(group.maker().apply(context).spec());
            for (Commands.Node leaf : group.children()) {
                if (onlyLeaf == null || leaf == onlyLeaf) {
                    groupLine.addSubcommand(leaf.name(), new CommandLine(leaf.maker().apply(context).spec()));
                }
            }
            root.addSubcommand(group.name(), groupLine);
        }
        return root;
    }
}
