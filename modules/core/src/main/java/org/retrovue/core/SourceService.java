package org.retrovue.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.retrovue.persistence.Catalog;
import org.retrovue.persistence.CatalogConflictException;
import org.retrovue.persistence.CatalogReader;
import org.retrovue.persistence.CatalogSession;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.NewSource;
import org.retrovue.persistence.PathMappingRecord;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.persistence.SourceSummary;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;

/**
 * The lifecycle of sources and their collections. Every operation that changes something is one transaction;
 * records returned have their secrets redacted. Input is checked, and the remote contacted, before the database
 * is opened, so bad input fails fast and a failure leaves nothing behind.
 */
public final class SourceService {
    private static final int MAX_NAME = 255;
    /** The longest path a mapping takes: Linux's PATH_MAX (a Windows server's paths are shorter). */
    private static final int MAX_PATH = 4096;
    /**
     * The settings key that records a source's current identity when it differs from its external id (the base path
     * or server was changed by {@code update}): external ids never change, but duplicates are judged by this.
     */
    static final String IDENTITY_KEY = "identity";
    /** The settings key of a source added with --no-discover: its identity is provisional until discovered. */
    static final String UNVERIFIED_KEY = "identity_unverified";
    /** The most discovery warnings kept from one source: a plugin that warns per item must not flood the terminal. */
    private static final int MAX_WARNINGS = 50;

    private final Supplier<Catalog> catalog;
    private final PluginRegistry registry;
    private final Clock clock;
    private final SecretBox box;

    public SourceService(Supplier<Catalog> catalog, PluginRegistry registry, Clock clock) {
        this(catalog, registry, clock, SecretBox.NONE);
    }

    /** With {@code box}, secret option values are stored encrypted and decrypted only to hand them to the plugin. */
    public SourceService(Supplier<Catalog> catalog, PluginRegistry registry, Clock clock, SecretBox box) {
        this.catalog = catalog;
        this.registry = registry;
        this.clock = clock;
        this.box = box;
    }

    public List<SourceKindInfo> kinds() {
        return registry.kinds().stream()
                .map(k -> SourceKindInfo.of(k, registry.origin(k.id()))).toList();
    }

    /** The installed enrichers, each with whether it can run here. */
    public List<EnricherInfo> enrichers() {
        return registry.enrichers().stream().map(e -> EnricherInfo.of(e, registry.enricherOrigin(e.id()))).toList();
    }

    /** An operator's enricher list checked against the installed enrichers ({@link Enrichers#parse}). */
    public Enrichers.Choice enricherList(String text) {
        return Enrichers.parse(text, registry);
    }

    public List<PluginRegistry.PluginProblem> pluginProblems() {
        return registry.problems();
    }

    public SourceKind kind(String id) {
        return registry.find(id).orElseThrow(() -> new RetrovueException(ErrorKind.USAGE,
                "unknown source type '" + id + "'; known types: " + String.join(", ", registry.kinds().stream().map(SourceKind::id).toList())));
    }

    public SourceRecord add(String kindId, String name, Map<String, String> options, List<String> enrichers) {
        return add(kindId, name, options, enrichers, true);
    }

    /**
     * Adds a source. With {@code discover}, its remote is asked for its identity and collections first, and
     * nothing is stored if that fails; without, it is stored with a provisional identity and no collections, for
     * {@link #discover} to complete when the remote answers.
     */
    public SourceRecord add(String kindId, String name, Map<String, String> options, List<String> enrichers, boolean discover) {
        return add(kindId, name, options, enrichers, discover, warning -> {});
    }

