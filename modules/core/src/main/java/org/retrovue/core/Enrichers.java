package org.retrovue.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.OptionSpec;

/** The parsing of an operator's ordered, comma-separated enricher list against the enrichers installed. */
public final class Enrichers {
    /** The key of a source's settings that holds its enricher list. */
    public static final String SETTINGS_KEY = "enrichers";
    /** The key of a source's settings that holds its enrichers' option values, by enricher id, then option name. */
    public static final String OPTIONS_KEY = "enricher_options";

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

    /**
     * A source's enricher option values after {@code given} ({@code enricher.option=value}, value typed and checked as
     * the option declares; empty clears it) over {@code stored}, kept for the enrichers in {@code listed} only.
     */
    public static Map<String, Map<String, Object>> options(Object stored, List<String> listed, List<String> given, PluginRegistry registry) {
        Map<String, Map<String, Object>> options = new LinkedHashMap<>();
        if (stored instanceof Map<?, ?> byEnricher) {
            byEnricher.forEach((id, values) -> {
                if (listed.contains(String.valueOf(id)) && values instanceof Map<?, ?> map) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    map.forEach((name, value) -> copy.put(String.valueOf(name), value));
                    options.put(String.valueOf(id), copy);
                }
            });
        }
        for (String assignment : given) {
            int dot = assignment.indexOf('.');
            int equals = assignment.indexOf('=');
            if (dot <= 0 || equals < dot + 2) {
                throw new RetrovueException(ErrorKind.USAGE, "--set " + assignment + ": give ENRICHER.OPTION=VALUE, e.g. --set ffprobe.path=/usr/bin/ffprobe");
            }
            String id = assignment.substring(0, dot).strip().toLowerCase(Locale.ROOT);
            String name = assignment.substring(dot + 1, equals).strip();
            String value = assignment.substring(equals + 1);
            if (!listed.contains(id)) {
                throw new RetrovueException(ErrorKind.USAGE, "--set " + id + "." + name + ": '" + id + "' is not in the source's enricher list ("
                        + (listed.isEmpty() ? "empty" : String.join(",", listed)) + ")");
            }
            Enricher enricher = registry.enricher(id).orElseThrow();
            List<OptionSpec> declared = enricher.options() == null ? List.of() : enricher.options();
            OptionSpec option = declared.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(() -> new RetrovueException(ErrorKind.USAGE,
                    "--set " + id + "." + name + ": enricher '" + id + "' has no option '" + name + "'; "
                            + (declared.isEmpty() ? "it takes none" : "it takes " + String.join(", ", declared.stream().map(OptionSpec::name).toList()))));
            if (option.secret()) {
                throw new RetrovueException(ErrorKind.USAGE, "--set " + id + "." + name + ": a secret option cannot be set on the command line;"
                        + " give it to the enricher through its environment");
            }
            Map<String, Object> values = options.computeIfAbsent(id, k -> new LinkedHashMap<>());
            if (value.isBlank()) {
                values.remove(name);
            } else {
                try {
                    values.put(name, OptionValues.typed(option, value));
                } catch (RetrovueException e) {
                    throw new RetrovueException(ErrorKind.USAGE, "--set " + id + "." + e.getMessage().substring(2));
                }
            }
            if (values.isEmpty()) {
                options.remove(id);
            }
        }
        return options;
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
