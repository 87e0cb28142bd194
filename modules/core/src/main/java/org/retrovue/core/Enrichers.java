package org.retrovue.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The enrichers this installation knows, and the parsing of an operator's ordered, comma-separated list. */
public final class Enrichers {
    public static final List<String> KNOWN = List.of("ffprobe", "loudness");
    /** The key of a source's settings that holds its enricher list. */
    public static final String SETTINGS_KEY = "enrichers";

    private Enrichers() {}

    /**
     * "a, b" to [a, b]; an empty (or blank) string is the empty list; unknown or repeated names, and empty items
     * in a list ("a,,b", ",,": a slip, not a request to clear it), are refused.
     */
    public static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (text.isBlank()) {
            return List.of();
        }
        for (String part : text.split(",", -1)) {
            String name = part.trim().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                throw new RetrovueException(ErrorKind.USAGE, "the enricher list '" + text + "' has an empty item; give names separated by"
                        + " commas (known: " + String.join(", ", KNOWN) + "), or \"\" for none");
            }
            if (!KNOWN.contains(name)) {
                throw new RetrovueException(ErrorKind.USAGE, "unknown enricher '" + part.trim() + "'; known enrichers: " + String.join(", ", KNOWN));
            }
            if (!seen.add(name)) {
                throw new RetrovueException(ErrorKind.USAGE, "enricher '" + name + "' is listed twice");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
