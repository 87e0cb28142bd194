package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationListTest {
    @Test
    void everyScriptInTheModuleIsListedInOrder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", SchemaMigrator.LOCATION))) {
            var scripts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
            assertEquals(scripts, SchemaMigrator.MIGRATIONS);
        }
    }
}
