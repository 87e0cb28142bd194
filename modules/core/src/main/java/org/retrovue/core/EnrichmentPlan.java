package org.retrovue.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.spi.Enricher;

/**
 * A source's enrichers as they will run: its list in order, each with the installed enricher (null when it is not
 * installed any more: every item then waits for it) and its option values. {@link #signature} is what an asset
 * records once they all completed on it ({@code id@version}, in order): when it changes, every asset is stale.
 */
record EnrichmentPlan(List<Step> steps) {
    record Step(String id, Enricher enricher, Map<String, String> options) {
        String signature() {
            return id + "@" + (enricher == null ? "?" : version(enricher));
        }
    }

    EnrichmentPlan {
        steps = List.copyOf(steps);
    }

    static EnrichmentPlan of(SourceRecord source, PluginRegistry registry) {
        List<Step> steps = new ArrayList<>();
        Map<String, Object> allOptions = source.settings().get(Enrichers.OPTIONS_KEY) instanceof Map<?, ?> map ? cast(map) : Map.of();
        for (String id : names(source)) {
            Enricher enricher = registry.enricher(id).orElse(null);
            Map<String, String> options = new LinkedHashMap<>();
            if (allOptions.get(id) instanceof Map<?, ?> given) {
                given.forEach((name, value) -> options.put(String.valueOf(name), OptionValues.text(value)));
            }
            if (enricher != null) {
                for (org.retrovue.spi.OptionSpec option : safeOptions(enricher)) {
                    if (!options.containsKey(option.name()) && option.defaultValue() != null) {
                        options.put(option.name(), option.defaultValue());
                    }
                }
            }
            steps.add(new Step(id, enricher, options));
        }
        return new EnrichmentPlan(steps);
    }

    /** The source's enricher list as stored (settings {@value Enrichers#SETTINGS_KEY}). */
    static List<String> names(SourceRecord source) {
        return source.settings().get(Enrichers.SETTINGS_KEY) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    List<String> signature() {
        return steps.stream().map(Step::signature).toList();
    }

    /** A plugin's version as one short token (it goes into a comma-separated list); "?" when it gives none. */
    private static String version(Enricher enricher) {
        try {
            String version = enricher.version();
            return version == null || version.isBlank() ? "?" : version.strip().replaceAll("[\\s,@]+", "_");
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }

    private static List<org.retrovue.spi.OptionSpec> safeOptions(Enricher enricher) {
        try {
            List<org.retrovue.spi.OptionSpec> options = enricher.options();
            return options == null ? List.of() : options;
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
