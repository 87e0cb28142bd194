package org.retrovue.plugin.jellyfin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * What the {@code jellyfin} and {@code emby} kinds share: their options, their validation and their connection; the
 * {@link Dialect} is all that differs. The fingerprint is the server's {@code Id}, so the same server reached by
 * another URL is recognised; its movie, show and mixed libraries are the collections.
 */
abstract sealed class MediaServerKind implements SourceKind permits JellyfinSourceKind, EmbySourceKind {
    static final int DEFAULT_CONNECT_TIMEOUT_S = 5;
    static final int DEFAULT_READ_TIMEOUT_S = 30;
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_CONCURRENCY = 16;

    private final Dialect dialect;

    MediaServerKind(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String id() {
        return dialect.kindId;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("base-url", OptionType.URL, "Server address, with any path prefix, e.g. " + exampleUrl()),
                OptionSpec.secret("api-key", "API key (the server's dashboard, API Keys); stored, never shown"),
                OptionSpec.optional("page-size", OptionType.INTEGER, "Items asked for per request when ingesting")
                        .withRange(10, 10_000).withDefault(Integer.toString(DEFAULT_PAGE_SIZE)),
                OptionSpec.optional("concurrency", OptionType.INTEGER, "Pages asked for at once when ingesting")
                        .withRange(1, MAX_CONCURRENCY).withDefault(Integer.toString(DEFAULT_CONCURRENCY)),
                OptionSpec.optional("connect-timeout", OptionType.INTEGER, "Seconds to wait for a connection")
                        .withRange(1, 600).withDefault(Integer.toString(DEFAULT_CONNECT_TIMEOUT_S)),
                OptionSpec.optional("read-timeout", OptionType.INTEGER, "Seconds to wait for an answer to start, and again for it to end")
                        .withRange(1, 600).withDefault(Integer.toString(DEFAULT_READ_TIMEOUT_S)));
    }

    abstract String exampleUrl();

    @Override
    public String example() {
        return "--base-url " + exampleUrl() + " --api-key-file ~/." + dialect.kindId + "-key";
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public Map<String, Object> validate(Map<String, String> options) throws SourceException {
        String key = options.get("api-key");
        if (key == null || key.isBlank()) {
            throw invalid("--api-key is required: an API key from the server's dashboard (API Keys)");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", baseUrl(options.get("base-url")));
        config.put("api_key", key.strip());
        config.put("page_size", bounded(options, "page-size", DEFAULT_PAGE_SIZE, 10, 10_000));
        config.put("concurrency", bounded(options, "concurrency", DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY));
        config.put("connect_timeout", bounded(options, "connect-timeout", DEFAULT_CONNECT_TIMEOUT_S, 1, 600));
        config.put("read_timeout", bounded(options, "read-timeout", DEFAULT_READ_TIMEOUT_S, 1, 600));
        return config;
    }

    /** Until the server is first reached, the source is known by its URL. */
    @Override
    public String offlineFingerprint(Map<String, Object> config) {
        return config.get("base_url") instanceof String url ? url : null;
    }

    @Override
    public SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException {
        int pageSize = config.get("page_size") instanceof Number n ? n.intValue() : DEFAULT_PAGE_SIZE;
        int concurrency = config.get("concurrency") instanceof Number n ? n.intValue() : DEFAULT_CONCURRENCY;
        return new JellyfinConnection(JellyfinClient.fromConfig(dialect, config), pageSize, concurrency, context);
    }

    private static String baseUrl(String given) throws SourceException {
        if (given == null || given.isBlank()) {
            throw invalid("--base-url is required: the server's address, e.g. http://192.168.1.10:8096");
        }
        String trimmed = given.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw invalid("--base-url " + trimmed + " is not an http:// or https:// address with a host");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw invalid("--base-url must not carry a query, fragment or credentials; give the key with --api-key");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw invalid("--base-url " + trimmed + " is not a valid URL: " + e.getReason());
        }
    }

    private static int bounded(Map<String, String> options, String name, int fallback, int min, int max) throws SourceException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw invalid("--" + name + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid("--" + name + " must be a whole number");
        }
    }

    private static SourceException invalid(String message) {
        return new SourceException(SourceException.Code.INVALID_CONFIG, message);
    }
}
