package org.retrovue.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactingHistoryTest {
    private static final Set<String> SECRET = Set.of("--token", "--api-key");

    @Test
    void redactsTheValuesOfSecretOptionsInEveryForm() {
        assertEquals("source add --type plex --token ******** --name P",
                RedactingHistory.redact("source add --type plex --token abc123 --name P", SECRET));
        assertEquals("source add --token=******** --name P", RedactingHistory.redact("source add --token=abc123 --name P", SECRET));
        assertEquals("x --api-key ******** y", RedactingHistory.redact("x --api-key 'quoted secret' y", SECRET));
        assertEquals("x --password hunter2", RedactingHistory.redact("x --password hunter2", SECRET), "by declaration, not by a name that sounds secret");
        assertEquals("source show \"My Token Server\"", RedactingHistory.redact("source show \"My Token Server\"", SECRET));
        assertEquals("x --token", RedactingHistory.redact("x --token", SECRET));
    }

    @Test
    void theWordsAfterAnUnknownOptionAreMasked() {
        Set<String> known = Set.of("--type", "--name", "--token", "--base-url", "--json");
        assertEquals("source add --type plex --tokn ********", RedactingHistory.redact("source add --type plex --tokn SECRET --name P", SECRET, known));
        assertEquals("source add --tokn=********", RedactingHistory.redact("source add --tokn=SECRET --name P", SECRET, known));
        assertEquals("source add --token ******** --tokn ********",
                RedactingHistory.redact("source add --token abc --tokn 'two words' --json", SECRET, known));
        assertEquals("source list --jsn", RedactingHistory.redact("source list --jsn", SECRET, known), "nothing after it: nothing to mask");
        assertEquals("source add --type plex --name P --json", RedactingHistory.redact("source add --type plex --name P --json", SECRET, known));
    }

    @Test
    void theShellKnowsEveryOptionOfTheTreeAndOfEachSourceType(@TempDir Path temp) {
        var env = java.util.Map.of("RETROVUE_DATA_DIR", temp.toString());
        try (var context = new org.retrovue.cli.CliContext(new org.retrovue.cli.CliEnvironment(env, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()), null, java.time.Clock.systemUTC()))) {
            Set<String> known = Shell.knownOptions(new org.retrovue.cli.Cli(context).commandLine());
            assertTrue(known.containsAll(Set.of("--token", "--base-path", "--json", "--force", "--debug", "--help")), known.toString());
            assertFalse(known.contains("--tokn"));
        }
    }

    @Test
    void theHistoryFileNeverHoldsASecretAndOnlyItsOwnerCanReadIt(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("shell-history");
        try (Terminal terminal = TerminalBuilder.builder().streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).dumb(true).build()) {
            RedactingHistory history = new RedactingHistory(SECRET);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(history).variable(LineReader.HISTORY_FILE, file).build();
            history.attach(reader);
            history.add(Instant.now(), "source add --type plex --name P --base-url http://h:32400 --token s3cr3t-value");
            history.add(Instant.now(), "source list --json");
            history.save();
            assertEquals("source add --type plex --name P --base-url http://h:32400 --token ********", history.get(0),
                    "the up arrow does not bring the secret back either");
        }
        String saved = Files.readString(file);
        assertFalse(saved.contains("s3cr3t-value"), saved);
        assertTrue(saved.contains("--token ********") && saved.contains("source list --json"), saved);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
