package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.DatabaseTarget;
import org.retrovue.pg.testing.TestPostgres;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/** A plugin whose words hold its token and line breaks: wherever they go, they are on one line and the token masked. */
class PluginWordsIT {
    private static final String TOKEN = "s3cr3t/tok en+1";
    private static final String ENCODED = java.net.URLEncoder.encode(TOKEN, java.nio.charset.StandardCharsets.UTF_8);

    @TempDir
    Path temp;
    private Catalog catalog;
    private SourceService sources;
    private IngestService ingest;
    private final LeakyKind leaky = new LeakyKind();

    @BeforeEach
    void setUp() throws Exception {
        TestPostgres.Database database = TestPostgres.get().freshDatabase();
        catalog = Catalog.open(new DatabaseTarget(database.url(), database.user(), database.password()));
        PluginRegistry registry = PluginRegistry.of(leaky);
        sources = new SourceService(() -> catalog, registry, Clock.systemUTC());
        ingest = new IngestService(() -> catalog, registry, Clock.systemUTC());
        Files.createDirectories(temp.resolve("local"));
        sources.add("leaky", "L", Map.of("token", TOKEN), List.of());
        sources.addMapping("L/All", "/remote", temp.resolve("local").toString());
        sources.setEnabled("L/All", true);
    }

    @AfterEach
    void tearDown() {
        ingest.close();
        catalog.close();
    }

    private IngestReport.CollectionReport run() {
        return ingest.ingest(new IngestService.Request(Optional.of("L"), Optional.empty(), false, false, 1), IngestProgress.NONE).collections().getFirst();
    }

    private static void clean(String text) {
        assertFalse(text.contains(TOKEN) || text.contains(ENCODED) || text.contains("s3cr3t"), "no token: " + text);
        assertFalse(text.contains("\n") || text.contains("\r"), "one line: " + text);
    }

    private static String trace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void aScanFailureIsOneLineWithoutTheTokenInTheReportTheTraceAndTheStoredOutcome() {
        leaky.scanFails = true;
        IngestReport.CollectionReport report = run();
        assertEquals(IngestReport.Status.FAILED, report.status());
        clean(report.reason());
        assertTrue(report.reason().contains("GET http://plex/all?X-Plex-Token=******** refused: go away"), report.reason());
        assertTrue(report.reason().contains(Secrets.REDACTED), report.reason());
        String trace = trace(report.failure());
        assertFalse(trace.contains(TOKEN) || trace.contains(ENCODED), trace);
        assertTrue(trace.contains(SourceException.class.getName()), "the trace still names the class: " + trace);
        Object stored = ingest.lastIngest(report.collectionId()).orElseThrow().counts().get("error");
        clean((String) stored);
        assertEquals(report.reason(), stored);
    }

    @Test
    void warningsAreOneLineWithoutTheToken() {
        IngestReport.CollectionReport report = run();
        assertEquals(1, report.warnings().size(), report::toString);
        clean(report.warnings().getFirst());
        assertEquals("skipped token ******** twice", report.warnings().getFirst());
    }

    @Test
    void aConnectFailureAndAPluginBugAreCleanedToo() {
        leaky.connectFails = true;
        IngestReport.CollectionReport report = run();
        clean(report.reason());
        assertFalse(trace(report.failure()).contains(TOKEN));
        RetrovueException discover = assertThrows(RetrovueException.class, () -> sources.discover("L"));
        clean(discover.getMessage());
        assertFalse(trace(discover).contains(TOKEN), trace(discover));
        leaky.connectFails = false;
        leaky.bug = true;
        RuntimeException bug = assertThrows(RuntimeException.class, () -> sources.discover("L"));
        clean(bug.getMessage());
        assertFalse(trace(bug).contains(TOKEN), trace(bug));
    }

    @Test
    void aValidationFailureIsCleaned() {
        RetrovueException e = assertThrows(RetrovueException.class, () -> sources.add("leaky", "M", Map.of("token", "bad\nvalue " + TOKEN), List.of()));
        clean(e.getMessage());
        assertFalse(e.getMessage().contains("bad"), "the whole given value is masked: " + e.getMessage());
        assertEquals(ErrorKind.USAGE, e.kind());
    }

    /** Says its token in every failure, with line breaks. */
    static final class LeakyKind implements SourceKind {
        volatile boolean scanFails;
        volatile boolean connectFails;
        volatile boolean bug;

        @Override
        public String id() {
            return "leaky";
        }

        @Override
        public String description() {
            return "tells its token";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.secret("token", "the token"));
        }

        @Override
        public int spiMajorVersion() {
            return SpiVersion.MAJOR;
        }

        @Override
        public Map<String, Object> validate(Map<String, String> options) throws SourceException {
            String token = options.get("token");
            if (token.startsWith("bad")) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "token '" + token + "'\nis not valid");
            }
            return Map.of("token", token);
        }

        @Override
        public SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException {
            String token = (String) config.get("token");
            if (connectFails) {
                throw new SourceException(SourceException.Code.UNREACHABLE, "cannot reach http://plex/?X-Plex-Token=" + ENCODED + "\r\n  try later",
                        new java.io.IOException("connect to " + token + " failed"));
            }
            if (bug) {
                throw new IllegalStateException("bug holding " + token + "\nover two lines");
            }
            return new SourceConnection() {
                @Override
                public String fingerprint() {
                    return "leaky";
                }

                @Override
                public List<DiscoveredCollection> collections() {
                    return List.of(new DiscoveredCollection("all", "All", List.of("/remote"), Map.of()));
                }

                @Override
                public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
                    if (scanFails) {
                        throw new SourceException(SourceException.Code.PROTOCOL, "GET http://plex/all?X-Plex-Token=" + ENCODED + " refused:\n  go away",
                                new java.io.IOException("token " + token));
                    }
                    sink.warning("skipped token " + token + "\ntwice");
                    return ScanResult.complete("v1");
                }
            };
        }
    }
}
