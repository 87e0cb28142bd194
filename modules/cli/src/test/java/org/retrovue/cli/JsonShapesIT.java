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
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;

/**
 * Every JSON shape written down in docs/cli.md (a block after {@code <!-- shape: COMMAND -->}) is compared with
 * what that command prints: the same keys at every level (config, options and provider_ids objects are free-form), and the same kinds of
 * values. A shape documented but not checked here, or checked but not documented, fails too.
 */
class JsonShapesIT {
    private static final Pattern SHAPE = Pattern.compile("<!-- shape: ([a-z -]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);
    /** Objects whose keys are data, not shape: a source's config, an asset's ids by provider, its enrichers' results by id. */
    private static final java.util.Set<String> FREE_FORM = java.util.Set.of("config", "options", "provider_ids", "results", "enricher_options");
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

    /** Runs a command whose output is compared with the shape documented for {@code shape}; returns its output. */
    private JsonNode check(String shape, String... args) {
        JsonNode out = run(args);
        actual.computeIfAbsent(shape, k -> new ArrayList<>()).add(out);
        return out;
    }

    private final Map<String, List<JsonNode>> actual = new LinkedHashMap<>();

    /**
     * Each shape is compared with the output of commands chosen so that every array the docs show an element of is
     * printed with elements: a plugin that fails to load, an ingest with a warning (a link that loops back) and a
     * skipped collection (with its reason), a Plex source whose library changes before a discover (added, updated,
     * missing) and whose episodes have a show, season, episode and duration.
     */
    @Test
    void everyDocumentedShapeMatchesTheCommandsOutput() throws Exception {
        Path movies = Files.createDirectories(temp.resolve("media/movies"));
        Path shows = Files.createDirectories(temp.resolve("media/shows"));
        Path tv = Files.createDirectories(temp.resolve("nas/tv"));
        Path plugins = Files.createDirectories(temp.resolve("data/plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        JsonNode types = check("source list-types", "source", "list-types", "--json");
        check("enricher list-types", "enricher", "list-types", "--json");
        Files.delete(plugins.resolve("broken.jar"));

        try (FakePlexServer plex = FakePlexServer.builder()
                .library(Library.Type.MOVIE, "Movies", 2, "/data/movies")
                .library(Library.Type.SHOW, "TV Shows", 3, "/data/tv")
                .library(Library.Type.MOVIE, "Old", 2, "/data/old")
                .build().start()) {
            check("source add", "source", "add", "--type", "filesystem", "--name", "Media Library", "--base-path", movies.toString(),
                    "--follow-links", "yes", "--enrichers", "ffprobe", "--json");
            String collectionId = actual.get("source add").getFirst().get("collections").get(0).get("id").asText();
            insertPathMapping(collectionId);
            check("source enable", "source", "enable", "Media Library/movies", "--json");
            Files.writeString(movies.resolve("Alien (1979).mkv"), "video");
            Files.createSymbolicLink(movies.resolve("again"), movies); // a warning: a link that loops back

            check("source add", "source", "add", "--type", "plex", "--name", "My Plex Server", "--base-url", plex.baseUrl(),
                    "--token", plex.token(), "--json");
            check("source mapping add", "source", "mapping", "add", "My Plex Server/TV Shows", "/data/tv", tv.toString(), "--json");
            check("source enable", "source", "enable", "My Plex Server/TV Shows", "--json");

            JsonNode ingest = check("source ingest", "source", "ingest", "--json"); // Plex's Movies and Old are skipped: disabled
            check("source assets", "source", "assets", "Media Library/movies", "--json");
            JsonNode episodes = check("source assets", "source", "assets", "My Plex Server/TV Shows", "--json");
            check("source list", "source", "list", "--json");
            check("source show", "source", "show", "Media Library", "--json");
            check("source collections", "source", "collections", "--json");
            JsonNode status = check("source status", "source", "status", "--json");
            check("source update", "source", "update", "Media Library", "--base-path", shows.toString(), "--json");
            check("source enrichers", "source", "enrichers", "Media Library", "ffprobe", "--json");
            check("source enrich", "source", "enrich", "Media Library", "--json");
            check("source mapping add", "source", "mapping", "add", "Media Library/shows", "/remote/shows", shows.toString(), "--json");
            check("source mapping list", "source", "mapping", "list", "--json");
            check("db status", "db", "status", "--json");

            check("source discover", "source", "discover", "Media Library", "--json");
            String tvKey = actual.get("source mapping add").getFirst().get("external_id").asText();
            plex.catalog().renameLibrary(tvKey, "Television");
            plex.catalog().removeLibrary("3"); // Old
            plex.catalog().addLibrary(Library.Type.MOVIE, "Music Videos", 1, "/data/mv");
            JsonNode discovered = check("source discover", "source", "discover", "My Plex Server", "--json");
            check("source delete", "source", "delete", "Media Library", "--force", "--json");
            run("source", "delete", "My Plex Server", "--force", "--json");

            assertTrue(types.get("plugin_errors").size() > 0, "a plugin error was printed: " + types);
            for (String changes : List.of("added", "updated", "missing")) {
                assertEquals(1, discovered.get(changes).size(), "discover printed what was " + changes + ": " + discovered);
            }
            assertTrue(ingest.get("collections").findValues("warnings").stream().anyMatch(w -> w.size() > 0), "an ingest warning was printed: " + ingest);
            assertTrue(ingest.get("collections").findValues("reason").stream().anyMatch(JsonNode::isTextual), "a skip's reason was printed: " + ingest);
            assertTrue(status.get("sources").findValues("last_ingest").stream().anyMatch(JsonNode::isObject), "a last ingest was printed: " + status);
            assertTrue(episodes.get(0).get("season").isInt() && episodes.get(0).get("duration_ms").isNumber(), "an episode was printed: " + episodes);
        }

        Map<String, JsonNode> documented = documentedShapes();
        assertEquals(new TreeSet<>(documented.keySet()), new TreeSet<>(actual.keySet()), "documented shapes vs checked shapes");
        List<String> problems = new ArrayList<>();
        for (var entry : documented.entrySet()) {
            for (JsonNode out : actual.get(entry.getKey())) {
                compare(entry.getKey(), "$", entry.getValue(), out, problems);
            }
        }
        if (!problems.isEmpty()) {
            fail("docs/cli.md and the output disagree:\n  " + String.join("\n  ", new java.util.LinkedHashSet<>(problems)));
        }
        JsonNode shown = actual.get("source show").getFirst().get("collections").get(0);
        assertTrue(shown.get("path_mappings").size() > 0, "path mapping shape was exercised");
        assertTrue(shown.get("last_ingest").isObject(), "last ingest shape was exercised");
        assertEquals(1, actual.get("source assets").getFirst().size(), "asset shape was exercised");
    }

    private void insertPathMapping(String collectionId) throws Exception {
        var env = cli.environment();
        try (Connection c = DriverManager.getConnection(env.get("RETROVUE_DATABASE_URL"), env.get("RETROVUE_DATABASE_USER"), env.get("RETROVUE_DATABASE_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("insert into path_mappings (id, collection_id, plex_path, local_path) values (gen_random_uuid(), '"
                    + collectionId + "', '/data/movies', '/media/movies')");
        }
    }

    /**
     * Compares a printed value with the documented one: the same kind of value, the same keys at every level (config
     * objects are free-form), and every element of a printed array with the documented element. A printed null is
     * not compared (the value is optional); a documented null or empty array where something was printed fails: the
     * docs must show its shape. An array's documented elements together show its element: a key null in one (a
     * skipped collection's counts) may show its shape in another.
     */
    private static void compare(String command, String path, JsonNode doc, JsonNode out, List<String> problems) {
        if (out.isNull()) {
            return;
        }
        if (doc.isNull()) {
            problems.add(command + " " + path + ": documented null but printed " + out.getNodeType() + "; show a value");
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
                if (!FREE_FORM.contains(key)) {
                    compare(command, path + "." + key, doc.get(key), out.get(key), problems);
                }
            }
        } else if (doc.isArray() && !out.isEmpty()) {
            if (doc.isEmpty()) {
                problems.add(command + " " + path + ": documented [ ] but printed elements; show one");
                return;
            }
            JsonNode element = merged(doc);
            for (int i = 0; i < out.size(); i++) {
                compare(command, path + "[" + i + "]", element, out.get(i), problems);
            }
        }
    }

    /**
     * The documented elements of an array as one: each key takes its first value that is not null or an empty
     * array, and the objects under a key are merged the same way (one collection's last ingest has a version).
     */
    private static JsonNode merged(JsonNode array) {
        JsonNode merged = array.get(0).deepCopy();
        for (JsonNode element : array) {
            mergeInto(merged, element);
        }
        return merged;
    }

    private static void mergeInto(JsonNode target, JsonNode source) {
        if (!(target instanceof com.fasterxml.jackson.databind.node.ObjectNode object) || !source.isObject()) {
            return;
        }
        for (Iterator<String> it = source.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode value = object.get(key);
            if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
                object.set(key, source.get(key).deepCopy());
            } else {
                mergeInto(value, source.get(key));
            }
        }
    }
}
