package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;

/** The items of the CLI's security issue, end to end against a real PostgreSQL (docs/cli.md). */
class SecurityIssueIT {
    /** Sets the window title (OSC 0), clears the screen, and starts a forged line. */
    private static final String EVIL = "evil\u001b]0;pwned\u0007\u001b[2J\nforged  row\u009b31m";
    /** The same in a file name (ASCII only, whatever the test JVM's file name encoding). */
    private static final String EVIL_FILE = "evil\u001b]0;pwned\u0007\u001b[2J\nforged  row";

    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("data"));
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    private CliHarness.Result fails(int code, String messagePart, String... args) {
        CliHarness.Result r = cli.run(args);
        assertEquals(code, r.code(), r::toString);
        assertTrue(r.err().startsWith("error: "), r::toString);
        assertEquals(1, r.err().lines().count(), "exactly one line: " + r);
        assertTrue(r.err().contains(messagePart), "expected '" + messagePart + "' in " + r);
        assertFalse(r.err().contains("\tat ") || r.err().matches("(?s).*[A-Za-z]+(Exception|Error)\\b.*"), "no stack trace, no class name: " + r);
        return r;
    }

    private JsonNode add(String name, Path path) {
        return ok("source", "add", "--type", "filesystem", "--name", name, "--base-path", path.toString(), "--json").json();
    }

    private void sql(String statement, String... values) throws Exception {
        Map<String, String> env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"),
                env.get("RETROVUE_DATABASE_PASSWORD")); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.execute();
        }
    }

    private long scalar(String query) throws Exception {
        Map<String, String> env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"),
                env.get("RETROVUE_DATABASE_PASSWORD")); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- item 6: one long path

    @Test
    void aPathLongerThanAThousandCharactersIsStoredWithTheOtherItems() throws Exception {
        Path root = Files.createDirectories(temp.resolve("media/long"));
        Path deep = root;
        for (int i = 0; i < 6; i++) {
            deep = deep.resolve(String.valueOf((char) ('a' + i)).repeat(200)); // 6 x 201 characters of folders
        }
        Files.createDirectories(deep);
        Path longFile = Files.writeString(deep.resolve("Deep Movie (2001).mkv"), "x");
        String longKey = root.relativize(longFile).toString();
        assertTrue(longKey.length() > 1_000, "a key over assets.key's old varchar(1000): " + longKey.length());
        for (int i = 0; i < 26; i++) {
            Files.writeString(root.resolve("Movie " + (char) ('A' + i) + ".mkv"), "x");
        }
        add("Long", root);
        ok("source", "enable", "Long/long", "--json");
        JsonNode report = ok("source", "ingest", "--json").json();
        JsonNode collection = report.get("collections").get(0);
        assertEquals("ingested", collection.get("status").asText(), report::toString);
        assertEquals(27, collection.get("counts").get("new").asLong(), report::toString);
        JsonNode assets = ok("source", "assets", "Long/long", "--limit", "0", "--json").json();
        assertEquals(27, assets.size());
        boolean found = false;
        for (JsonNode asset : assets) {
            found |= asset.get("key").asText().equals(longKey);
        }
        assertTrue(found, "the long path is stored as it is");
        CliHarness.Result again = ok("source", "ingest");
        assertEquals("", again.err(), again::toString);
    }

    // ---- item 8: control characters never reach the terminal

    @Test
    void namesTitlesAndPathsWithControlCharactersAreEscapedInTextOutput() throws Exception {
        Path root = Files.createDirectories(temp.resolve("media").resolve(EVIL_FILE));
        Files.writeString(root.resolve("Film " + EVIL_FILE + ".mkv"), "x");
        JsonNode added = add("Plain", root);
        String collectionId = added.get("collections").get(0).get("id").asText();
        String sourceId = added.get("id").asText();
        // a source name from before names were checked (or from another program): stored with the codes in it
        sql("update sources set name = ? where id = ?::uuid", "Old " + EVIL, sourceId);

        List<CliHarness.Result> results = new ArrayList<>();
        results.add(ok("source", "enable", collectionId));
        results.add(ok("source", "list"));
        results.add(ok("source", "show", sourceId));
        results.add(ok("source", "collections"));
        results.add(ok("source", "mapping", "add", collectionId, "/remote/" + EVIL, "/mnt/" + EVIL));
        results.add(ok("source", "mapping", "list"));
        results.add(ok("source", "ingest"));
        results.add(ok("source", "assets", collectionId));
        results.add(cli.run("source", "show", "nobody " + EVIL));
        results.add(cli.run("source", "show", "Old evil" + "\u001b"));
        results.add(cli.run("source", "ingest", "Old " + EVIL, "nothing " + EVIL));
        cli.terminalAnswering(true);
        results.add(ok("source", "ingest", "--full")); // with progress lines
        results.add(ok("source", "delete", sourceId));
        for (CliHarness.Result r : results) {
            // CliHarness fails on any raw control character; here: what was shown instead
            assertFalse(r.out().contains("pwned\u0007") || r.err().contains("pwned\u0007"), r::toString);
        }
        assertTrue(results.get(1).out().contains("Old evil\\x1b]0;pwned\\x07\\x1b[2J\\nforged  row\\u009b31m"), results.get(1)::toString);
        assertEquals(2, results.get(1).out().lines().count(), "a header and one row, none forged: " + results.get(1));
        assertTrue(results.get(7).out().contains("Film evil\\x1b]0;pwned"), results.get(7)::toString);
        assertTrue(results.get(8).err().contains("nobody evil\\x1b]0;pwned\\x07"), results.get(8)::toString);
    }

    @Test
    void jsonEscapesControlCharactersToo() throws Exception {
        JsonNode added = add("Plain", Files.createDirectories(temp.resolve("media/plain")));
        sql("update sources set name = ? where id = ?::uuid", EVIL + "\u007f\u202e", added.get("id").asText());
        CliHarness.Result list = ok("source", "list", "--json");
        assertTrue(list.out().contains("\\u009B") || list.out().contains("\\u009b"), list::toString);
        assertEquals(EVIL + "\u007f\u202e", list.json().get(0).get("name").asText(), "the same name, read back");
    }

    @Test
    void namesTypedWithControlCharactersAreRefused() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("media/x"));
        fails(2, "control characters", "source", "add", "--type", "filesystem", "--name", EVIL, "--base-path", dir.toString());
        fails(2, "control characters", "source", "add", "--type", "filesystem", "--name", "tab\there", "--base-path", dir.toString());
        fails(2, "control characters", "source", "add", "--type", "filesystem", "--name", "rtl\u202eevil", "--base-path", dir.toString());
        add("Fine", dir);
        fails(2, "control characters", "source", "update", "Fine", "--name", "bell\u0007");
        assertEquals("Fine", ok("source", "list", "--json").json().get(0).get("name").asText());
    }

    // ---- item 11: one remote, one source, even under races

    @Test
    void anUpdateRacingAnAddForOneDirectoryLeavesOneSourceOnIt() throws Exception {
        add("Mover", Files.createDirectories(temp.resolve("media/start")));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                Path target = Files.createDirectories(temp.resolve("media/target" + round));
                CyclicBarrier start = new CyclicBarrier(2);
                int r = round;
                Future<CliHarness.Result> update = pool.submit(() -> {
                    start.await();
                    return cli.run("source", "update", "Mover", "--base-path", target.toString());
                });
                Future<CliHarness.Result> adding = pool.submit(() -> {
                    start.await();
                    return cli.run("source", "add", "--type", "filesystem", "--name", "Adder " + r, "--base-path", target.toString());
                });
                CliHarness.Result u = update.get();
                CliHarness.Result a = adding.get();
                assertEquals(1, (u.code() == 0 ? 1 : 0) + (a.code() == 0 ? 1 : 0), "exactly one wins:\n" + u + "\n" + a);
                for (CliHarness.Result loser : List.of(u, a)) {
                    if (loser.code() != 0) {
                        assertEquals(5, loser.code(), loser::toString);
                        assertEquals(1, loser.err().lines().count(), loser::toString);
                        assertTrue(loser.err().startsWith("error: " + target.toRealPath() + " is already source '"), loser::toString);
                    }
                }
                assertEquals(0, scalar("select count(*) - count(distinct coalesce(config ->> 'identity', external_id)) from sources"),
                        "no two sources on one directory after round " + round);
                if (a.code() == 0) {
                    ok("source", "delete", "Adder " + r, "--force");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- item 12: the database lost in the middle of an ingest

    @Test
    void losingTheDatabaseMidIngestExitsSixWithAdviceForTheDatabaseInUse() throws Exception {
        String token = "plex-token-for-the-lost-database-test";
        try (FakePlexServer plex = FakePlexServer.builder().token(token).library(Library.Type.MOVIE, "Movies", 4_000, "/data/movies")
                .build().start()) {
            Path local = Files.createDirectories(temp.resolve("nas/movies"));
            ok("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", token, "--page-size", "500", "--json");
            ok("source", "mapping", "add", "P/Movies", "/data/movies", local.toString(), "--json");
            ok("source", "enable", "P/Movies", "--json");
            plex.faults().setLatency(java.time.Duration.ofMillis(300)); // eight pages, time to lose the database between them
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<CliHarness.Result> ingest = pool.submit(() -> cli.run("source", "ingest"));
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (scalar("select count(*) from assets") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20); // the first batch is in
                }
                sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
                CliHarness.Result r = ingest.get();
                assertEquals(6, r.code(), r::toString);
                assertEquals(1, r.err().lines().count(), r::toString);
                assertTrue(r.err().startsWith("error: ") && r.err().contains("PostgreSQL at 127.0.0.1:") && r.err().contains("RETROVUE_DATABASE_URL"), r::toString);
                assertFalse(r.err().contains("Exception") || r.err().contains("unexpected"), r::toString);
            } finally {
                pool.shutdownNow();
            }
            plex.faults().setLatency(java.time.Duration.ZERO);
            JsonNode again = ok("source", "ingest", "--json").json();
            assertEquals(4_000, again.get("collections").get(0).get("counts").get("seen").asLong(), "the next ingest finishes the job");
        }
    }

    // ---- item 14: relative local paths

    @Test
    void aRelativeLocalPathInAMappingIsRefused() throws Exception {
        add("Media", Files.createDirectories(temp.resolve("media/m")));
        fails(2, "is relative; give an absolute path", "source", "mapping", "add", "Media/m", "/data/movies", "nas/movies");
        fails(2, "is relative", "source", "mapping", "add", "Media/m", "/data/movies", "./movies");
        assertEquals(0, ok("source", "mapping", "list", "--json").json().size());
        ok("source", "mapping", "add", "Media/m", "/data/movies", "/mnt/" + "n".repeat(1_000), "--json");
    }

    // ---- item 17: a UUID means that UUID; names cannot look like identifiers

    @Test
    void aUuidNamesWhatHasItAndNamesCannotLookLikeIdentifiers() throws Exception {
        JsonNode first = add("First", Files.createDirectories(temp.resolve("media/first")));
        JsonNode second = add("Second", Files.createDirectories(temp.resolve("media/second")));
        String firstId = first.get("id").asText();
        Path third = Files.createDirectories(temp.resolve("media/third"));
        fails(2, "must not be a UUID", "source", "add", "--type", "filesystem", "--name", firstId, "--base-path", third.toString());
        fails(2, "must not be a UUID", "source", "update", "Second", "--name", firstId.toUpperCase());
        fails(2, "external id", "source", "add", "--type", "filesystem", "--name", "filesystem-0123456789ab", "--base-path", third.toString());
        fails(2, "external id", "source", "add", "--type", "filesystem", "--name", "Plex:server", "--base-path", third.toString());
        fails(2, "external id", "source", "update", "Second", "--name", "filesystem:/media");
        // a name stored before the rule: the UUID still means the source that has it
        sql("update sources set name = ? where id = ?::uuid", firstId, second.get("id").asText());
        assertEquals("First", ok("source", "show", firstId, "--json").json().get("name").asText());
        assertEquals("First", ok("source", "show", firstId.toUpperCase(), "--json").json().get("name").asText());
        fails(3, "no source has the UUID", "source", "show", "00000000-0000-0000-0000-000000000000");
        add("filesystem stuff", third); // a kind's name alone is fine
    }

    // ---- item 18: unknown options are named, their values never echoed

    @Test
    void aMistypedSecretOptionIsNamedButItsValueNeverShows() {
        cli.neverShowing("SECRET-VALUE-123");
        CliHarness.Result r = fails(2, "unknown option '--tokn'; did you mean --token?",
                "source", "add", "--type", "plex", "--name", "P", "--base-url", "http://127.0.0.1:9", "--tokn", "SECRET-VALUE-123");
        assertFalse(r.err().contains("SECRET"), r::toString);
        fails(2, "unknown option '--tokn'", "source", "add", "--type", "plex", "--name", "P", "--tokn=SECRET-VALUE-123");
        fails(2, "unknown option '--tokn'", "source", "add", "--tokn", "SECRET-VALUE-123", "--type", "plex", "--name", "P", "--debug");
        fails(2, "unknown option '--whatever'", "source", "list", "--whatever", "SECRET-VALUE-123");
    }

    // ---- item 13 (filesystem): a folder that cannot be entered

    @Test
    void aFolderThatCannotBeEnteredIsSaidSo() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root enters every folder");
        Path locked = Files.createDirectories(temp.resolve("locked/inner"));
        Files.setPosixFilePermissions(locked.getParent(), PosixFilePermissions.fromString("rw-------"));
        try {
            fails(2, "cannot be entered: permission denied", "source", "add", "--type", "filesystem", "--name", "L", "--base-path", locked.toString());
        } finally {
            Files.setPosixFilePermissions(locked.getParent(), PosixFilePermissions.fromString("rwx------"));
        }
    }
}
