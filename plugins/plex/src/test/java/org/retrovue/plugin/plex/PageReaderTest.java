package org.retrovue.plugin.plex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retrovue.spi.ItemKind;
import org.retrovue.spi.ScannedItem;

/** A page read straight from its bytes keeps what the maps of old kept, in the shapes real servers and proxies send. */
class PageReaderTest {
    private static PageReader.Page read(String json, boolean episodes) throws IOException {
        return PageReader.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), episodes);
    }

    @Test
    void anEpisodeKeepsItsStoredFields() throws IOException {
        PageReader.Page page = read("""
                {"MediaContainer": {"size": 1, "totalSize": "2500", "offset": 0, "Metadata": [
                  {"ratingKey": "4711", "title": "Pilot", "grandparentTitle": "The Show", "parentIndex": 1, "index": "2", "year": 2002,
                   "originallyAvailableAt": "2002-06-02", "updatedAt": 1700000000, "summary": "long text", "Image": [{"url": "x"}],
                   "Guid": [{"id": "imdb://tt0306414"}, {"id": "tvdb://349232"}, {"id": "IMDB://tt9999999"}, {"id": "odd"}],
                   "Media": [{"duration": 3500000, "Part": [{"file": "/data/tv/pilot.mkv", "size": 123456}, {"file": "/data/tv/other.mkv"}]},
                             {"Part": [{"file": "/data/tv/second-version.mkv"}]}]}]}}
                """, true);
        assertEquals(2500, page.total());
        assertEquals(1, page.entries().size());
        ScannedItem item = page.entries().getFirst().item();
        assertEquals("4711", item.key());
        assertEquals("/data/tv/pilot.mkv", item.remotePath(), "the first media's first part");
        assertEquals(123456, item.size());
        assertEquals(Instant.ofEpochSecond(1_700_000_000), item.modified());
        assertEquals(3_500_000L, item.durationMillis(), "the media's duration when the item has none");
        assertEquals(ItemKind.EPISODE, item.kind());
        assertEquals("The Show", item.show());
        assertEquals(1, item.season());
        assertEquals(2, item.episode());
        assertEquals(2002, item.year());
        assertEquals(LocalDate.of(2002, 6, 2), item.airDate());
        assertEquals(Map.of("imdb", "tt0306414", "tvdb", "349232"), item.providerIds(), "the first of each provider");
    }

    @Test
    void aMovieHasNoShowAndItsOwnDurationWins() throws IOException {
        PageReader.Page page = read("""
                {"MediaContainer": {"totalSize": 1, "Metadata": [{"ratingKey": 12, "title": "Film", "grandparentTitle": "x", "index": 3,
                  "duration": 5400000, "Media": [{"duration": 1, "Part": [{"file": "/m/film.mkv"}]}]}]}}
                """, false);
        ScannedItem item = page.entries().getFirst().item();
        assertEquals("12", item.key(), "a numeric ratingKey is read as text");
        assertEquals(5_400_000L, item.durationMillis());
        assertEquals(ItemKind.MOVIE, item.kind());
        assertNull(item.show());
        assertNull(item.episode());
        assertEquals(-1, item.size());
        assertNull(item.modified());
    }

    @Test
    void itemsWithoutAFileAreKeptForTheirWarningAndAPageMayHaveNoItemsOrNoTotal() throws IOException {
        PageReader.Page page = read("""
                {"MediaContainer": {"Metadata": [{"ratingKey": "1", "title": "No media"}, {"ratingKey": "2", "title": "No part", "Media": [{}]},
                  {"ratingKey": "3", "Media": [{"Part": [{"file": null}]}]}, {"title": "No key", "Media": [{"Part": [{"file": "/f"}]}]}, 7]}}
                """, false);
        assertEquals(-1, page.total());
        assertEquals(4, page.entries().size());
        assertTrue(page.entries().stream().allMatch(e -> e.item() == null), page.toString());
        assertEquals("No media", page.entries().getFirst().title());
        assertNull(page.entries().get(3).key());
        assertEquals(0, read("{\"MediaContainer\": {\"size\": 0, \"totalSize\": 0}}", false).entries().size());
    }

    @Test
    void anythingButAMediaContainerIsRefused() {
        assertThrows(IOException.class, () -> read("[]", false));
        assertThrows(IOException.class, () -> read("{\"errors\": []}", false));
        assertThrows(IOException.class, () -> read("<html>", false));
    }
}
