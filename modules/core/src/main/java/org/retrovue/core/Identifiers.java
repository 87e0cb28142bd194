package org.retrovue.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.retrovue.persistence.CatalogReader;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.SourceRecord;

/**
 * Finds the one source or collection an operator named. A source is named by UUID, external id or name (any case);
 * a collection by UUID, name, external id, or {@code SOURCE/COLLECTION}. More than one match is an error listing
 * every candidate; it never picks one.
 */
final class Identifiers {
    private Identifiers() {}

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static SourceRecord source(CatalogReader session, String identifier) {
        String given = identifier.strip(); // as names are on add
        List<SourceRecord> matches = sourceMatches(session, given);
        if (matches.isEmpty()) {
            throw new RetrovueException(ErrorKind.NOT_FOUND, (uuid(given).isPresent() ? "no source has the UUID " + given
                    : "no source matches '" + given + "'") + "; see `retrovue source list`");
        }
        if (matches.size() > 1) {
            throw new RetrovueException(ErrorKind.AMBIGUOUS, "'" + given + "' matches " + matches.size() + " sources: "
                    + matches.stream().map(s -> s.name() + " (" + s.id() + ")").collect(Collectors.joining(", "))
                    + "; name one by its UUID");
        }
        return matches.getFirst();
    }

    private static List<SourceRecord> sourceMatches(CatalogReader session, String given) {
        Map<UUID, SourceRecord> found = new LinkedHashMap<>();
        Optional<UUID> id = uuid(given);
        if (id.isPresent()) {
            // a UUID means that UUID, whatever names or external ids happen to read the same
            return session.sourceById(id.get()).map(List::of).orElseGet(List::of);
        }
        session.sourceByExternalId(given).ifPresent(s -> found.putIfAbsent(s.id(), s));
        session.sourcesByName(given).forEach(s -> found.putIfAbsent(s.id(), s));
        return new ArrayList<>(found.values());
    }

    static CollectionRecord collection(CatalogReader session, String identifier) {
        String given = identifier.strip(); // as names are on add
        Map<UUID, CollectionRecord> found = new LinkedHashMap<>();
        Optional<UUID> id = uuid(given);
        if (id.isPresent()) {
            return session.collectionById(id.get()).orElseThrow(() -> new RetrovueException(ErrorKind.NOT_FOUND,
                    "no collection has the UUID " + given + "; see `retrovue source collections`"));
        }
        session.collectionsByName(given).forEach(c -> found.putIfAbsent(c.id(), c));
        session.collectionsByExternalId(given).forEach(c -> found.putIfAbsent(c.id(), c));
        for (int slash = given.indexOf('/'); slash > 0 && slash < given.length() - 1; slash = given.indexOf('/', slash + 1)) {
            String sourcePart = given.substring(0, slash);
            String collectionPart = given.substring(slash + 1);
            for (SourceRecord source : sourceMatches(session, sourcePart)) {
                source.collections().stream()
                        .filter(c -> c.name().equalsIgnoreCase(collectionPart) || c.externalId().equals(collectionPart))
                        .forEach(c -> found.putIfAbsent(c.id(), c));
            }
        }
        if (found.isEmpty()) {
            throw new RetrovueException(ErrorKind.NOT_FOUND, "no collection matches '" + given + "'; see `retrovue source collections`");
        }
        if (found.size() > 1) {
            throw new RetrovueException(ErrorKind.AMBIGUOUS, "'" + given + "' matches " + found.size() + " collections: "
                    + found.values().stream().map(c -> c.sourceName() + "/" + c.name() + " (" + c.id() + ")").collect(Collectors.joining(", "))
                    + "; name one as SOURCE/COLLECTION or by its UUID");
        }
        return found.values().iterator().next();
    }

    /** The UUID {@code given} spells (in the canonical 8-4-4-4-12 hex form, any case), if it spells one. */
    static Optional<UUID> uuid(String given) {
        if (given.length() != 36 || !UUID_TEXT.matcher(given).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(given));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
