package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON shape written down in docs/cli.md (a block after {@code <!-- shape: COMMAND -->}) is compared with
 * what that command prints: the same keys at every level (config and options objects are free-form), and the same kinds of
 * values. A shape documented but not checked here, or checked but not documented, fails too.
 */
class JsonShapesIT {
    private static final Pattern SHAPE = Pattern.compile("<!-- shape: ([a-z -]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("data"));
    }

    static Map<String, JsonNode> documentedShapes() throws IOException {
        String doc = Files.readString(Path.of("../../docs/cli.md"));
        Map<String, JsonNode> shapes = new LinkedHashMap<>();
        Matcher m = SHAPE.matcher(doc);
        while (m.find()) {
            shapes.put(m.group(1).strip(), JSON.readTree(m.group(2)));
        }
        return shapes;
    }

    private JsonNode run(String... args) {
        CliHarness.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r.json();
    }

    @Test
    void everyDocumentedShapeMatchesTheCommandsOutput() throws Exception {
        Path movies = Files.createDirectories(temp.resolve("media/movies"));
        Path shows = Files.createDirectories(temp.resolve("media/shows"));
        Map<String, JsonNode> actual = new LinkedHashMap<>();
        actual.put("source list-types", run("source", "list-types", "--json"));
        actual.put("source add", run("source", "add", "--type", "filesystem", "--name", "Media Library", "--base-path", movies.toString(),
                "--enrichers", "ffprobe", "--json"));
        String collectionId = actual.get("source add").get("collections").get(0).get("id").asText();
        insertPathMapping(collectionId);
        actual.put("source enable", run("source", "enable", "Media Library/movies", "--json"));
        Files.writeString(movies.resolve("Alien (1979).mkv"), "video");
        actual.put("source ingest", run("source", "ingest", "--json"));
        actual.put("source assets", run("source", "assets", "Media Library/movies", "--json"));
        actual.put("source list", run("source", "list", "--json"));
        actual.put("source show", run("source", "show", "Media Library", "--json"));
        actual.put("source update", run("source", "update", "Media Library", "--base-path", shows.toString(), "--json"));
        actual.put("source enrichers", run("source", "enrichers", "Media Library", "ffprobe,loudness", "--json"));
        actual.put("source collections", run("source", "collections", "--json"));
        actual.put("source mapping add", run("source", "mapping", "add", "Media Library/shows", "/remote/shows", shows.toString(), "--json"));
        actual.put("source mapping list", run("source", "mapping", "list", "--json"));
        actual.put("db status", run("db", "status", "--json"));
        actual.put("source discover", run("source", "discover", "Media Library", "--json"));
        actual.put("source delete", run("source", "delete", "Media Library", "--force", "--json"));

        Map<String, JsonNode> documented = documentedShapes();
        assertEquals(new TreeSet<>(documented.keySet()), new TreeSet<>(actual.keySet()), "documented shapes vs checked shapes");
        List<String> problems = new ArrayList<>();
        for (var entry : documented.entrySet()) {
            compare(entry.getKey(), "$", entry.getValue(), actual.get(entry.getKey()), problems);
        }
        if (!problems.isEmpty()) {
            fail("docs/cli.md and the output disagree:\n  " + String.join("\n  ", problems));
        }
        assertTrue(actual.get("source show").get("collections").get(0).get("path_mappings").size() > 0, "path mapping shape was exercised");
        assertTrue(actual.get("source show").get("collections").get(0).get("last_ingest").isObject(), "last ingest shape was exercised");
        assertEquals(1, actual.get("source assets").size(), "asset shape was exercised");
    }

    private void insertPathMapping(String collectionId) throws Exception {
        var env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"), env.get("RETROVUE_DATABASE_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("insert into path_mappings (id, collection_id, plex_path, local_path) values (gen_random_uuid(), '"
                    + collectionId + "', '/data/movies', '/media/movies')");
        }
    }

    private static void compare(String command, String path, JsonNode doc, JsonNode out, List<String> problems) {
        if (doc.isNull() || out.isNull()) {
            return;
        }
        if (doc.getNodeType() != out.getNodeType()) {
            problems.add(command + " " + path + ": documented " + doc.getNodeType() + " but printed " + out.getNodeType());
            return;
        }
        if (doc.isObject()) {
            TreeSet<String> docKeys = new TreeSet<>();
            doc.fieldNames().forEachRemaining(docKeys::add);
            TreeSet<String> outKeys = new TreeSet<>();
            out.fieldNames().forEachRemaining(outKeys::add);
            if (!docKeys.equals(outKeys)) {
                problems.add(command + " " + path + ": documented keys " + docKeys + " but printed " + outKeys);
                return;
            }
            for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("config") && !key.equals("options")) {
                    compare(command, path + "." + key, doc.get(key), out.get(key), problems);
                }
            }
        } else if (doc.isArray() && !doc.isEmpty() && !out.isEmpty()) {
            compare(command, path + "[0]", doc.get(0), out.get(0), problems);
        }
    }
}
