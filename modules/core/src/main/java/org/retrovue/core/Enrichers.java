package org.retrovue.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.retrovue.spi.Enricher;

/** The parsing of an operator's ordered, comma-separated enricher list against the enrichers installed. */
public final class Enrichers {
    /** The key of a source's settings that holds its enricher list. */
    public static final String SETTINGS_KEY = "enrichers";

    /** A checked list, in the order given, with a warning for each listed enricher that cannot run on this machine. */
    public record Choice(List<String> names, List<String> warnings) {
        public Choice {
            names = List.copyOf(names);
            warnings = List.copyOf(warnings);
        }
    }

    private Enrichers() {}

    /**
     * "a, b" to [a, b]; an empty (or blank) string is the empty list; names no installed enricher has, repeated
     * names, and empty items in a list ("a,,b", ",,": a slip, not a request to clear it), are refused. An installed
     * enricher that cannot run here (its tool is missing) is accepted, with a warning saying what to install.
     */
    public static Choice parse(String text, PluginRegistry registry) {
        List<String> names = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (text.isBlank()) {
            return new Choice(List.of(), List.of());
        }
        for (String part : text.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new RetrovueException(ErrorKind.USAGE, "the enricher list '" + text + "' has an empty item; give names separated by"
                        + " commas (" + installed(registry) + "), or \"\" for none");
            }
            Enricher enricher = registry.enricher(name).orElseThrow(() -> new RetrovueException(ErrorKind.USAGE,
                    "unknown enricher '" + part.trim() + "'; " + installed(registry)));
            if (!seen.add(name)) {
                throw new RetrovueException(ErrorKind.USAGE, "enricher '" + name + "' is listed twice");
            }
            names.add(name);
            unavailable(enricher).ifPresent(why -> warnings.add("enricher '" + name + "' cannot run on this machine: " + why));
        }
        return new Choice(names, warnings);
    }

    /** Why {@code enricher} cannot run here, on one line; empty when it can. A check that throws says so. */
    public static Optional<String> unavailable(Enricher enricher) {
        try {
            Optional<String> why = enricher.unavailable();
            return why == null ? Optional.empty() : why.map(Enrichers::oneLine);
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("its availability check failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String installed(PluginRegistry registry) {
        List<String> ids = registry.enrichers().stream().map(Enricher::id).toList();
        return ids.isEmpty() ? "no enricher is installed" : "installed enrichers: " + String.join(", ", ids);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