    /** {@link #add}, handing {@code warnings} what the source said it left out when asked for its collections. */
    public SourceRecord add(String kindId, String name, Map<String, String> options, List<String> enrichers, boolean discover,
                            java.util.function.Consumer<String> warnings) {
        SourceKind kind = kind(kindId);
        String cleanName = checkName(name);
        Map<String, Object> typed = merge(kind, Map.of(), options, false);
        Map<String, Object> config = validate(kind, typed);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(Enrichers.SETTINGS_KEY, List.copyOf(enrichers));
        settings.put(Secrets.SETTINGS_KEY, Secrets.declared(kind));
        Remote remote;
        if (discover) {
            remote = inspect(kind, config);
        } else {
            String provisional = kind.offlineFingerprint(Map.copyOf(config));
            if (provisional == null) {
                throw new RetrovueException(ErrorKind.USAGE, "a source of type " + kind.id() + " cannot be added with --no-discover");
            }
            settings.put(UNVERIFIED_KEY, true);
            remote = new Remote(provisional, List.of(), List.of(), provisional);
        }
        String externalId = ExternalIds.of(kind.id(), remote.fingerprint());
        NewSource source = new NewSource(externalId, cleanName, kind.id(), box.seal(kind, config, typed), box.seal(kind, typed), settings,
                remote.collections().stream().map(c -> newCollection(c)).toList());
        java.util.function.Consumer<CatalogReader> checks = s -> {
            refuseDuplicateRemote(s, kind, externalId, null, remote.named(kind.id()));
            refuseDuplicateName(s, cleanName, null);
        };
        SourceRecord added = redact(write(s -> {
            checks.accept(s);
            return s.addSource(source);
        }, cleanName, remote.named(kind.id()), checks));
        remote.warnings().forEach(warnings);
        return added;
    }

    public List<SourceSummary> list(Optional<String> kindFilter) {
        kindFilter.ifPresent(this::kind);
        List<SourceSummary> all = read(CatalogReader::sourceSummaries);
        List<SourceSummary> shown = new ArrayList<>(all.size());
        for (SourceSummary s : all) {
            if (kindFilter.isEmpty() || kindFilter.get().equals(s.kind())) {
                Optional<SourceKind> kind = registry.find(s.kind());
                shown.add(new SourceSummary(s.id(), s.externalId(), s.name(), s.kind(), Secrets.redactConfig(s.config(), kind, s.options(), s.settings()),
                        Secrets.redactOptions(s.options(), kind, s.settings()), s.settings(), s.createdAt(), s.updatedAt(), s.enabledCollections(), s.totalCollections()));
            }
        }
        return shown;
    }

    public SourceRecord show(String identifier) {
        return redact(read(s -> Identifiers.source(s, identifier)));
    }

    /** A source's name, its installed type, and the option values it has now, secret ones hidden ({@link Secrets#REDACTED}). */
    public record CurrentOptions(String sourceName, SourceKind kind, Map<String, Object> values) {}

    /**
     * What {@code source update SOURCE --help} describes: the options of the source's type with their values now
     * (read back from its config for a source stored before options were kept). Refused when the type is not installed.
     */
    public CurrentOptions currentOptions(String identifier) {
        SourceRecord source = show(identifier);
        SourceKind kind = registry.find(source.kind()).orElseThrow(() -> new RetrovueException(ErrorKind.USAGE,
                registry.notInstalled(source.kind()) + ", so the options of '" + source.name() + "' cannot be listed or changed"));
        Map<String, Object> values = source.options() != null ? source.options() : OptionValues.fromLegacyConfig(kind, source.config());
        return new CurrentOptions(source.name(), kind, values);
    }

