package org.retrovue.cli;

import java.util.ArrayList;
import java.util.List;
import org.retrovue.cli.command.Commands;
import picocli.CommandLine;

/**
 * Builds the picocli command tree, all of it or only the branch a one-shot command line names. Reading a
 * command's annotations costs start-up time, so {@code retrovue source list} builds the root, {@code source} and
 * {@code list} only; help, completion, the shell and anything not recognised get the whole tree.
 */
final class CommandTree {
    private CommandTree() {}

    static CommandLine full(CommandLine.IFactory factory) {
        return build(factory, null, null);
    }

    static CommandLine forArguments(CommandLine.IFactory factory, String... args) {
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
                return full(factory); // a root option such as --help or --version
            }
        }
        if (words.isEmpty()) {
            return full(factory);
        }
        Commands.Node group = Commands.find(Commands.ROOT, words.getFirst());
        if (group == null || group.children().isEmpty()) {
            return full(factory);
        }
        Commands.Node leaf = words.size() > 1 ? Commands.find(group.children(), words.get(1)) : null;
        if (leaf == null) {
            return full(factory);
        }
        return build(factory, group, leaf);
    }

    private static CommandLine build(CommandLine.IFactory factory, Commands.Node onlyGroup, Commands.Node onlyLeaf) {
        CommandLine root = create(factory, Commands.ROOT_TYPE);
        for (Commands.Node group : Commands.ROOT) {
            if (onlyGroup != null && group != onlyGroup) {
                continue;
            }
            CommandLine groupLine = create(factory, group.type());
            for (Commands.Node leaf : group.children()) {
                if (onlyLeaf == null || leaf == onlyLeaf) {
                    groupLine.addSubcommand(leaf.name(), create(factory, leaf.type()));
                }
            }
            root.addSubcommand(group.name(), groupLine);
        }
        return root;
    }

    private static CommandLine create(CommandLine.IFactory factory, Class<?> type) {
        try {
            return new CommandLine(factory.create(type), factory);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create command " + type.getName(), e);
        }
    }
}
