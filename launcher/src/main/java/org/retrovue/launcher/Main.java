package org.retrovue.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.retrovue.cli.Cli;
import org.retrovue.cli.BeforeDatabaseStop;
import org.retrovue.cli.CliEnvironment;
import org.retrovue.launcher.resident.Resident;
import org.retrovue.launcher.resident.ResidentServer;
import org.retrovue.shell.Shell;

/**
 * Runs one command and exits with its code; {@code retrovue shell}, or {@code retrovue} alone on a terminal, opens
 * the interactive shell instead. With {@code -Dretrovue.resident.serve=true} it is the resident process
 * ({@link ResidentServer}), which a served command run here starts when none is alive.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws java.io.IOException {
        String script = System.getProperty("retrovue.command.script");
        if (script != null) {
            System.exit(CommandScript.run(java.nio.file.Path.of(script)));
        }
        if (Boolean.getBoolean("retrovue.resident.serve")) {
            configureLogging(false);
            System.exit(ResidentServer.serve());
        }
        configureLogging(Arrays.asList(args).contains("--debug"));
        BeforeDatabaseStop.set(Resident.STOP); // a constant, not a method reference: no class spun at every start
        int code;
        List<String> words = new java.util.ArrayList<>();
        for (String arg : args) { // no lambda: it would spin a class at every start (docs/adr/0005)
            if (!arg.equals("--debug")) {
                words.add(arg);
            }
        }
        if (!words.isEmpty() && words.getFirst().equals("shell") && !words.contains("--help") && !words.contains("-h")) {
            code = shell(words.subList(1, words.size()));
        } else if (args.length == 0) {
            java.io.Console console = System.console();
            code = console != null && console.isTerminal() ? shell(List.of()) : Cli.run(CliEnvironment.system(), "--help");
        } else {
            Interrupts interrupts = Interrupts.install(Thread.currentThread());
            code = interrupts.exitCode(Cli.run(CliEnvironment.system(), args));
            System.out.flush();
            if (!interrupts.interrupted()) {
                Resident.afterCommand(System.getenv(), args);
            }
        }
        System.out.flush();
        System.exit(code);
    }

    /** The shell, which takes no arguments; its help comes from the command tree, as every command's does. */
    private static int shell(List<String> args) throws java.io.IOException {
        if (!args.isEmpty()) {
            System.err.println("error: retrovue shell takes no arguments; type commands at its prompt, or pipe them in (see `retrovue shell --help`)");
            return org.retrovue.cli.ExitCodes.USAGE;
        }
        return Shell.run(System.getenv());
    }

    /** Where plugins log: {@code org.retrovue.plugin.KIND} (SourceContext.logger). */
    static final String PLUGIN_LOGGERS = "org.retrovue.plugin";

    /**
     * Libraries log through java.util.logging; their lines would break the one-line error rule, so only --debug
     * shows them, on stderr: INFO and above, and the plugins' DEBUG and TRACE too (the libraries' would drown them).
     */
    static void configureLogging(boolean debug) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        if (debug) {
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.ALL);
            root.addHandler(console);
            root.setLevel(Level.INFO);
            PLUGINS.setLevel(Level.ALL);
        } else {
            root.setLevel(Level.OFF);
            PLUGINS.setLevel(null); // as the root: nothing
        }
    }

    /** Held, so that the level set on it is not lost to garbage collection with a weakly held logger. */
    private static final Logger PLUGINS = Logger.getLogger(PLUGIN_LOGGERS);
}
