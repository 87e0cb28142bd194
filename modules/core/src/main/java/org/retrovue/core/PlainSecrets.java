package org.retrovue.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.SecretRewrite;
import org.retrovue.persistence.SourceSummary;
import org.retrovue.spi.SourceKind;

/**
 * Secret option values still stored in plain text (by a RetroVue before secrets were sealed at rest, ADR 0010):
 * counted for {@code db status}, and sealed in one pass when the catalogue is opened with a key at hand. A source
 * whose kind is not installed is left plain and named: which of its values are secret is its kind's to say.
 */
public final class PlainSecrets {
    /** What is still plain: {@code count} secrets, of the sources named in {@code notInstalled} among others. */
    public record Report(int count, int sealed, List<String> notInstalled) {
        public Report {
            notInstalled = List.copyOf(notInstalled);
        }
    }

    private PlainSecrets() {}

    /** The plain secrets of {@code sources}, sealing nothing. */
    public static Report find(List<SourceSummary> sources, PluginRegistry registry) {
        int count = 0;
        List<String> notInstalled = new ArrayList<>();
        for (SourceSummary source : sources) {
            int plain = count(source, registry.find(source.kind()));
            count += plain;
            if (plain > 0 && registry.find(source.kind()).isEmpty()) {
                notInstalled.add(source.name());
            }
        }
        return new Report(count, 0, notInstalled);
    }

    /**
     * Seals every plain secret of a source whose kind is installed, in one transaction, when {@code box} has a key
     * already (none is made for this: a host without the key others use must not seal with a key of its own).
     * Returns what is left plain.
     */
    public static Report seal(Catalog catalog, PluginRegistry registry, SecretBox box) {
        List<SourceSummary> sources = catalog.read(reader -> reader.sourceSummaries());
        Report found = find(sources, registry);
        if (found.count() == 0 || !box.hasKey()) {
            return found;
        }
        List<SecretRewrite> rewrites = new ArrayList<>();
        for (SourceSummary source : sources) {
            Optional<SourceKind> kind = registry.find(source.kind());
            if (kind.isPresent() && count(source, kind) > 0) {
                rewrites.add(new SecretRewrite(source.id(), source.config(), source.options(),
                        box.seal(kind.get(), source.config(), source.options()), box.seal(kind.get(), source.options())));
            }
        }
        int sealed = catalog.rewriteSecrets(rewrites);
        Report left = find(catalog.read(reader -> reader.sourceSummaries()), registry);
        return new Report(left.count(), sealed, left.notInstalled());
    }

    /**
     * How many of a source's secret options have a plain value stored: under the option's name in its options, under
     * its name or config key in its config, or under a key of the plugin's own that holds the option's value.
     */
    static int count(SourceSummary source, Optional<SourceKind> kind) {
        Map<String, Object> config = source.config() == null ? Map.of() : source.config();
        Map<String, Object> options = source.options() == null ? Map.of() : source.options();
        Optional<Set<String>> names = Secrets.secretNames(kind, source.settings());
        if (names.isEmpty()) {
            // stored before the names of its secret options were: guessed by key name, as redaction does
            return (int) config.entrySet().stream().filter(e -> Secrets.looksSecret(e.getKey()) && plain(e.getValue())).count();
        }
        int count = 0;
        for (String name : names.get()) {
            Set<Object> plainValues = new HashSet<>();
            boolean plain = false;
            if (plain(options.get(name))) {
                plain = true;
                plainValues.add(options.get(name));
            }
            for (String key : Secrets.storedKeys(List.of(name))) {
                plain |= plain(config.get(key));
            }
            plain |= config.values().stream().anyMatch(plainValues::contains);
            if (plain) {
                count++;
            }
        }
        return count;
    }

    private static boolean plain(Object stored) {
        return stored instanceof String value && !value.isEmpty() && !SecretBox.isSealed(value);
    }
}
