package org.retrovue.launcher;

import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.retrovue.cli.Cli;
import org.retrovue.cli.CliEnvironment;

/** Runs one command and exits with its code. The interactive shell comes with its own module. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws java.io.IOException {
        String script = System.getProperty("retrovue.command.script");
        if (script != null) {
            System.exit(CommandScript.run(java.nio.file.Path.of(script)));
        }
        configureLogging(Arrays.asList(args).contains("--debug"));
        String[] effective = args.length == 0 ? new String[] {"--help"} : args;
        int code = Cli.run(CliEnvironment.system(), effective);
        System.out.flush();
        System.exit(code);
    }

    /** Libraries log through java.util.logging; their lines would break the one-line error rule, so only --debug shows them. */
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
        } else {
            root.setLevel(Level.OFF);
        }
    }
}
