package org.retrovue.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.SourceSummary;

/**
 * The source and collection names that completion offers (the shell's, and bash's through {@code completion
 * --names}), read from the catalogue when first asked for and forgotten after every command (any of which may have
 * changed them), so Tab costs a query at most once per command.
 */
public final class CatalogNames {
    /** A name to offer, with what it is (a source's type, a collection's source). */
    public record Name(String value, String description) {}

    private final CliContext context;
    private List<Name> sources;
    private List<Name> collections;
    private List<Name> qualifiedCollections;

    public CatalogNames(CliContext context) {
        this.context = context;
    }

    public void forget() {
        sources = null;
        collections = null;
        qualifiedCollections = null;
    }

    public List<Name> sources() {
        if (sources == null) {
            List<Name> names = new ArrayList<>();
            for (SourceSummary source : read(() -> context.sources().list(Optional.empty()))) {
                names.add(new Name(source.name(), source.kind()));
            }
            sources = List.copyOf(names);
        }
        return sources;
    }

    /**
     * Collections by name, or as SOURCE/COLLECTION where several sources have a collection of that name; with
     * {@code qualified}, every one as SOURCE/COLLECTION (for an operator who has typed a '/').
     */
    public List<Name> collections(boolean qualified) {
        if (collections == null) {
            List<CollectionRecord> all = read(() -> context.sources().collections(Optional.empty()));
            Map<String, Integer> seen = new HashMap<>();
            for (CollectionRecord collection : all) {
                seen.merge(collection.name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
            List<Name> names = new ArrayList<>();
            List<Name> qualifiedNames = new ArrayList<>();
            for (CollectionRecord collection : all) {
                String description = "collection of " + collection.sourceName();
                Name full = new Name(collection.sourceName() + "/" + collection.name(), description);
                boolean unique = seen.get(collection.name().toLowerCase(java.util.Locale.ROOT)) == 1;
                names.add(unique ? new Name(collection.name(), description) : full);
                qualifiedNames.add(full);
            }
            collections = List.copyOf(names);
            qualifiedCollections = List.copyOf(qualifiedNames);
        }
        return qualified ? qualifiedCollections : collections;
    }

    /** Completion must never break the line editor: a catalogue that cannot be read offers nothing. */
    private static <T> List<T> read(java.util.function.Supplier<List<T>> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
