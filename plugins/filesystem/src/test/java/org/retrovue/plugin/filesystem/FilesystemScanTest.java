package org.retrovue.plugin.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.ExtraType;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.testkit.SourceKindContract;

/** The filesystem kind's scan, sequential; {@link ParallelFilesystemScanTest} runs the same with lent threads. */
class FilesystemScanTest {
    @TempDir
    Path temp;
    private final FilesystemSourceKind kind = new FilesystemSourceKind();

    private record Found(List<ScannedItem> items, List<String> warnings) implements ScanSink {
        Found() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void item(ScannedItem item) {
            items.add(item);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }

        List<String> keys() {
            return items.stream().map(ScannedItem::key).sorted().toList();
        }
    }

    /** The context the scans run in: no lent threads, so the walk is sequential. */
    SourceContext context() {
        return SourceKindContract.testContext();
    }

    private Found scan(Map<String, String> options) throws Exception {
        Map<String, Object> config = kind.validate(options);
        try (SourceConnection connection = kind.connect(config, context())) {
            Found found = new Found();
            connection.scan(new ScanRequest(connection.collections().getFirst(), null), found);
            return found;
        }
    }

    private Path file(String relative) throws Exception {
        Path path = temp.resolve("root").resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "12345");
    }

    @Test
    void findsVideosByExtensionInAnyCaseAndSkipsHiddenAndOtherFiles() throws Exception {
        file("a/Movie.MKV");
        file("a/b/c/clip.webm");
        file("a/poster.jpg");
        file(".cache/x.mkv");
        file("a/.partial.mp4");
        Found found = scan(Map.of("base-path", temp.resolve("root").toString()));
        assertEquals(List.of("a/Movie.MKV", "a/b/c/clip.webm"), found.keys());
        ScannedItem movie = found.items().stream().filter(i -> i.key().equals("a/Movie.MKV")).findFirst().orElseThrow();
        assertEquals(5, movie.size());
        assertEquals("Movie", movie.title());
        assertEquals(temp.resolve("root/a/Movie.MKV").toRealPath().toString(), movie.remotePath());
        assertEquals(Files.getLastModifiedTime(temp.resolve("root/a/Movie.MKV")).toInstant(), movie.modified());
    }

    @Test
    void itemsSayWhatTheirNamesSay() throws Exception {
        file("Firefly/Season 01/Firefly - S01E02-E03 - The Train Job.mkv");
        file("Alien (1979)/Alien (1979).mkv");
        file("Alien (1979)/Alien (1979)-trailer.mp4");
        file("The Daily Show/The Daily Show - 2024-03-01.mkv");
        Found found = scan(Map.of("base-path", temp.resolve("root").toString()));
        Map<String, ScannedItem> items = new java.util.HashMap<>();
        found.items().forEach(i -> items.put(i.key(), i));
        ScannedItem episode = items.get("Firefly/Season 01/Firefly - S01E02-E03 - The Train Job.mkv");
        assertEquals(List.of(ItemKind.EPISODE, "Firefly", 1, 2, 3, "The Train Job"),
                java.util.Arrays.asList(episode.kind(), episode.show(), episode.season(), episode.episode(), episode.episodeEnd(), episode.title()));
        ScannedItem movie = items.get("Alien (1979)/Alien (1979).mkv");
        assertEquals(List.of(ItemKind.MOVIE, "Alien", 1979), List.of(movie.kind(), movie.title(), movie.year()));
        ScannedItem trailer = items.get("Alien (1979)/Alien (1979)-trailer.mp4");
        assertEquals(List.of(ItemKind.EXTRA, ExtraType.TRAILER), List.of(trailer.kind(), trailer.extraType()));
        ScannedItem daily = items.get("The Daily Show/The Daily Show - 2024-03-01.mkv");
        assertEquals(List.of(ItemKind.EPISODE, "The Daily Show", java.time.LocalDate.of(2024, 3, 1)),
                List.of(daily.kind(), daily.show(), daily.airDate()));
    }

    @Test
    void providerIdsAndStackedPartsReachTheItems() throws Exception {
        file("Alien (1979) [imdbid-tt0078748]/Alien (1979) - cd1.mkv");
        file("Alien (1979) [imdbid-tt0078748]/Alien (1979) - cd2.mkv");
        file("Heat (1995) {tmdb-949}.mkv");
        Found found = scan(Map.of("base-path", temp.resolve("root").toString()));
        for (ScannedItem part : found.items().stream().filter(i -> i.key().startsWith("Alien")).toList()) {
            assertEquals(List.of(ItemKind.MOVIE, "Alien", 1979, Map.of("imdb", "tt0078748")),
                    List.of(part.kind(), part.title(), part.year(), part.providerIds()), part.key());
        }
        ScannedItem heat = found.items().stream().filter(i -> i.key().startsWith("Heat")).findFirst().orElseThrow();
        assertEquals(List.of(ItemKind.MOVIE, "Heat", 1995, Map.of("tmdb", "949")), List.of(heat.kind(), heat.title(), heat.year(), heat.providerIds()));
    }

    /** The walks read a folder's names once for its files: each item still says what its whole path says. */
    @Test
    void whatFoldersSayIsReadOncePerFolderAndGivesWhatTheWholePathGives() throws Exception {
        List<String> paths = List.of("Firefly/Season 01/Firefly - S01E01 - Serenity.mkv", "Firefly/Season 01/Extras/Here's How It Was.mkv",
                "Firefly/Season 01/Firefly - S01E02.mkv", "Firefly/Season 01/Extras/Gag Reel.mkv", "Firefly/Season 02/03 - Ariel.mkv",
                "Firefly/Firefly - S01E03.mkv", "Movies/Alien (1979)/Alien (1979).mkv", "Movies/Alien (1979)/Featurettes/Making Of.mkv",
                "Movies/Alien (1979)/Alien (1979)-trailer.mkv", "Movies/Alien (1979) {imdb-tt0078748}/movie.mkv", "Movies/Heat.1995.mkv",
                "Movies/Apollo 13.mkv", "S01E01.mkv", "Home Video.mp4", "Specials/Thing.mkv", "Show/Specials/Show - S00E01.mkv");
        for (String path : paths) {
            file(path);
        }
        Found found = scan(Map.of("base-path", temp.resolve("root").toString()));
        assertEquals(paths.stream().sorted().toList(), found.keys());
        for (ScannedItem item : found.items()) {
            MediaNames.Recognised r = MediaNames.recognise(item.key());
            assertEquals(new MediaNames.Recognised(item.kind(), item.title(), item.show(), item.season(), item.episode(), item.episodeEnd(),
                    item.airDate(), item.year(), item.extraType(), item.providerIds()), r, item.key());
        }
    }

    @Test
    void extensionsAreSettablePerSource() throws Exception {
        file("a.mkv");
        file("b.iso");
        Found found = scan(Map.of("base-path", temp.resolve("root").toString(), "extensions", ".ISO, m2v"));
        assertEquals(List.of("b.iso"), found.keys());
        assertEquals(SourceException.Code.INVALID_CONFIG, assertThrows(SourceException.class,
                () -> kind.validate(Map.of("base-path", temp.toString(), "extensions", "mk v"))).code());
        assertEquals(SourceException.Code.INVALID_CONFIG, assertThrows(SourceException.class,
                () -> kind.validate(Map.of("base-path", temp.toString(), "follow-links", "maybe"))).code());
    }

    @Test
    void symbolicLinksAreFollowedOnlyWhenAskedAndLoopsAreReported() throws Exception {
        file("real/a.mkv");
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("b.mkv"), "x");
        Files.createSymbolicLink(temp.resolve("root/linked"), outside);
        Files.createSymbolicLink(temp.resolve("root/real/loop"), temp.resolve("root"));
        Found plain = scan(Map.of("base-path", temp.resolve("root").toString()));
        assertEquals(List.of("real/a.mkv"), plain.keys());
        assertEquals(List.of(), plain.warnings());
        Found followed = scan(Map.of("base-path", temp.resolve("root").toString(), "follow-links", "yes"));
        assertEquals(List.of("linked/b.mkv", "real/a.mkv"), followed.keys());
        assertTrue(followed.warnings().stream().anyMatch(w -> w.contains("loops back") && w.contains("real/loop")), followed.warnings().toString());
    }

    @Test
    void aLinkToASiblingFolderIsFollowedThereTooAndIsNoLoop() throws Exception {
        file("real/a.mkv");
        Files.createSymbolicLink(temp.resolve("root/alias"), temp.resolve("root/real"));
        Files.createSymbolicLink(temp.resolve("root/real/up"), temp.resolve("root/real"));
        Found followed = scan(Map.of("base-path", temp.resolve("root").toString(), "follow-links", "yes"));
        assertEquals(List.of("alias/a.mkv", "real/a.mkv"), followed.keys(), "a folder reached two ways is ingested under each path");
        assertEquals(List.of("not following a symbolic link that loops back to a folder above it: alias/up",
                "not following a symbolic link that loops back to a folder above it: real/up"), followed.warnings().stream().sorted().toList());
    }

    @Test
    void linksThatLeadNowhereAreWarningsInWords() throws Exception {
        file("a.mkv");
        Files.createSymbolicLink(temp.resolve("root/broken.mkv"), temp.resolve("root/nothing.mkv"));
        Files.createSymbolicLink(temp.resolve("root/self"), temp.resolve("root/self"));
        Found followed = scan(Map.of("base-path", temp.resolve("root").toString(), "follow-links", "yes"));
        assertEquals(List.of("a.mkv"), followed.keys());
        assertEquals(List.of("skipped a symbolic link that leads to nothing: broken.mkv",
                "skipped a symbolic link that never reaches a file (a loop of links): self"), followed.warnings().stream().sorted().toList());
        assertEquals(List.of(), scan(Map.of("base-path", temp.resolve("root").toString())).warnings(), "links not followed are not looked at");
    }

    @Test
    void readFailuresAreSaidInWordsWithoutClassNames() {
        assertEquals("permission denied: Private", ReadFailure.warning(new java.nio.file.AccessDeniedException("/m/Private"), "Private", "folder"));
        assertEquals("permission denied: the collection root", ReadFailure.warning(new java.nio.file.AccessDeniedException("/m"), "", "folder"));
        assertEquals("file vanished during the scan: a/b.mkv", ReadFailure.warning(new java.nio.file.NoSuchFileException("/m/a/b.mkv"), "a/b.mkv", "file"));
        assertEquals("folder vanished during the scan: a", ReadFailure.warning(new java.nio.file.NoSuchFileException("/m/a"), "a", "folder"));
        assertEquals("no longer a folder: a", ReadFailure.warning(new java.nio.file.NotDirectoryException("/m/a"), "a", "folder"));
        assertEquals("cannot read (Input/output error): a.mkv",
                ReadFailure.warning(new java.nio.file.FileSystemException("/m/a.mkv", null, "Input/output error"), "a.mkv", "file"));
        assertEquals("cannot read (disk on fire): a.mkv", ReadFailure.warning(new java.io.IOException("disk on fire"), "a.mkv", "file"));
        assertEquals("cannot read: a.mkv", ReadFailure.warning(new java.io.IOException(), "a.mkv", "file"));
    }

    @Test
    void aNameThatIsNotValidUtf8IsAWarningNotAFailure() throws Exception {
        file("ok.mkv");
        Process touch = new ProcessBuilder("sh", "-c", "touch \"$1\"/$(printf 'bad\\377name.mkv')", "sh", temp.resolve("root").toString()).start();
        assertEquals(0, touch.waitFor());
        Found found = scan(Map.of("base-path", temp.resolve("root").toString()));
        assertEquals(List.of("ok.mkv"), found.keys());
        assertEquals(1, found.warnings().size(), found.warnings().toString());
        assertTrue(found.warnings().getFirst().contains("not valid UTF-8"));
    }
}