    /**
     * Renames and/or changes the kind's options; the external id stays. Options not given keep their values; one
     * given as "" is cleared (back to its default). The plugin builds its config again from the merged options.
     */
    public SourceRecord update(String identifier, Optional<String> newName, Map<String, String> options, boolean force) {
        Optional<String> cleanName = newName.map(this::checkName);
        SourceRecord current = read(s -> Identifiers.source(s, identifier));
        Optional<SourceKind> kind = registry.find(current.kind());
        Map<String, Object> newConfig = null;
        Map<String, Object> newOptions = null;
        Remote remote = null;
        if (!options.isEmpty()) {
            SourceKind k = kind.orElseThrow(() -> new RetrovueException(ErrorKind.USAGE,
                    registry.notInstalled(current.kind()) + ", so its options cannot be changed"));
            Map<String, Object> kept = new LinkedHashMap<>(current.options() != null ? current.options() : OptionValues.fromLegacyConfig(k, current.config()));
            kept.keySet().removeAll(options.keySet()); // decrypted only when not given anew: a secret given again needs no key for the old one
            newOptions = merge(k, box.open(kept, current.name()), options, true);
            newConfig = validate(k, newOptions);
            remote = inspect(k, newConfig);
        }
        Remote checked = remote;
        Map<String, Object> validated = newConfig;
        Map<String, Object> mergedOptions = newOptions;
        java.util.function.Consumer<CatalogReader> checks = s -> {
            cleanName.ifPresent(n -> refuseDuplicateName(s, n, current.id()));
            if (checked != null) {
                refuseDuplicateRemote(s, kind.orElseThrow(), ExternalIds.of(current.kind(), checked.fingerprint()), current.id(), checked.named(current.kind()));
            }
        };
        return redact(write(s -> {
            // re-read inside the transaction, so a change made meanwhile (say, to the enrichers) is kept
            SourceRecord source = s.sourceById(current.id()).orElseThrow(() -> gone(identifier));
            cleanName.ifPresent(n -> refuseDuplicateName(s, n, source.id()));
            SourceKind installed = kind.orElse(null);
            Map<String, Object> settings = settingsOf(source, installed);
            if (checked != null) {
                String identity = ExternalIds.of(source.kind(), checked.fingerprint());
                if (!identity.equals(currentIdentity(source)) && !kind.orElseThrow().fingerprintMayChangeOnUpdate() && !force) {
                    throw new RetrovueException(ErrorKind.CONFLICT, "'" + source.name() + "' would now reach " + checked.named(source.kind())
                            + ", not the " + source.kind() + " it was added for; its collections and path mappings belong to that one."
                            + " Pass --force to repoint it anyway");
                }
                refuseDuplicateRemote(s, kind.orElseThrow(), identity, source.id(), checked.named(source.kind()));
                recordIdentity(settings, identity, source.externalId());
                syncCollections(s, source, checked.collections());
            }
            return s.updateSource(source.id(), cleanName.orElse(source.name()),
                    validated == null ? box.seal(installed, source.config()) : box.seal(installed, validated, mergedOptions),
                    box.seal(installed, mergedOptions == null ? source.options() : mergedOptions), settings);
        }, cleanName.orElse(current.name()), checked == null ? null : checked.named(current.kind()), checks));
    }

    /** Replaces a source's enricher list; {@code warnings} hears of each listed enricher that cannot run here. */
    public SourceRecord setEnrichers(String identifier, String list, java.util.function.Consumer<String> warnings) {
        return setEnrichers(identifier, list, List.of(), warnings);
    }

    /**
     * Replaces a source's enricher list and sets option values of its enrichers ({@code enricher.option=value}; an
     * empty value clears one). The values of enrichers still listed are kept; those of enrichers left out go.
     */
    public SourceRecord setEnrichers(String identifier, String list, List<String> optionValues, java.util.function.Consumer<String> warnings) {
        Enrichers.Choice choice = Enrichers.parse(list, registry);
        List<String> enrichers = choice.names();
        SourceRecord updated = redact(write(s -> {
            SourceRecord source = Identifiers.source(s, identifier);
            SourceKind installed = registry.find(source.kind()).orElse(null);
            Map<String, Object> settings = settingsOf(source, installed);
            settings.put(Enrichers.SETTINGS_KEY, enrichers);
            Map<String, Map<String, Object>> options = Enrichers.options(settings.get(Enrichers.OPTIONS_KEY), enrichers, optionValues, registry);
            if (options.isEmpty()) {
                settings.remove(Enrichers.OPTIONS_KEY);
            } else {
                settings.put(Enrichers.OPTIONS_KEY, options);
            }
            return s.updateSource(source.id(), source.name(), box.seal(installed, source.config()), box.seal(installed, source.options()), settings);
        }, null, null));
        choice.warnings().forEach(warnings);
        return updated;
    }

