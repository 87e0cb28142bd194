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
}
