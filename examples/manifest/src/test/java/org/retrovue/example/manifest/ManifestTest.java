package org.retrovue.example.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;

/** What the manifest kind reads from a manifest, and how it fetches, keeps and checks a served one. */
class ManifestTest {
    @TempDir
    Path temp;

    private final ManifestSourceKind kind = new ManifestSourceKind();

    /** A context with a state directory, as RetroVue gives. */
    private SourceContext context() throws IOException {
        Path state = Files.createDirectories(temp.resolve("state"));
        return new SourceContext() {
            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public System.Logger logger() {
                return System.getLogger("test");
            }

            @Override
            public Optional<Path> stateDirectory() {
                return Optional.of(state);
            }
        };
    }

    private SourceConnection connect(Map<String, String> options) throws Exception {
        return kind.connect(kind.validate(options), context());
    }

    /** A scan's items, warnings and expected total. */
    private record Scan(List<ScannedItem> items, List<String> warnings, List<Long> expected, ScanResult result) {}

    private static Scan scan(SourceConnection connection, String previousVersion) throws SourceException {
        Scan scan = new Scan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
        DiscoveredCollection collection = connection.collections().getFirst();
        ScanResult result = connection.scan(new ScanRequest(collection, previousVersion), new ScanSink() {
            @Override
            public void item(ScannedItem item) {
                scan.items.add(item);
            }

            @Override
            public void warning(String message) {
                scan.warnings.add(message);
            }

            @Override
            public void expect(long total) {
                scan.expected.add(total);
            }
        });
        return new Scan(scan.items, scan.warnings, scan.expected, result);
    }

    @Test
    void splitsCsvFieldsWithQuotes() {
        assertEquals(List.of("a.mkv", "Pilot, part 1", "1800"), Manifest.fields("a.mkv,\"Pilot, part 1\",1800"));
        assertEquals(List.of("say \"hi\"", ""), Manifest.fields("\"say \"\"hi\"\"\","));
        assertEquals(null, Manifest.fields("\"open"));
    }

    @Test
    void readsDetailsKindsAndChangeTokensFromTheColumnsTheHeaderNames() throws Exception {
        Path csv = Files.writeString(temp.resolve("list.csv"), """
                title,path,show,season,episode,air_date,year,tvdb,imdb,version
                Pilot,shows/pilot.mkv,Lost,1,1-2,2004-09-22,,73739,,v7
                Heat,movies/heat.mkv,,,,,1995,,tt0113277,
                ,notes.txt,,,,,,,,
                """);
        try (SourceConnection connection = connect(Map.of("file", csv.toString()))) {
            Scan scan = scan(connection, null);
            assertEquals(List.of(3L), scan.expected(), "the total, told before the items");
            ScannedItem pilot = scan.items().get(0);
            assertEquals(List.of(ItemKind.EPISODE, "Lost", 1, 1, 2, LocalDate.of(2004, 9, 22), Map.of("tvdb", "73739"), "v7"), List.of(pilot.kind(),
                    pilot.show(), pilot.season(), pilot.episode(), pilot.episodeEnd(), pilot.airDate(), pilot.providerIds(), pilot.version()));
            ScannedItem heat = scan.items().get(1);
            assertEquals(List.of(ItemKind.MOVIE, 1995, Map.of("imdb", "tt0113277")), List.of(heat.kind(), heat.year(), heat.providerIds()));
            assertEquals(Manifest.hash("Heat,movies/heat.mkv,,,,,1995,,tt0113277,"), heat.version(), "no version column value: the row's hash");
            assertEquals(ItemKind.OTHER, scan.items().get(2).kind());
            assertEquals(temp.toRealPath().resolve("movies/heat.mkv").toString(), heat.remotePath());
        }
    }

    @Test
    void anEditedRowGetsAnotherChangeToken() throws Exception {
        Path csv = Files.writeString(temp.resolve("list.csv"), "path,title\na.mkv,Pilot\n");
        String before;
        try (SourceConnection connection = connect(Map.of("file", csv.toString()))) {
            before = scan(connection, null).items().getFirst().version();
        }
        Files.writeString(csv, "path,title\na.mkv,Pilot (uncut)\n");
        try (SourceConnection connection = connect(Map.of("file", csv.toString()))) {
            assertNotEquals(before, scan(connection, null).items().getFirst().version());
        }
    }