    public List<CollectionRecord> collections(Optional<String> sourceIdentifier) {
        return read(s -> sourceIdentifier.map(id -> Identifiers.source(s, id).collections()).orElseGet(s::collections));
    }

    public CollectionRecord setEnabled(String collectionIdentifier, boolean enabled) {
        return write(s -> s.setCollectionEnabled(Identifiers.collection(s, collectionIdentifier).id(), enabled), null, null);
    }

    /** What {@link #discover} changed. */
    public record Discovery(SourceRecord source, List<String> added, List<String> updated, List<String> missing, int unchanged,
                            List<String> warnings) {}

    /**
     * Asks the source for its collections again: new ones are added disabled; known ones keep their id, enabled
     * flag and path mappings and take the current name and locations; ones the source no longer has are marked
     * missing, not deleted. A second run changes nothing. Refused when the source now answers as another remote.
     */
    public Discovery discover(String identifier) {
        SourceRecord current = read(s -> Identifiers.source(s, identifier));
        SourceKind kind = registry.find(current.kind()).orElseThrow(() -> new RetrovueException(ErrorKind.USAGE,
                registry.notInstalled(current.kind()) + ", so '" + current.name() + "' cannot be discovered"));
        Map<String, Object> opened = box.open(configOf(current), current.name()); // a key problem is not a configuration one
        Remote remote;
        try {
            remote = inspect(kind, opened);
        } catch (RetrovueException e) {
            if (e.kind() != ErrorKind.USAGE) {
                throw e;
            }
            // the stored configuration no longer fits what is there (a directory gone): the place changed, not the input
            throw new RetrovueException(ErrorKind.EXTERNAL, "'" + current.name() + "' cannot be discovered as it is configured: " + e.getMessage()
                    + " (or change it with `retrovue source update " + ShellWord.of(current.name()) + "`)", e);
        }
        Discovery discovery = write(s -> {
            SourceRecord source = s.sourceById(current.id()).orElseThrow(() -> gone(identifier));
            String identity = ExternalIds.of(source.kind(), remote.fingerprint());
            Map<String, Object> settings = settingsOf(source, kind);
            if (Boolean.TRUE.equals(settings.remove(UNVERIFIED_KEY))) {
                // first contact of a source added with --no-discover: its real identity replaces the provisional one
                refuseDuplicateRemote(s, kind, identity, source.id(), remote.named(source.kind()));
                recordIdentity(settings, identity, source.externalId());
                s.updateSource(source.id(), source.name(), box.seal(kind, source.config()), box.seal(kind, source.options()), settings);
            } else if (!identity.equals(currentIdentity(source))) {
                throw new RetrovueException(ErrorKind.CONFLICT, "'" + source.name() + "' now reaches " + remote.named(source.kind())
                        + ", not the " + source.kind() + " it was added for; its collections and mappings belong to that one."
                        + " Point it back, or change it with `retrovue source update` and --force");
            }
            List<String> added = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            int unchanged = 0;
            for (DiscoveredCollection d : remote.collections()) {
                Optional<CollectionRecord> known = source.collections().stream().filter(c -> c.externalId().equals(d.externalId())).findFirst();
                if (known.isEmpty()) {
                    s.addCollection(source.id(), newCollection(d));
                    added.add(d.name());
                } else if (!sameAsFound(known.get(), d)) {
                    s.updateCollection(known.get().id(), d.name(), d.config(), d.locations());
                    updated.add(known.get().name().equals(d.name()) ? d.name() : known.get().name() + " -> " + d.name());
                } else {
                    unchanged++;
                }
            }
            for (CollectionRecord c : source.collections()) {
                boolean stillThere = remote.collections().stream().anyMatch(d -> d.externalId().equals(c.externalId()));
                if (!stillThere && !c.missing()) {
                    s.markCollectionMissing(c.id());
                    missing.add(c.name());
                } else if (!stillThere) {
                    unchanged++;
                }
            }
            return new Discovery(s.sourceById(source.id()).orElseThrow(), added, updated, missing, unchanged, remote.warnings());
        }, null, remote.named(current.kind()), s -> refuseDuplicateRemote(s, kind, ExternalIds.of(current.kind(), remote.fingerprint()), current.id(),
                remote.named(current.kind())));
        return new Discovery(redact(discovery.source()), discovery.added(), discovery.updated(), discovery.missing(), discovery.unchanged(),
                discovery.warnings());
    }

