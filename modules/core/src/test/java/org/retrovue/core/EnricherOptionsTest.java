package org.retrovue.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;

/** {@code source enrichers --set ENRICHER.OPTION=VALUE}: typed, checked, kept for listed enrichers only. */
class EnricherOptionsTest {
    private final PluginRegistry registry = PluginRegistry.of().withEnrichers(
            new ScriptedEnricher("probe", (r, c) -> new EnrichmentResult.Filled(MediaFacts.NONE)),
            new ScriptedEnricher("loud", (r, c) -> new EnrichmentResult.Filled(MediaFacts.NONE)));

    private String refused(List<String> given) {
        RetrovueException e = assertThrows(RetrovueException.class, () -> Enrichers.options(null, List.of("probe"), given, registry));
        assertEquals(ErrorKind.USAGE, e.kind());
        return e.getMessage();
    }

    @Test
    void valuesAreTypedKeptForListedEnrichersAndClearedByAnEmptyValue() {
        Map<String, Map<String, Object>> set = Enrichers.options(null, List.of("probe", "loud"), List.of("probe.level=+7", "loud.mode= fast "), registry);
        assertEquals(Map.of("probe", Map.of("level", 7L), "loud", Map.of("mode", "fast")), set);
        Map<String, Map<String, Object>> kept = Enrichers.options(set, List.of("probe"), List.of("probe.mode=x"), registry);
        assertEquals(Map.of("probe", Map.of("level", 7L, "mode", "x")), kept, "loud left the list, and its values with it");
        assertEquals(Map.of(), Enrichers.options(kept, List.of("probe"), List.of("probe.level=", "probe.mode="), registry));
    }

    @Test
    void badAssignmentsAreRefusedWithWhatToDo() {
        assertEquals("--set probe: give ENRICHER.OPTION=VALUE, e.g. --set ffprobe.path=/usr/bin/ffprobe", refused(List.of("probe")));
        assertEquals("--set loud.mode: 'loud' is not in the source's enricher list (probe)", refused(List.of("loud.mode=x")));
        assertEquals("--set probe.speed: enricher 'probe' has no option 'speed'; it takes mode, level, key", refused(List.of("probe.speed=1")));
        assertEquals("--set probe.level: '11' is out of range; give a whole number from 1 to 10", refused(List.of("probe.level=11")));
        assertEquals("--set probe.key: a secret option cannot be set on the command line; give it to the enricher through its environment",
                refused(List.of("probe.key=hunter2")));
    }

    @Test
    void thePlanHandsTheValuesWithDefaultsFilledIn() {
        org.retrovue.persistence.SourceRecord source = new org.retrovue.persistence.SourceRecord(java.util.UUID.randomUUID(), "x", "S", "filesystem",
                Map.of(), Map.of(), Map.of("enrichers", List.of("probe", "gone"), "enricher_options", Map.of("probe", Map.of("level", 3L))),
                null, null, List.of());
        EnrichmentPlan plan = EnrichmentPlan.of(source, registry);
        assertEquals(Map.of("level", "3", "mode", "plain"), plan.steps().get(0).options());
        assertEquals(List.of("probe@1", "gone@?"), plan.signature(), "an enricher no longer installed is still in the list; its items wait");
    }
}
