package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.PathMappingRecord;

class IngestabilityTest {
    @TempDir
    Path temp;

    private static PathMappingRecord mapping(String remote, String local) {
        return new PathMappingRecord(UUID.randomUUID(), UUID.randomUUID(), remote, local);
    }

    private static CollectionRecord collection(List<String> locations, PathMappingRecord... mappings) {
        return new CollectionRecord(UUID.randomUUID(), UUID.randomUUID(), "Plex", "plex", "1", "Movies", false,
                Map.of(), locations, false, OffsetDateTime.now(), List.of(mappings));
    }

    /** A collection of a kind whose locations are paths as a remote server sees them (Plex). */
    private static Ingestability remote(CollectionRecord collection) {
        return Ingestability.of(collection, false);
    }

    @Test
    void theLongestPrefixOnWholeSegmentsWins() {
        List<PathMappingRecord> mappings = List.of(mapping("/media", "/mnt/all"), mapping("/media/tv", "/mnt/tv"));
        assertEquals(Optional.of("/mnt/tv/Show/s01.mkv"), PathMappings.translate("/media/tv/Show/s01.mkv", mappings));
        assertEquals(Optional.of("/mnt/all/tvshows/x"), PathMappings.translate("/media/tvshows/x", mappings));
        assertEquals(Optional.of("/mnt/tv"), PathMappings.translate("/media/tv/", mappings));
        assertEquals(Optional.empty(), PathMappings.translate("/data/media", mappings));
        assertEquals(Optional.empty(), PathMappings.translate("/mediafiles", mappings));
    }

    @Test
    void aTranslatorMadeOnceAnswersAsTheListDoes() {
        List<PathMappingRecord> mappings = List.of(mapping("/media/", "/mnt/all"), mapping("/media/tv", "/mnt/tv"), mapping("/media/tv/", "/mnt/second"),
                mapping("/", "/root-mapped"));
        PathMappings.Translator translator = new PathMappings.Translator(mappings);
        for (String remote : List.of("/media/tv/Show/s01.mkv", "/media/tvshows/x", "/media/tv/", "/media", "/mediafiles", "/data/x", "/",
                "D:\\Media\\x", "/media/tv//x")) {
            assertEquals(PathMappings.translate(remote, mappings), translator.translate(remote), remote);
        }
        assertEquals(Optional.of("/mnt/tv/Show/s01.mkv"), translator.translate("/media/tv/Show/s01.mkv"), "the first of equal prefixes, as listed");
        assertEquals(Optional.of("/root-mapped/data/x"), translator.translate("/data/x"));
        assertEquals(Optional.empty(), new PathMappings.Translator(List.of()).translate("/media/x"));
    }

    @Test
    void backslashesReadAsSlashesForWindowsServers() {
        List<PathMappingRecord> mappings = List.of(mapping("D:\\Media\\TV", "/mnt/tv/"));
        assertEquals(Optional.of("/mnt/tv/Show/Season 01/e1.mkv"), PathMappings.translate("D:\\Media\\TV\\Show\\Season 01\\e1.mkv", mappings));
        assertEquals(Optional.of("/mnt/tv/"), PathMappings.translate("D:/Media/TV", mappings));
    }

    @Test
    void aCollectionIsIngestableWhenEveryLocationReachesAReadableDirectory() throws Exception {
        Path movies = Files.createDirectories(temp.resolve("movies"));
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertTrue(remote(collection(List.of("/data/movies"), mapping("/data", temp.toString()))).ingestable());
        assertTrue(remote(collection(List.of(movies.toString()))).ingestable(), "an existing local path needs no mapping");

        Ingestability some = remote(collection(List.of("/data/movies", "D:\\TV", "/data/gone", "/data/file"), mapping("/data", temp.toString())));
        assertFalse(some.ingestable());
        assertEquals(List.of("no mapping for D:\\TV", temp.resolve("gone") + " does not exist", file + " is not a directory"), some.reasons());
        assertEquals(List.of("no mapping for /srv/x, and it does not exist here"), remote(collection(List.of("/srv/x"))).reasons());
        assertEquals(List.of("the collection reports no locations"), remote(collection(List.of())).reasons());
    }

    @Test
    void aKindWhoseLocationsAreLocalDirectoriesSpeaksOfAMissingDirectoryNotOfMappings() throws Exception {
        Path movies = Files.createDirectories(temp.resolve("movies"));
        PluginRegistry registry = PluginRegistry.of(new org.retrovue.plugin.filesystem.FilesystemSourceKind());
        CollectionRecord here = new CollectionRecord(UUID.randomUUID(), UUID.randomUUID(), "Media", "filesystem", "root", "movies", true,
                Map.of(), List.of(movies.toString()), false, OffsetDateTime.now(), List.of());
        assertTrue(Ingestability.of(here, registry).ingestable());
        Files.delete(movies);
        assertEquals(List.of("directory " + movies + " is missing"), Ingestability.of(here, registry).reasons());
        assertEquals(List.of("no mapping for " + movies + ", and it does not exist here"), Ingestability.of(here, PluginRegistry.of()).reasons(),
                "a kind that is not installed is taken for a remote one");
    }
}
