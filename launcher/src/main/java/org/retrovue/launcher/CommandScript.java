package org.retrovue.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.retrovue.cli.Cli;
import org.retrovue.cli.CliEnvironment;

/**
 * Runs a file of commands in one JVM (set {@code -Dretrovue.command.script=FILE}): the image build uses it to train
 * the AOT cache on real one-shot paths ({@code -XX:AOTCacheOutput}), the benchmarks to seed data quickly. Each line
 * is one command with tab-separated arguments; a leading {@code !} means the command is expected to fail;
 * {@code ${DIR}} is replaced by the script's folder. Reports unexpected outcomes on stderr.
 */
final class CommandScript {
    private CommandScript() {}

    static int run(Path script) throws IOException {
        Main.configureLogging(false);
        String folder = script.toAbsolutePath().getParent().toString();
        int failures = 0;
        for (String line : Files.readAllLines(script)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (String part : line.split("\t")) {
                args.add(part.replace("${DIR}", folder));
            }
            boolean expectFailure = args.getFirst().equals("!");
            if (expectFailure) {
                args.removeFirst();
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(new CliEnvironment(System.getenv(), new PrintWriter(out), new PrintWriter(err), null, Clock.systemUTC()),
                    args.toArray(String[]::new));
            if ((code == 0) == expectFailure) {
                failures++;
                System.err.println("command " + args + " exited " + code + ": " + err.toString().strip());
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
