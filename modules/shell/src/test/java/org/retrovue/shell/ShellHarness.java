package org.retrovue.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.retrovue.pg.testing.TestPostgres;

/** One fresh test database and data directory for a shell test, and the shell's piped mode run over a script. */
final class ShellHarness {
    private final Map<String, String> env = new HashMap<>();

    ShellHarness(Path dataDir) {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        env.put("RETROVUE_DATABASE_URL", database.url());
        env.put("RETROVUE_DATABASE_USER", database.user());
        env.put("RETROVUE_DATABASE_PASSWORD", database.password());
        env.put("RETROVUE_DATA_DIR", dataDir.toString());
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** The shell reading {@code script} from piped standard input. */
    Result piped(String script) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Shell.plain(env(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), false);
        Result result = new Result(code, out.toString(), err.toString());
        // whatever the names, titles and paths printed hold, no control character but the line end reaches the output
        for (String text : new String[] {result.out(), result.err()}) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
                    throw new AssertionError(String.format("raw control character U+%04X at %d: %s", (int) c, i, result));
                }
            }
        }
        return result;
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
