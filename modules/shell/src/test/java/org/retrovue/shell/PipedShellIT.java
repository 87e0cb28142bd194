package org.retrovue.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrovue shell < commands.txt}: one command a line, no decorations, the first failure's exit code. */
class PipedShellIT {
    @TempDir
    Path temp;
    private ShellHarness shell;
    private Path movies;

    @BeforeEach
    void setUp() throws Exception {
        shell = new ShellHarness(temp.resolve("data"));
        movies = Files.createDirectories(temp.resolve("media/My Movies"));
    }

    @Test
    void runsEveryLineGoesOnAfterAnErrorAndExitsWithTheFirstFailuresCode() throws Exception {
        ShellHarness.Result r = shell.piped("""
                # a comment, then a blank line

                source add --type filesystem --name "My Movies" --base-path '%s'
                source show nobody
                source add --type filesystem --name 'my movies' --base-path /
                source enable "My Movies/My Movies"
                source list --json
                """.formatted(movies));
        assertEquals(3, r.code(), "the first failure was `source show nobody` (not found): " + r);
        assertEquals(2, r.err().lines().count(), r::toString);
        assertTrue(r.err().lines().allMatch(line -> line.startsWith("error: ")), r::toString);
        assertTrue(r.err().contains("no source matches 'nobody'") && r.err().contains("already"), r::toString);
        assertTrue(r.out().contains("\"name\" : \"My Movies\"") && r.out().contains("\"collections_enabled\" : 1"), r::toString);
        assertFalse(r.out().contains("retrovue>"), "no prompt when input is piped: " + r);
        assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), "no escape codes: " + r);
    }

    @Test
    void controlCharactersInNamesAndPathsAreEscapedInTheShellsOutput() throws Exception {
        // names as a server or an older catalogue may hold them: the window title (OSC 0), a cleared screen, a new line
        String evil = "'Old ' || chr(27) || ']0;pwned' || chr(7) || chr(27) || '[2J' || chr(10) || 'row'";
        var env = shell.env();
        shell.piped("source list\n"); // the schema, made on first use
        try (var c = java.sql.DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"),
                env.get("RETROVUE_DATABASE_PASSWORD")); var s = c.createStatement()) {
            s.execute("insert into sources (id, external_id, name, kind, config) values ('6f1c1b1e-0000-4000-8000-000000000001', "
                    + "'filesystem-000000000000', " + evil + ", 'filesystem', jsonb_build_object('base_path', '/mnt/' || " + evil + "))");
            s.execute("insert into source_collections (id, source_id, external_id, name, locations) values ('6f1c1b1e-0000-4000-8000-000000000002', "
                    + "'6f1c1b1e-0000-4000-8000-000000000001', 'root', " + evil + ", jsonb_build_array('/mnt/' || " + evil + "))");
        }
        ShellHarness.Result r = shell.piped("source list\nsource collections\nsource show filesystem-000000000000\nsource show \"x\u001b[2Jy\"\n");
        assertEquals(3, r.code(), r::toString); // the last line names nothing; the harness checked every character
        assertTrue(r.out().contains("Old \\x1b]0;pwned\\x07\\x1b[2J\\nrow"), r::toString);
        assertTrue(r.err().contains("x\\x1b[2Jy"), r::toString);
    }

    @Test
    void succeedsWhenEveryCommandDoesAndStopsAtExit() throws Exception {
        ShellHarness.Result r = shell.piped("source list\nexit\nsource show nobody\n");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), "nothing after exit ran: " + r);
    }

    @Test
    void anUnclosedQuoteIsAUsageErrorOfItsLine() throws Exception {
        ShellHarness.Result r = shell.piped("source show \"My Movies\nsource list\n");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("error: unclosed \" quote"), r::toString);
        assertTrue(r.out().startsWith("No sources."), "the next line still ran: " + r);
    }

    @Test
    void theShellsOwnWordsWork() throws Exception {
        ShellHarness.Result r = shell.piped("timing on\nsource list\ntiming off\nsource list\ntiming sideways\nshell\n");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().filter(l -> l.matches("time: \\d+\\.\\d{3} ms")).count(), "one timed command: " + r);
        assertTrue(r.err().contains("error: timing takes on, off or nothing") && r.err().contains("error: this is the shell already"), r::toString);
    }

    @Test
    void aDumbTerminalGetsABarePromptAndALeadingRetrovueIsForgiven() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Shell.plain(shell.env(), new java.io.ByteArrayInputStream("retrovue source list\n".getBytes()), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true), true);
        assertEquals(0, code, err::toString);
        assertTrue(out.toString().startsWith("retrovue> No sources."), out::toString);
        assertTrue(out.toString().endsWith("retrovue> "), "a prompt for the next line: " + out);
        assertFalse(out.toString().contains("\u001b"), out::toString);
    }

    @Test
    void helpListsTheCommandsAndTheShellsOwnWords() throws Exception {
        ShellHarness.Result r = shell.piped("help\nhelp source add\n");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Commands:") && r.out().contains("In the shell:") && r.out().contains("timing"), r::toString);
        assertTrue(r.out().contains("Usage: retrovue source add"), r::toString);
    }

    @Test
    void optionsDoNotLeakFromOneCommandIntoTheNext() throws Exception {
        ShellHarness.Result r = shell.piped("source add --type filesystem --name M --base-path '%s'\nsource list --json\nsource list\n".formatted(movies));
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, r.out().lines().filter(l -> l.contains("\"external_id\"")).count(), "one JSON list: " + r);
        assertTrue(r.out().lines().toList().getLast().matches("M\\s+filesystem\\s.*"), "the second list printed a table: " + r);
    }
}
