package org.retrovue.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.retrovue.cli.command.KindNames;
import org.retrovue.cli.command.KindOptions;
import org.retrovue.core.RetrovueException;
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
        var kinds = context.registry().kinds();
        KindNames.set(kinds.stream().map(SourceKind::id).toList());
        CommandLine source = commandLine.getSubcommands().get("source");
        if (source != null) {
            for (String name : new String[] {"add", "update"}) {
                CommandLine command = source.getSubcommands().get(name);
                if (command != null) {
                    KindOptions.install(command.getCommandSpec(), kinds);
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

    public CommandLine commandLine() {
        return commandLine;
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = context.environment().err();
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println("error: " + oneLine(e.getMessage()) + " (see `" + command + " --help`)");
        if (Arrays.asList(args).contains("--debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    private int failure(Exception e, boolean debug) {
        PrintWriter err = context.environment().err();
        int code;
        String message;
        if (e instanceof RetrovueException known) {
            code = ExitCodes.of(known.kind());
            message = known.getMessage();
        } else if (e instanceof EmbeddedPostgresException || e instanceof DatabaseUnavailableException || e instanceof SchemaTooNewException) {
            code = ExitCodes.DATABASE; // also when a service let one through untranslated (ingest opens the catalogue itself)
            message = e.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (run again with --debug for details)";
        }
        err.println("error: " + oneLine(message));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