    /** Maps the remote path {@code remotePath} (as the remote server reports it) of a collection to {@code localPath} here. */
    public CollectionRecord addMapping(String collectionIdentifier, String remotePath, String localPath) {
        String remote = checkPath("REMOTE_PATH", remotePath);
        String local = checkPath("LOCAL_PATH", localPath);
        if (!local.startsWith("/")) {
            // stored as given, a relative path would mean another folder to each process that reads it
            throw new RetrovueException(ErrorKind.USAGE, "LOCAL_PATH " + local + " is relative; give an absolute path (starting with /)");
        }
        String stored = PathMappings.withoutTrailingSeparators(remote); // kept as the server writes it, \ or /
        return write(s -> {
            CollectionRecord collection = Identifiers.collection(s, collectionIdentifier);
            Optional<PathMappingRecord> same = sameRemote(collection, stored);
            if (same.isPresent()) {
                throw new RetrovueException(ErrorKind.CONFLICT, "the collection already maps " + same.get().plexPath()
                        + (same.get().plexPath().equals(stored) ? "" : " (the same remote path as " + remote + ")") + "; remove that mapping first");
            }
            return s.addPathMapping(collection.id(), stored, local);
        }, null, stored);
    }

    /** The collection's mapping of the same remote path as {@code remote}, however either is written. */
    private static Optional<PathMappingRecord> sameRemote(CollectionRecord collection, String remote) {
        String key = PathMappings.key(remote);
        return collection.pathMappings().stream().filter(m -> PathMappings.key(m.plexPath()).equals(key)).findFirst();
    }

    /** Removes the mapping of {@code remotePath} from a collection. */
    public CollectionRecord removeMapping(String collectionIdentifier, String remotePath) {
        return write(s -> {
            CollectionRecord collection = Identifiers.collection(s, collectionIdentifier);
            Optional<PathMappingRecord> same = sameRemote(collection, remotePath);
            if (same.isEmpty() || !s.removePathMapping(collection.id(), same.get().plexPath())) {
                throw new RetrovueException(ErrorKind.NOT_FOUND, "collection '" + collection.sourceName() + "/" + collection.name()
                        + "' has no mapping for " + remotePath + "; see `retrovue source mapping list`");
            }
            return s.collectionById(collection.id()).orElseThrow();
        }, null, null);
    }

    /** The collections whose mappings to list: one, or every collection. */
    public List<CollectionRecord> mappings(Optional<String> collectionIdentifier) {
        return read(s -> collectionIdentifier.map(id -> List.of(Identifiers.collection(s, id))).orElseGet(s::collections));
    }

    private static String checkPath(String label, String path) {
        String clean = path == null ? "" : path.strip();
        if (clean.isEmpty()) {
            throw new RetrovueException(ErrorKind.USAGE, label + " must not be empty");
        }
        if (clean.length() > MAX_PATH) {
            throw new RetrovueException(ErrorKind.USAGE, label + " is longer than " + MAX_PATH + " characters");
        }
        return clean;
    }

    /** The source that {@code delete} would remove, with its collections and path mappings. */
    public SourceRecord planDelete(String identifier) {
        return show(identifier);
    }

    public SourceRecord delete(UUID id) {
        return redact(write(s -> {
            SourceRecord source = s.sourceById(id).orElseThrow(() -> gone(id.toString()));
            s.deleteSource(id);
            return source;
        }, null, null));
    }

