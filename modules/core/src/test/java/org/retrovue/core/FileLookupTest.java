package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLookupTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsHereOnlyWhenItIs() throws IOException {
        Files.createDirectories(dir.resolve("Show/Season 1"));
        Files.writeString(dir.resolve("Show/Season 1/e1.mkv"), "x");
        FileLookup lookup = new FileLookup();
        assertTrue(lookup.exists(dir.resolve("Show/Season 1/e1.mkv").toString()));
        assertFalse(lookup.exists(dir.resolve("Show/Season 1/e2.mkv").toString()), "same folder, no such file");
        Files.writeString(dir.resolve("Show/Season 1/e2.mkv"), "x");
        assertTrue(lookup.exists(dir.resolve("Show/Season 1/e2.mkv").toString()), "files of a folder that is here are looked at each time");
    }

    @Test
    void theFilesOfAFolderThatIsNotHereAreNotHere() throws IOException {
        FileLookup lookup = new FileLookup();
        assertFalse(lookup.exists(dir.resolve("Gone/Season 1/e1.mkv").toString()));
        assertFalse(lookup.exists(dir.resolve("Gone/Season 1/e2.mkv").toString()));
        Files.writeString(dir.resolve("plain-file"), "x");
        assertFalse(lookup.exists(dir.resolve("plain-file/e1.mkv").toString()), "a file is not a folder");
    }

    @Test
    void aFolderIsLookedAtOncePerIngest() throws IOException {
        FileLookup lookup = new FileLookup();
        assertFalse(lookup.exists(dir.resolve("Later/e1.mkv").toString()));
        Files.createDirectories(dir.resolve("Later"));
        Files.writeString(dir.resolve("Later/e1.mkv"), "x");
        assertFalse(lookup.exists(dir.resolve("Later/e1.mkv").toString()), "seen by the next ingest, which makes a lookup of its own");
        assertTrue(new FileLookup().exists(dir.resolve("Later/e1.mkv").toString()));
    }

    @Test
    void namesAreComparedIgnoringCaseAndTheFileDecides() throws IOException {
        Files.createDirectories(dir.resolve("Show/Season 1"));
        Files.writeString(dir.resolve("Show/Season 1/e1.mkv"), "x");
        FileLookup lookup = new FileLookup();
        assertFalse(lookup.exists(dir.resolve("SHOW/season 1/e1.mkv").toString()), "a case-sensitive disk has no such file");
        assertTrue(lookup.exists(dir.resolve("Show/Season 1/e1.mkv").toString()));
    }

    @Test
    void dotsAndLinksAreFollowed() throws IOException {
        Files.createDirectories(dir.resolve("real/Season 1"));
        Files.writeString(dir.resolve("real/Season 1/e1.mkv"), "x");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        FileLookup lookup = new FileLookup();
        assertTrue(lookup.exists(dir.resolve("link/../real/Season 1/e1.mkv").toString()));
        assertFalse(lookup.exists(dir.resolve("other/../real/Season 1/e1.mkv").toString()), "as the system says: no folder 'other'");
        assertTrue(lookup.exists(dir.resolve("real/./Season 1/e1.mkv").toString()));
        assertTrue(lookup.exists(dir.resolve("link/Season 1/e1.mkv").toString()));
        assertFalse(lookup.exists(dir.resolve("link/Season 2/e1.mkv").toString()));
    }

    @Test
    void aPathThatCannotBeOneIsNotHere() {
        assertFalse(new FileLookup().exists("/media/bad\0name.mkv"));
    }
}
