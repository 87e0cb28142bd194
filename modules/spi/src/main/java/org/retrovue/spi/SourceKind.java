package org.retrovue.spi;

import java.util.List;
import java.util.Map;

/**
 * A kind of source ("filesystem", "plex", ...). Implementations are stateless and found through ServiceLoader.
 */
public interface SourceKind {
    /** The {@code --type} value and the prefix of every external id of this kind: lower case letters and digits. */
    String id();

    /** One line for {@code source list-types}. */
    String description();

    /** The options an operator gives on {@code source add --type ID}; each becomes a {@code --name} flag. */
    List<OptionSpec> options();

    /** Must return {@link SpiVersion#MAJOR} as compiled against; the program checks it. */
    int spiMajorVersion();

    /**
     * Checks the options the operator gave (keys are option names; absent ones are missing) and returns the
     * configuration to store: normalised, complete, JSON-compatible values only. Since SPI 1.5 the program has
     * already checked each value against its {@link OptionSpec}'s type, bounds and choices, put it in canonical form
     * (see {@link OptionType}) and filled in declared defaults. The program keeps the options too, and on
     * {@code source update} calls this again with the stored options merged with the new ones, so the keys and
     * types of the returned map are the plugin's own affair.
     *
     * @throws SourceException with {@link SourceException.Code#INVALID_CONFIG} saying what is wrong and what to do
     */
    Map<String, Object> validate(Map<String, String> options) throws SourceException;

    /**
     * Whether {@code source update} may point a source at a different remote (another fingerprint) without
     * {@code --force}. A moved directory is still the same library; another Plex server is not, and the source's
     * collections and path mappings belong to the old one. Since SPI 1.1.
     */
    default boolean fingerprintMayChangeOnUpdate() {
        return false;
    }

    /**
     * A provisional fingerprint from the configuration alone, for a source added with {@code --no-discover} (its
     * remote is down now); the first discovery replaces it with the real one. Null, the default, when this kind
     * cannot be added without contacting it. Since SPI 1.1.
     */
    default String offlineFingerprint(Map<String, Object> config) {
        return null;
    }

    /**
     * Whether the locations of this kind's collections are directories on this machine (a directory tree on a local
     * or mounted disk) rather than paths as a remote server sees them. Path mappings are then not needed to reach
     * them, and a location that is gone is reported missing, not unmapped. Since SPI 1.4.
     */
    default boolean locationsAreLocal() {
        return false;
    }

    /**
     * An example of this kind's options on a command line, shown by {@code source add --type ID --help}, e.g.
     * {@code --base-path /media/movies}; null, the default, for none. Since SPI 1.5.
     */
    default String example() {
        return null;
    }

    /**
     * Opens a connection for a configuration that {@link #validate} returned: exactly that map, without keys of the
     * program's own (since SPI 1.5; before, the program's keys such as {@code enrichers} were mixed in).
     */
    SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException;
}
