package org.retrovue.plugin.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SpiVersion;
import org.retrovue.spi.testkit.SourceKindContract;

class FilesystemSourceKindTest {
    private final FilesystemSourceKind kind = new FilesystemSourceKind();
    private final SourceContext context = SourceKindContract.testContext();

    @TempDir
    Path temp;

    @Test
    void declaresItselfForTheSpi() {
        assertEquals("filesystem", kind.id());
        assertEquals(SpiVersion.MAJOR, kind.spiMajorVersion());
        assertEquals("base-path", kind.options().getFirst().name());
    }

    @Test
    void storesTheCanonicalPathAndFingerprintsItSoAliasesMatch() throws Exception {
        Path movies = Files.createDirectories(temp.resolve("media/movies"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), movies);
        Map<String, Object> direct = kind.validate(Map.of("base-path", movies.toString()));
        Map<String, Object> aliased = kind.validate(Map.of("base-path", link + "/../link/./"));
        assertEquals(movies.toRealPath().toString(), direct.get("base_path"));
        assertEquals(direct, aliased);
        try (SourceConnection a = kind.connect(direct, context); SourceConnection b = kind.connect(aliased, context)) {
            assertEquals(a.fingerprint(), b.fingerprint());
            DiscoveredCollection only = a.collections().getFirst();
            assertEquals("root", only.externalId());
            assertEquals("movies", only.name());
            assertEquals(movies.toRealPath().toString(), only.locations().getFirst());
        }
    }

    @Test
    void saysWhichWayAPathIsUnusable() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertMessage("does not exist", temp.resolve("missing").toString());
        assertMessage("is not a directory", file.toString());
        assertMessage("--base-path is required", "");
        assertMessage("not a valid path", "bad\0path");
    }

    private void assertMessage(String part, String path) {
        SourceException e = assertThrows(SourceException.class, () -> kind.validate(Map.of("base-path", path)));
        assertEquals(SourceException.Code.INVALID_CONFIG, e.code());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void aDirectoryThatDisappearedFailsItsConnection() throws Exception {
        Path gone = Files.createDirectories(temp.resolve("gone"));
        Map<String, Object> config = kind.validate(Map.of("base-path", gone.toString()));
        Files.delete(gone);
        try (SourceConnection connection = kind.connect(config, context)) {
            assertThrows(SourceException.class, connection::fingerprint);
        }
    }
}
