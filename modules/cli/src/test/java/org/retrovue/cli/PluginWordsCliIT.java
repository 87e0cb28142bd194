package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * Issue 15, item 7, through the command line: a plugin whose scan fails with a message of two lines holding the
 * source's token. Wherever its words go (the error line, the JSON report, the stored last ingest shown by
 * {@code collections} and {@code status}), they are on one line and the token is masked.
 */
class PluginWordsCliIT {
    private static final String TOKEN = "tok-51d2c8e7a9";
    private static final String SAID = "GET http://leaky.example/all?token=******** refused: go away";

    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(temp.resolve("data")).kinds(new LeakyKind()).neverShowing(TOKEN);
        Path local = Files.createDirectories(temp.resolve("local"));
        cli.ok("source", "add", "--type", "leaky", "--name", "L", "--token", TOKEN, "--json");
        cli.ok("source", "mapping", "add", "L/All", "/remote", local.toString(), "--json");
        cli.ok("source", "enable", "L/All", "--json");
    }

    @Test
    void aScanFailureIsOneLineAndMaskedOnStderrInJsonAndInTheStoredOutcome() {
        CliHarness.Result text = cli.run("source", "ingest", "L");
        assertEquals(ExitCodes.FAILURE, text.code(), text::toString);
        assertEquals(List.of("error: L/All: " + SAID), text.err().lines().toList(), "one error line, the token masked: " + text);

        CliHarness.Result json = cli.run("source", "ingest", "L", "--json");
        assertEquals(ExitCodes.FAILURE, json.code(), json::toString);
        JsonNode collection = json.json().get("collections").get(0);
        assertEquals("failed", collection.get("status").asText(), json::toString);
        assertEquals(SAID, collection.get("reason").asText());

        JsonNode stored = cli.ok("source", "collections", "L", "--json").get(0).get("last_ingest");
        assertEquals("failed", stored.get("outcome").asText(), stored::toString);
        assertEquals(SAID, stored.get("error").asText(), "stored as printed: " + stored);
        CliHarness.Result status = cli.run("source", "status", "L", "--json"); // exit 1: a collection whose last ingest failed is unhealthy
        JsonNode statusLast = status.json().get("sources").get(0).get("collections").get(0).get("last_ingest");
        assertEquals(SAID, statusLast.get("error").asText(), status::toString);

        CliHarness.Result debug = cli.run("source", "ingest", "L", "--debug");
        assertEquals(ExitCodes.FAILURE, debug.code(), debug::toString);
        assertTrue(debug.err().startsWith("error: L/All: " + SAID + "\n"), "the trace follows the same line: " + debug);
        assertFalse(debug.err().contains("refused:\n"), "the trace's messages are cleaned too: " + debug);
    }

    /** Its scan fails saying its token, over two lines. */
    static final class LeakyKind implements SourceKind {
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
        public Map<String, Object> validate(Map<String, String> options) {
            return Map.of("token", options.get("token"));
        }

        @Override
        public SourceConnection connect(Map<String, Object> config, SourceContext context) {
            String token = (String) config.get("token");
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
                    throw new SourceException(SourceException.Code.PROTOCOL, "GET http://leaky.example/all?token=" + token + " refused:\n  go away",
                            new java.io.IOException("token " + token));
                }
            };
        }
    }
}