    // ---- helpers

    /**
     * What a source said of itself: its identity, its collections, what it left out of them (in words), and how
     * messages name it ({@code displayName}, the fingerprint by default).
     */
    private record Remote(String fingerprint, List<DiscoveredCollection> collections, List<String> warnings, String displayName) {
        /** {@code Plex server 'Living Room' (plex-2cd5082fe9e0)}, or the fingerprint alone when it is the name (a directory). */
        String named(String kind) {
            return displayName.equals(fingerprint) ? fingerprint : displayName + " (" + ExternalIds.of(kind, fingerprint) + ")";
        }
    }

    /**
     * {@code stored} options with the {@code given} ones checked against their types and put in: on update, an
     * option given as "" is cleared, which a required one cannot be; on add, "" is as good as not giving it.
     */
    private static Map<String, Object> merge(SourceKind kind, Map<String, Object> stored, Map<String, String> given, boolean update) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        for (OptionSpec option : kind.options()) {
            if (!given.containsKey(option.name())) {
                continue;
            }
            String value = given.get(option.name());
            if (value == null || value.isBlank()) {
                if (update && option.required()) {
                    throw new RetrovueException(ErrorKind.USAGE, "--" + option.name() + " is required for type " + kind.id()
                            + " and cannot be cleared; give a new value");
                }
                merged.remove(option.name());
            } else {
                merged.put(option.name(), OptionValues.typed(option, value));
            }
        }
        for (OptionSpec option : kind.options()) {
            if (option.required() && merged.get(option.name()) == null) {
                throw new RetrovueException(ErrorKind.USAGE, "--" + option.name() + " is required for type " + kind.id() + ": " + option.description());
            }
        }
        return merged;
    }

    private Map<String, Object> validate(SourceKind kind, Map<String, Object> options) {
        PluginWords words = PluginWords.of(kind, options);
        try {
            return Objects.requireNonNull(kind.validate(Map.copyOf(OptionValues.forValidate(kind, options))), "validate returned null");
        } catch (SourceException e) {
            throw fromPlugin(e, words);
        } catch (RuntimeException e) {
            throw unexpected(e, words);
        }
    }

    private Remote inspect(SourceKind kind, Map<String, Object> config) {
        PluginWords words = PluginWords.of(kind, config);
        try (SourceConnection connection = kind.connect(config, PluginContext.forKind(registry, kind.id(), clock))) {
            List<String> warnings = new ArrayList<>();
            String fingerprint = connection.fingerprint();
            List<DiscoveredCollection> collections = connection.collections(warning -> {
                if (warning != null && !warning.isBlank() && warnings.size() < MAX_WARNINGS) {
                    warnings.add(warning);
                }
            });
            return new Remote(fingerprint, collections, List.copyOf(warnings), displayName(connection, fingerprint));
        } catch (SourceException e) {
            throw fromPlugin(e, words);
        } catch (RuntimeException e) {
            throw unexpected(e, words);
        }
    }

    /** The connection's name for its remote, or the fingerprint: a name that cannot be had is no reason to fail. */
    private static String displayName(SourceConnection connection, String fingerprint) {
        try {
            String name = connection.displayName();
            return name == null || name.isBlank() ? fingerprint : name.strip();
        } catch (SourceException | RuntimeException e) {
            return fingerprint;
        }
    }

    /** A plugin's failure as the operator is told it: its message on one line with the source's secrets masked. */
    static RetrovueException fromPlugin(SourceException e, PluginWords words) {
        ErrorKind kind = switch (e.code()) {
            case INVALID_CONFIG -> ErrorKind.USAGE;
            case NOT_FOUND -> ErrorKind.NOT_FOUND;
            default -> ErrorKind.EXTERNAL;
        };
        String message = words.clean(e.getMessage());
        return new RetrovueException(kind, message == null || message.isEmpty() ? "the plugin failed without saying why" : message, words.masked(e));
    }

    /** A plugin's bug (a runtime exception), told as an unexpected failure with its words cleaned. */
    static RuntimeException unexpected(RuntimeException e, PluginWords words) {
        return new IllegalStateException(words.clean(e.getMessage()), words.masked(e));
    }

    /** A discovered collection to store: its plugin's config exactly as given, its locations apart. */
    private static NewSource.NewCollection newCollection(DiscoveredCollection c) {
        return new NewSource.NewCollection(c.externalId(), c.name(), c.config(), c.locations());
    }

    /** Whether a stored collection already says what discovery found now (a missing one found again does not). */
    private static boolean sameAsFound(CollectionRecord known, DiscoveredCollection found) {
        return !known.missing() && known.name().equals(found.name()) && found.config().equals(known.config())
                && found.locations().equals(known.locations());
    }

    /** New collections are added disabled; known ones keep id, enabled flag and mappings and take the new name. */
    private static void syncCollections(CatalogSession s, SourceRecord source, List<DiscoveredCollection> discovered) {
        for (DiscoveredCollection d : discovered) {
            Optional<CollectionRecord> known = source.collections().stream().filter(c -> c.externalId().equals(d.externalId())).findFirst();
            if (known.isPresent()) {
                s.updateCollection(known.get().id(), d.name(), d.config(), d.locations());
            }
        }
    }

    /**
     * A name as typed, stripped, or a usage error: empty, too long, holding a control character (it would reach
     * every terminal that lists it), or reading as another kind of identifier (a UUID, or an external id of an
     * installed kind: {@code plex-2cd5082fe9e0}, {@code plex:...}), which would make {@code source show NAME} mean two things.
     */
    private String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new RetrovueException(ErrorKind.USAGE, "--name must not be empty");
        }
        if (clean.length() > MAX_NAME) {
            throw new RetrovueException(ErrorKind.USAGE, "--name is longer than " + MAX_NAME + " characters");
        }
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                    || (Character.getType(c) == Character.FORMAT && c != '\u200c' && c != '\u200d')) { // joiners kept: emoji, Persian
                throw new RetrovueException(ErrorKind.USAGE, "--name must not hold control characters (found U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c) + "); type the name as it should show");
            }
        }
        if (Identifiers.uuid(clean).isPresent()) {
            throw new RetrovueException(ErrorKind.USAGE, "--name must not be a UUID: a UUID names the source or collection that has it");
        }
        for (SourceKind kind : registry.kinds()) {
            String lower = clean.toLowerCase(java.util.Locale.ROOT);
            String id = kind.id().toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith(id + ":") || lower.matches(java.util.regex.Pattern.quote(id) + "-[0-9a-f]{12}")) {
                throw new RetrovueException(ErrorKind.USAGE, "--name must not look like an external id of type " + kind.id()
                        + " (" + kind.id() + "-... or " + kind.id() + ":...): external ids name sources too; choose another name");
            }
        }
        return clean;
    }

    private static void refuseDuplicateName(CatalogReader s, String name, UUID self) {
        for (SourceRecord other : s.sourcesByName(name)) {
            if (!other.id().equals(self)) {
                throw new RetrovueException(ErrorKind.CONFLICT, "a source named '" + other.name() + "' already exists (" + other.id() + "); choose another name");
            }
        }
    }

    private static void refuseDuplicateRemote(CatalogReader s, SourceKind kind, String identity, UUID self, String remote) {
        for (SourceRecord other : s.sources()) {
            if (other.id().equals(self) || !other.kind().equals(kind.id())) {
                continue;
            }
            if (currentIdentity(other).equals(identity)) {
                throw new RetrovueException(ErrorKind.CONFLICT, remote + " is already source '" + other.name() + "' (" + other.id() + ")");
            }
            if (self == null && other.externalId().equals(identity)) {
                throw new RetrovueException(ErrorKind.CONFLICT, "external id " + identity + " is still held by source '" + other.name() + "' ("
                        + other.id() + "), which was moved off " + remote + "; delete it or point it back");
            }
        }
    }

    /** A modifiable copy of a source's plugin config (empty when it has none). */
    private static Map<String, Object> configOf(SourceRecord source) {
        return new LinkedHashMap<>(source.config() == null ? Map.of() : source.config());
    }

    /** A modifiable copy of a source's settings, the program's own keys. */
    private static Map<String, Object> settingsOf(SourceRecord source) {
        return new LinkedHashMap<>(source.settings());
    }

    /**
     * {@link #settingsOf} with the names of the secret options its installed kind declares, so that every write
     * records them, a rename alone included, for a source stored before they were kept (or by an older plugin).
     */
    private static Map<String, Object> settingsOf(SourceRecord source, SourceKind installed) {
        Map<String, Object> settings = settingsOf(source);
        if (installed != null) {
            settings.put(Secrets.SETTINGS_KEY, Secrets.declared(installed));
        }
        return settings;
    }

    /** The remote a source reaches now: its recorded identity after a move, else its external id. */
    static String currentIdentity(SourceRecord source) {
        return source.settings().get(IDENTITY_KEY) instanceof String identity ? identity : source.externalId();
    }

    /** Records {@code identity} in settings, where it differs from the external id that never changes. */
    private static void recordIdentity(Map<String, Object> config, String identity, String externalId) {
        if (identity.equals(externalId)) {
            config.remove(IDENTITY_KEY);
        } else {
            config.put(IDENTITY_KEY, identity);
        }
    }

    private static RetrovueException gone(String identifier) {
        return new RetrovueException(ErrorKind.NOT_FOUND, "source '" + identifier + "' was deleted meanwhile; see `retrovue source list`");
    }

    private <T> T read(java.util.function.Function<CatalogReader, T> work) {
        return DatabaseErrors.translate(() -> catalog.get().read(work));
    }

    /** A write; a uniqueness violation (another command won a race) becomes the same conflict a pre-check gives. */
    private <T> T write(java.util.function.Function<CatalogSession, T> work, String name, String fingerprint) {
        return write(work, name, fingerprint, null);
    }

    /**
     * A write whose uniqueness violation (another command won a race) is told as the same conflict the pre-check
     * gives when the commands ran one after the other: {@code checks}, run again after the loser rolled back, now
     * sees the winner and says who it is.
     */
    private <T> T write(java.util.function.Function<CatalogSession, T> work, String name, String fingerprint,
                        java.util.function.Consumer<CatalogReader> checks) {
        try {
            return DatabaseErrors.translate(() -> catalog.get().inTransaction(work));
        } catch (RetrovueException e) {
            if (e.getCause() instanceof CatalogConflictException conflict) {
                if (checks != null && conflict.constraint().startsWith("sources_")) {
                    read(s -> {
                        checks.accept(s);
                        return null;
                    }); // throws the sequential case's conflict, naming the source that won
                }
                String message = switch (conflict.constraint()) {
                    case "sources_name_lower_key" -> "a source named '" + name + "' already exists; choose another name";
                    case "sources_external_id_key", "sources_identity_key" ->
                            (fingerprint == null ? "that remote" : fingerprint) + " is already a source; see `retrovue source list`";
                    case "path_mappings_collection_plex_path_key" -> "the collection already maps " + fingerprint + "; remove that mapping first";
                    default -> "the change conflicts with an existing record (" + conflict.constraint() + ")";
                };
                throw new RetrovueException(ErrorKind.CONFLICT, message, conflict);
            }
            throw e;
        }
    }

    private SourceRecord redact(SourceRecord r) {
        Optional<SourceKind> kind = registry.find(r.kind());
        return new SourceRecord(r.id(), r.externalId(), r.name(), r.kind(), Secrets.redactConfig(r.config(), kind, r.options(), r.settings()),
                Secrets.redactOptions(r.options(), kind, r.settings()), r.settings(), r.createdAt(), r.updatedAt(), r.collections());
    }
}