    @Test
    void discoveryWarnsOfUnknownColumnsAndLinesThatDoNotRead() throws Exception {
        Path csv = Files.writeString(temp.resolve("list.csv"), """
                path,title,rating
                a.mkv,"Pilot
                ,No path
                b.mkv,B
                """);
        try (SourceConnection connection = connect(Map.of("file", csv.toString()))) {
            List<String> warnings = new ArrayList<>();
            assertEquals(1, connection.collections(warnings::add).size());
            assertEquals(3, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).startsWith("column 'rating' is not one the manifest type reads"), warnings::toString);
            assertEquals("line 2 has a quote that is not closed; skipped", warnings.get(1));
            assertEquals("line 3 has no path; skipped", warnings.get(2));
            Scan scan = scan(connection, null);
            assertEquals(List.of("b.mkv"), scan.items().stream().map(ScannedItem::key).toList());
            assertEquals(2, scan.warnings().size(), "the scan warns of each line it skips");
        }
    }

    @Test
    void aValueThatDoesNotReadIsLeftOutAndTheRowKept() throws Exception {
        Path csv = Files.writeString(temp.resolve("list.csv"), "path,duration_seconds,year\na.mkv,long,1995\n");
        try (SourceConnection connection = connect(Map.of("file", csv.toString()))) {
            Scan scan = scan(connection, null);
            assertEquals(List.of("line 2: duration_seconds 'long' is not a number; left out"), scan.warnings());
            assertEquals(1995, scan.items().getFirst().year());
        }
    }

    @Test
    void aFileInAnotherEncodingIsNamedAndReadWithEncoding() throws Exception {
        Path csv = Files.write(temp.resolve("list.csv"), "path,title\ncaf\u00e9.mkv,Caf\u00e9\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        SourceException e = assertThrows(SourceException.class, () -> scan(connect(Map.of("file", csv.toString())), null));
        assertTrue(e.getMessage().contains("--encoding windows-1252"), e::getMessage);
        try (SourceConnection connection = connect(Map.of("file", csv.toString(), "encoding", "windows-1252"))) {
            assertEquals("Caf\u00e9", scan(connection, null).items().getFirst().title());
        }
    }

    @Test
    void aServedManifestIsFetchedWithTheTokenKeptWithItsETagAndNotListedWhenUnchanged() throws Exception {
        try (NasServer nas = new NasServer("path,title\nmovies/heat.mkv,Heat\n", "secret-1");
             SourceConnection connection = connect(Map.of("file", nas.url(), "token", "secret-1"))) {
            assertEquals("manifest 'list.csv' on 127.0.0.1:" + nas.server.getAddress().getPort(), connection.displayName());
            assertEquals(List.of("/media"), connection.collections().getFirst().locations());
            Scan first = scan(connection, null);
            assertEquals("/media/movies/heat.mkv", first.items().getFirst().remotePath(), "a path as the server sees it, for path mappings");
            assertEquals(-1, first.items().getFirst().size());
            Scan second = scan(connection, first.result().version());
            assertTrue(second.result().unchanged(), "the same ETag: nothing listed");
            assertEquals(200, nas.answered.getFirst());
            assertEquals(List.of(304), nas.answered.subList(1, nas.answered.size()).stream().distinct().toList(),
                    "fetched once, then told each time that it had not changed: " + nas.answered);

            nas.manifest = "path,title\nmovies/heat.mkv,Heat (1995)\n";
            Scan third = scan(connection, first.result().version());
            assertFalse(third.result().unchanged());
            assertEquals("Heat (1995)", third.items().getFirst().title());
        }
    }

    @Test
    void healthSaysWhetherTheServerAnswersAndTakesTheToken() throws Exception {
        try (NasServer nas = new NasServer("path\na.mkv\n", "secret-1")) {
            try (SourceConnection connection = connect(Map.of("file", nas.url(), "token", "secret-1"))) {
                assertEquals(SourceHealth.healthy(SourceHealth.Check.OK, "TestNAS/2.1", null), connection.health());
            }
            try (SourceConnection connection = connect(Map.of("file", nas.url(), "token", "wrong"))) {
                SourceHealth health = connection.health();
                assertEquals(SourceHealth.Check.FAILED, health.credentials());
                assertTrue(health.problem().contains("refused the token") && !health.problem().contains("wrong"), health::problem);
            }
            nas.close();
            try (SourceConnection connection = connect(Map.of("file", nas.url(), "token", "secret-1"))) {
                SourceHealth health = connection.health();
                assertEquals(SourceHealth.Check.FAILED, health.reachable(), health::toString);
            }
        }
        Path csv = Files.writeString(temp.resolve("list.csv"), "path\na.mkv\n");
        try (SourceConnection connection = connect(Map.of("file", csv.toString()))) {
            assertEquals(SourceHealth.healthy(SourceHealth.Check.NOT_APPLICABLE, null, null), connection.health());
        }
    }

    @Test
    void aTokenIsKeptForAServedManifestOnlyAndAUrlHoldsNoPassword() throws Exception {
        Path csv = Files.writeString(temp.resolve("list.csv"), "path\na.mkv\n");
        assertFalse(kind.validate(Map.of("file", csv.toString(), "token", "t")).containsKey("token"));
        assertEquals("t", kind.validate(Map.of("file", "https://nas.local/list.csv", "token", "t")).get("token"));
        SourceException e = assertThrows(SourceException.class, () -> kind.validate(Map.of("file", "https://me:pw@nas.local/list.csv")));
        assertFalse(e.getMessage().contains("pw"), e::getMessage);
    }
}
