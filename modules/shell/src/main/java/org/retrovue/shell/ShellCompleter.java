package org.retrovue.shell;

import org.retrovue.cli.CatalogNames;
import org.retrovue.cli.render.Text;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion from the command tree itself, so a command added later completes with no work here: command and
 * subcommand names, a command's options, an option's declared values ({@code --type} lists the plugin registry's
 * kinds), file paths for options and parameters that take one, and existing names for SOURCE and COLLECTION
 * parameters (from the catalogue), all with their descriptions.
 */
final class ShellCompleter implements Completer {
    private static final String GROUP_COMMANDS = "commands";
    private static final String GROUP_OPTIONS = "options";

    private final CommandLine root;
    private final CatalogNames names;

    ShellCompleter(CommandLine root, CatalogNames names) {
        this.root = root;
        this.names = names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.words().subList(0, line.wordIndex()), line.word().substring(0, line.wordCursor())));
    }

    /** What may follow {@code before} where {@code current} is being typed. */
    List<Candidate> candidates(List<String> before, String current) {
        CommandLine command = root;
        List<String> positionals = new ArrayList<>();
        OptionSpec awaitingValue = null;
        boolean optionsEnded = false;
        for (String word : before) {
            if (awaitingValue != null) {
                awaitingValue = null;
            } else if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && word.startsWith("-") && word.length() > 1) {
                OptionSpec option = command.getCommandSpec().findOption(word);
                if (option != null && takesValue(option)) {
                    awaitingValue = option;
                }
            } else if (positionals.isEmpty() && command.getSubcommands().containsKey(word)) {
                command = command.getSubcommands().get(word);
            } else {
                positionals.add(word);
            }
        }
        if (awaitingValue != null) {
            return values(awaitingValue, "", current);
        }
        if (!optionsEnded && current.startsWith("-")) {
            int equals = current.indexOf('=');
            if (equals > 0) {
                OptionSpec option = command.getCommandSpec().findOption(current.substring(0, equals));
                return option == null || !takesValue(option) ? List.of() : values(option, current.substring(0, equals + 1), current.substring(equals + 1));
            }
            return options(command);
        }
        if (!command.getSubcommands().isEmpty() && positionals.isEmpty()) {
            List<Candidate> out = subcommands(command);
            if (command == root) {
                out.removeIf(candidate -> candidate.value().equals("shell")); // this is the shell
                for (List<String> builtIn : ShellSession.BUILT_INS) {
                    out.add(new Candidate(builtIn.get(0), builtIn.get(0), GROUP_COMMANDS, builtIn.get(1), null, null, true));
                }
            }
            return out;
        }
        List<PositionalParamSpec> parameters = command.getCommandSpec().positionalParameters();
        for (PositionalParamSpec parameter : parameters) {
            if (parameter.index().contains(positionals.size())) {
                return parameterValues(parameter, positionals, current);
            }
        }
        return options(command);
    }

    private List<Candidate> parameterValues(PositionalParamSpec parameter, List<String> positionals, String current) {
        return switch (parameter.paramLabel()) {
            case "SOURCE" -> named(names.sources(), "sources");
            case "COLLECTION" -> named(names.collections(current.contains("/")), "collections");
            case "COMMAND" -> commandPath(positionals);
            case "LOCAL_PATH", "PATH" -> paths("", current);
            default -> List.of();
        };
    }

    /** For {@code help a b}: the commands under {@code a b}. */
    private List<Candidate> commandPath(List<String> path) {
        CommandLine target = root;
        for (String word : path) {
            target = target.getSubcommands().get(word);
            if (target == null) {
                return List.of();
            }
        }
        return subcommands(target);
    }

    private List<Candidate> values(OptionSpec option, String prefix, String current) {
        if (option.completionCandidates() != null) {
            List<Candidate> out = new ArrayList<>();
            for (String value : option.completionCandidates()) {
                out.add(new Candidate(prefix + value, value, null, null, null, null, true));
            }
            return out;
        }
        if (option.paramLabel().equals("PATH")) {
            return paths(prefix, current);
        }
        return List.of();
    }

    private static List<Candidate> subcommands(CommandLine command) {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<String, CommandLine> entry : command.getSubcommands().entrySet()) {
            out.add(new Candidate(entry.getKey(), entry.getKey(), GROUP_COMMANDS, firstLine(entry.getValue().getCommandSpec().usageMessage().description()), null, null, true));
        }
        return out;
    }

    private static List<Candidate> options(CommandLine command) {
        List<Candidate> out = new ArrayList<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            String name = option.longestName();
            // whole even when a value follows: JLine adds the space that separates them (--type filesystem)
            out.add(new Candidate(name, name, GROUP_OPTIONS, firstLine(option.description()), null, null, true));
        }
        return out;
    }

    private static List<Candidate> named(List<CatalogNames.Name> names, String group) {
        List<Candidate> out = new ArrayList<>();
        for (CatalogNames.Name name : names) {
            if (hasControl(name.value())) {
                continue; // cannot be typed, nor shown as it is: such a source or collection is named by its UUID
            }
            out.add(new Candidate(name.value(), name.value(), group, Text.escape(name.description()), null, null, true));
        }
        return out;
    }

    /** Whether {@code text} holds a character that Text.escape would write out: it must not reach the line editor raw. */
    static boolean hasControl(String text) {
        return !Text.escape(text).equals(text);
    }

    /** Entries of the directory {@code current} points into; directories end in '/' and leave the word open. */
    private static List<Candidate> paths(String prefix, String current) {
        int slash = current.lastIndexOf('/');
        String typedDirectory = slash < 0 ? "" : current.substring(0, slash + 1);
        Path directory = Path.of(typedDirectory.isEmpty() ? "." : typedDirectory);
        List<Candidate> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (hasControl(name)) {
                    continue; // a file name that would act on the terminal is not offered
                }
                boolean isDirectory = Files.isDirectory(entry);
                String value = prefix + typedDirectory + name + (isDirectory ? "/" : "");
                out.add(new Candidate(value, name + (isDirectory ? "/" : ""), null, null, null, null, !isDirectory));
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // an unreadable or missing directory has nothing to offer
        }
        return out;
    }

    private static boolean takesValue(ArgSpec option) {
        return option.arity().max() > 0;
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? null : description[0];
    }
}
