package org.retrovue.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retrovue.core.IngestCounts;
import org.retrovue.core.IngestReport;

class ProgressLinesTest {
    @Test
    void drawsALinePerSourceInPlaceAndErasesThemAtTheEnd() {
        StringWriter screen = new StringWriter();
        ProgressLines lines = new ProgressLines(new PrintWriter(screen, true));
        IngestCounts a = new IngestCounts();
        IngestCounts b = new IngestCounts();
        lines.started("Plex", "Movies", a);
        lines.started("NAS", "shows", b);
        String drawn = screen.toString();
        assertTrue(drawn.contains("Plex/Movies: 0 seen, 0 new, 0 changed, 0 missing") && drawn.contains("NAS/shows: 0 seen"), drawn);
        assertTrue(drawn.contains("\u001b[1F\u001b[2K"), "the second draw moved up over the first: " + drawn);
        lines.finished(new IngestReport.CollectionReport(UUID.randomUUID(), "Plex", "Movies", IngestReport.Status.INGESTED, null, Map.of(), 5, List.of()));
        screen.getBuffer().setLength(0);
        lines.clear();
        assertEquals("\u001b[1F\u001b[2K", screen.toString(), "only the NAS line was left to erase");
    }

    @Test
    void withAnExpectedTotalALineShowsTheShareDoneAndTheTimeLeft() {
        long second = 1_000_000_000L;
        assertEquals("enriching 40% (1,200 of 3,000), 2 failed, 5 waiting", ProgressLines.enriching(1_200, 3_000, 2, 5));
        assertEquals("enriching 100% (7 of 7)", ProgressLines.enriching(7, 7, 0, 0));
        assertEquals("1,200 seen, 3 new, 1 changed, 0 missing, 600 items/s", ProgressLines.describe(1_200, 3, 1, 0, -1, 2 * second),
                "no total: no share, no time left");
        assertEquals("40% of 3,000, 1,200 seen, 3 new, 1 changed, 0 missing, 600 items/s, left ~0:03",
                ProgressLines.describe(1_200, 3, 1, 0, 3_000, 2 * second));
        assertEquals("1% of 100,000, 1,000 seen, 1,000 new, 0 changed, 0 missing, 10 items/s, left ~2:45:00",
                ProgressLines.describe(1_000, 1_000, 0, 0, 100_000, 100 * second));
        assertEquals("0% of 500, 0 seen, 0 new, 0 changed, 0 missing, 0 items/s, left ~?", ProgressLines.describe(0, 0, 0, 0, 500, second),
                "nothing seen yet: no rate to go by");
        assertEquals("100% of 10, 12 seen, 12 new, 0 changed, 0 missing, 12 items/s, left ~0:00", ProgressLines.describe(12, 12, 0, 0, 10, second),
                "more than announced: done, not past it");
    }

    @Test
    void theRateIsMeasuredOnTheClockItIsGiven() {
        StringWriter screen = new StringWriter();
        long[] now = {5_000_000_000L};
        ProgressLines lines = new ProgressLines(new PrintWriter(screen, true), () -> now[0]);
        lines.started("Plex", "Movies", new IngestCounts());
        now[0] += 1_000_000_000L;
        screen.getBuffer().setLength(0);
        lines.advanced("Plex", "Movies", new IngestCounts());
        assertTrue(screen.toString().contains("Plex/Movies: 0 seen, 0 new, 0 changed, 0 missing, 0 items/s"), screen.toString());
    }
}
