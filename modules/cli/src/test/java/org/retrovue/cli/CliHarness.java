package org.retrovue.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.retrovue.pg.testing.TestPostgres;

/** Runs the command tree in-process against one fresh test database, capturing stdout, stderr and the exit code. */
final class CliHarness {
    private final Map<String, String> env = new HashMap<>();
    private Prompter prompter;

    CliHarness(Path dataDir) {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        env.put("RETROVUE_DATABASE_URL", database.url());
        env.put("RETROVUE_DATABASE_USER", database.user());
        env.put("RETROVUE_DATABASE_PASSWORD", database.password());
        env.put("RETROVUE_DATA_DIR", dataDir.toString());
    }

    Map<String, String> environment() {
        return Map.copyOf(env);
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Answers every confirmation with {@code answer}, as an operator at a terminal would. */
    CliHarness terminalAnswering(boolean answer) {
        prompter = question -> answer;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new CliEnvironment(Map.copyOf(env), new PrintWriter(out, true), new PrintWriter(err, true), prompter, Clock.systemUTC()), args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
        private static final ObjectMapper JSON = new ObjectMapper();

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
