package org.retrovue.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.retrovue.cli.command.KindNames;
import org.retrovue.cli.command.KindOptions;
import org.retrovue.cli.render.Text;
import org.retrovue.core.RetrovueException;
import org.retrovue.persistence.CatalogConflictException;
import org.retrovue.persistence.CatalogException;
import org.retrovue.persistence.DatabaseUnavailableException;
import org.retrovue.persistence.SchemaTooNewException;
import org.retrovue.pg.EmbeddedPostgresException;
import org.retrovue.spi.SourceKind;
import picocli.CommandLine;

/**
 * The command tree and its error policy: every failure is one {@code error:} line on stderr and a documented exit
 * code (docs/cli.md); a stack trace only with {@code --debug}. Data goes to stdout only.
 */
public final class Cli {
    private final CliContext context;
    private final CommandLine commandLine;

    /** The whole command tree (for help, completion and the shell). */
    public Cli(CliContext context) {
        this(context, CommandTree.full(context));
    }

    /** Only the branch of the tree that {@code args} name, which is all a one-shot command needs. */
    public static Cli forArguments(CliContext context, String... args) {
        return new Cli(context, CommandTree.forArguments(context, args));
    }

    private Cli(CliContext context, CommandLine tree) {
        this.context = context;
        this.commandLine = tree;
        commandLine.setOut(context.environment().out());
        commandLine.setErr(context.environment().err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(this::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, debug(parsed)));
        commandLine.setExecutionStrategy(Cli::runLast);
        var kinds = context.registry().kinds();
        KindNames.set(kinds.stream().map(SourceKind::id).toList());
        CommandLine source = commandLine.getSubcommands().get("source");
        if (source != null) {
            for (String name : new String[] {"add", "update"}) {
                CommandLine command = source.getSubcommands().get(name);
                if (command != null) {
                    KindOptions.install(command.getCommandSpec(), kinds, identifier -> context.sources().currentOptions(identifier));
                }
            }
        }
    }

    /** Runs one command line; returns its exit code. */
    public static int run(CliEnvironment environment, String... args) {
        try (CliContext context = new CliContext(environment)) {
            return forArguments(context, args).execute(args);
        }
    }

    /** This program's version, as {@code --version} prints it. */
    public static String version() {
        return org.retrovue.cli.command.VersionProvider.version();
    }

    public int execute(String... args) {
        try {
            return commandLine.execute(args);
        } catch (RuntimeException e) {
            return failure(e, Arrays.asList(args).contains("--debug"));
        }
    }

    /**
     * picocli's own strategy, with a failure while printing help ({@code source update SOURCE --help} reads the
     * source) handed to the same handler as a command's: picocli would print its stack trace.
     */
    private static int runLast(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), String.valueOf(e.getMessage()), e);
        }
    }

    public CommandLine commandLine() {
        return commandLine;
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = context.environment().err();
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        boolean unmatched = e instanceof CommandLine.UnmatchedArgumentException;
        String message = unmatched ? unmatched((CommandLine.UnmatchedArgumentException) e) : e.getMessage();
        err.println("error: " + oneLine(message) + " (see `" + command + " --help`)");
        if (!unmatched && Arrays.asList(args).contains("--debug")) {
            e.printStackTrace(err); // (not for an unknown option: its message holds the words after it, maybe a secret)
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * What was not understood, without the words after an unknown option: {@code --tokn SECRET} is most likely a
     * mistyped secret option, and its value must not be echoed.
     */
    static String unmatched(CommandLine.UnmatchedArgumentException e) {
        List<String> words = e.getUnmatched();
        for (String word : words) {
            if (word.startsWith("-") && word.length() > 1) {
                int equals = word.indexOf('=');
                String option = equals > 0 ? word.substring(0, equals) : word;
                String suggestion = closestOption(option, e.getCommandLine().getCommandSpec());
                return "unknown option '" + option + "'" + (suggestion == null ? "" : "; did you mean " + suggestion + "?");
            }
        }
        CommandLine where = e.getCommandLine();
        if (!words.isEmpty() && !where.getSubcommands().isEmpty() && where.getCommandSpec().positionalParameters().isEmpty()) {
            return Suggestions.unknownCommand(words.getFirst(), where); // a group (`retrovue`, `source`, `db`) takes commands only
        }
        return words.isEmpty() ? "unexpected arguments"
                : "unexpected argument" + (words.size() == 1 ? " '" : "s '") + String.join("' '", words) + "'";
    }

    /** The command's option nearest to a mistyped one (at most two edits away, or a prefix of it), or null. */
    private static String closestOption(String typed, CommandLine.Model.CommandSpec spec) {
        return Suggestions.nearest(typed, spec.optionsMap().keySet().stream().filter(name -> name.startsWith("--")).toList());
    }

    private int failure(Exception e, boolean debug) {
        PrintWriter err = context.environment().err();
        int code;
        String message;
        Throwable known = knownCause(e);
        if (known instanceof RetrovueException retrovue) {
            code = ExitCodes.of(retrovue.kind());
            message = retrovue.getMessage();
        } else if (known instanceof EmbeddedPostgresException db) {
            code = ExitCodes.DATABASE;
            message = db.getMessage();
        } else if (known instanceof DatabaseUnavailableException || known instanceof SchemaTooNewException) {
            code = ExitCodes.DATABASE;
            message = known.getMessage();
        } else if (known instanceof CatalogConflictException) {
            code = ExitCodes.CONFLICT;
            message = "the change conflicts with a record made meanwhile; run the command again";
        } else if (known instanceof CatalogException) {
            code = ExitCodes.FAILURE;
            message = "database error: " + known.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = "unexpected failure" + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (run again with --debug for details)";
        }
        err.println("error: " + oneLine(Text.withoutClassNames(message)));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The first exception in {@code e}'s causes that we know how to tell the operator about, else {@code e}. */
    private static Throwable knownCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetrovueException || t instanceof EmbeddedPostgresException || t instanceof CatalogException) {
                return t;
            }
        }
        return e;
    }

    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** {@code message} as one line, every control character in it escaped (Text.escape): names in it come from anywhere. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : Text.escape(message.strip());
    }
}
