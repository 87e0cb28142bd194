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
    private String secret;
    private org.retrovue.core.PluginRegistry kinds;

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

    /** Every later run knows these source kinds only, in place of those on the class path (a test's own kinds). */
    CliHarness kinds(org.retrovue.spi.SourceKind... given) {
        kinds = org.retrovue.core.PluginRegistry.of(given);
        return this;
    }

    /** Every later run knows the source kinds on the class path and these enrichers only, in place of those on the class path. */
    CliHarness enrichers(org.retrovue.spi.Enricher... given) {
        kinds = org.retrovue.core.PluginRegistry.load(java.util.List.of()).withEnrichers(given);
        return this;
    }

    /** Answers every confirmation with {@code answer}, as an operator at a terminal would. */
    CliHarness terminalAnswering(boolean answer) {
        prompter = question -> answer;
        return this;
    }

    /** A terminal on which the operator types {@code typed} when asked for a secret (null: ends the input), and says no to confirmations. */
    CliHarness terminalTyping(String typed) {
        prompter = new Prompter() {
            @Override
            public boolean confirm(String question) {
                return false;
            }

            @Override
            public String secret(String what) {
                asked.add(what);
                return typed;
            }
        };
        return this;
    }

    /** What the terminal was asked for, as secrets, so far. */
    final java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every later run checks that {@code value} (a token, a password) shows neither on stdout nor on stderr. */
    CliHarness neverShowing(String value) {
        secret = value;
        return this;
    }

    /**
     * Runs one command line. Without a terminal (no {@link #terminalAnswering}), no output may hold an escape code;
     * with {@link #neverShowing}, none may hold the secret.
     */
    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.copyOf(env), new PrintWriter(out, true), new PrintWriter(err, true), prompter, Clock.systemUTC());
        int code;
        if (kinds == null) {
            code = Cli.run(environment, args);
        } else {
            try (CliContext context = new CliContext(environment, kinds)) {
                code = Cli.forArguments(context, args).execute(args);
            }
        }
        Result result = new Result(code, out.toString(), err.toString());
        if (secret != null) {
            org.junit.jupiter.api.Assertions.assertFalse(result.out().contains(secret) || result.err().contains(secret), "the secret never shows: " + result);
        }
        if (prompter == null) {
            org.junit.jupiter.api.Assertions.assertFalse(result.out().contains("\u001b") || result.err().contains("\u001b"),
                    "no escape codes without a terminal: " + result);
        }
        // On a terminal, the ingest's progress lines move the cursor (ESC[1F ESC[2K) and nothing else does; whatever
        // the names, titles and paths printed hold, no other control character reaches the output (Text.escape).
        // (Tabs only in what --debug adds, stack traces, and in the bash completion script.)
        boolean tabs = java.util.Arrays.asList(args).contains("--debug") || (args.length > 0 && args[0].equals("completion"));
        assertNoControlCharacters("stdout", tabs ? result.out().replace('\t', ' ') : result.out(), result);
        assertNoControlCharacters("stderr", (tabs ? result.err().replace('\t', ' ') : result.err()).replace("\u001b[1F\u001b[2K", ""), result);
        return result;
    }

    /** Fails when {@code text} holds a C0 control other than a line end, DEL, or a C1 control. */
    static void assertNoControlCharacters(String stream, String text, Object context) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
                org.junit.jupiter.api.Assertions.fail(String.format("raw control character U+%04X at %d of %s: %s", (int) c, i, stream, context));
            }
        }
    }

    /** Runs one command line that must succeed; returns its JSON output. */
    JsonNode ok(String... args) {
        Result result = run(args);
        org.junit.jupiter.api.Assertions.assertEquals(0, result.code(), result::toString);
        return result.json();
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
