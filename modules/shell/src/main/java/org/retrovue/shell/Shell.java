package org.retrovue.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.retrovue.cli.CatalogNames;
import org.retrovue.cli.Cli;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.CliEnvironment;
import org.retrovue.cli.Prompter;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceKind;

/**
 * {@code retrovue shell}: the command tree at a {@code retrovue>} prompt, with one database connection and one
 * plugin registry for the whole session. On a terminal it is a JLine line editor (completion, history, Ctrl-R,
 * Ctrl-C); on a dumb terminal or with piped input it reads one command a line with no decorations, so it can run
 * scripts, and exits with the code of the first command that failed.
 */
public final class Shell {
    public static final String PROMPT = "retrovue> ";
    static final String HISTORY_FILE = "shell-history";

    private Shell() {}

    /** Runs a session on the process's terminal or standard input; returns the exit code. */
    public static int run(Map<String, String> env) throws IOException {
        java.io.Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        if (terminal && !"dumb".equals(env.get("TERM"))) {
            try (Terminal jline = TerminalBuilder.builder().system(true).nativeSignals(true).build()) {
                if (jline.getWidth() <= 0 || jline.getHeight() <= 0) {
                    jline.setSize(new Size(80, 24)); // a pseudo-terminal nobody sized (script, some CI runners)
                }
                return interactive(env, jline, new PrintWriter(System.err, true));
            }
        }
        return plain(env, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal);
    }

    /**
     * A session without a line editor: lines from {@code in}; a bare prompt only when {@code prompt} (a dumb
     * terminal). Returns the exit code of the first failed command, else 0.
     */
    static int plain(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, boolean prompt) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CliEnvironment environment = new CliEnvironment(env, out, err, null, Clock.systemUTC());
        try (CliContext context = new CliContext(environment)) {
            ShellSession session = new ShellSession(context, new Cli(context), new CatalogNames(context), out, err);
            return session.run(() -> {
                if (prompt) {
                    out.print(PROMPT);
                    out.flush();
                }
                return lines.readLine();
            });
        }
    }

    /** A session on a JLine terminal; 0 when the operator leaves, whatever failed on the way. */
    static int interactive(Map<String, String> env, Terminal terminal, PrintWriter err) {
        ReaderPrompter prompter = new ReaderPrompter();
        CliEnvironment environment = new CliEnvironment(env, terminal.writer(), err, prompter, Clock.systemUTC());
        try (CliContext context = new CliContext(environment)) {
            Cli cli = new Cli(context);
            CatalogNames names = new CatalogNames(context);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("retrovue")
                    .parser(new ShellParser())
                    .completer(new ShellCompleter(cli.commandLine(), names))
                    .history(new RedactingHistory(secretOptions(context), knownOptions(cli.commandLine())))
                    .variable(LineReader.HISTORY_FILE, historyFile(context))
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    .variable(LineReader.HISTORY_FILE_SIZE, 2000)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .option(LineReader.Option.AUTO_FRESH_LINE, true)
                    .build();
            prompter.reader = reader;
            Thread session = Thread.currentThread();
            // Ctrl-C while a command runs interrupts it; while a line is edited, JLine abandons the line instead.
            terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
            terminal.writer().println("RetroVue Sources " + Cli.version() + ". Type help for commands, Tab to complete, exit or Ctrl-D to leave.");
            new ShellSession(context, cli, names, terminal.writer(), err).run(() -> {
                try {
                    return reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    return "";
                } catch (EndOfFileException e) {
                    return null;
                }
            });
            return 0;
        }
    }

    private static Path historyFile(CliContext context) {
        return context.paths().dataDir().resolve(HISTORY_FILE);
    }

    /** The options any installed kind declares secret; option names that look like credentials are covered as well. */
    private static Set<String> secretOptions(CliContext context) {
        Set<String> secret = new HashSet<>();
        for (SourceKind kind : context.registry().kinds()) {
            for (OptionSpec option : kind.options()) {
                if (option.secret()) {
                    secret.add("--" + option.name());
                }
            }
        }
        return secret;
    }

    /** Every option name of the command tree, a source type's own options included. */
    static Set<String> knownOptions(picocli.CommandLine root) {
        Set<String> known = new HashSet<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            picocli.CommandLine command = todo.pop();
            known.addAll(command.getCommandSpec().optionsMap().keySet());
            todo.addAll(command.getSubcommands().values());
        }
        return known;
    }

    /** Confirmation questions ({@code source delete}) asked through the line editor, kept out of the history. */
    private static final class ReaderPrompter implements Prompter {
        private LineReader reader;

        @Override
        public boolean confirm(String question) {
            Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                String answer = reader.readLine(question + " [y/N] ").strip();
                return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
            } catch (UserInterruptException | EndOfFileException e) {
                return false;
            } finally {
                reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
            }
        }

        @Override
        public String secret(String what) {
            Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                return reader.readLine(what + ": ", (char) 0); // JLine's null mask: nothing echoed, not even stars
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            } finally {
                reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
            }
        }
    }
}
