package org.retrovue.plugin.plex;

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
 * A Plex Media Server. The fingerprint is the server's {@code machineIdentifier}, so the same server reached by
 * another URL is recognised; its libraries are the collections.
 */
public final class PlexSourceKind implements SourceKind {
    static final int DEFAULT_CONNECT_TIMEOUT_S = 5;
    static final int DEFAULT_READ_TIMEOUT_S = 30;
    static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_CONCURRENCY = 16;

    @Override
    public String id() {
        return "plex";
    }

    @Override
    public String description() {
        return "A Plex Media Server (libraries become collections)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("base-url", OptionType.URL, "Server address, e.g. https://1-2-3-4.abc.plex.direct:32400"),
                OptionSpec.secret("token", "Plex token (X-Plex-Token); stored, never shown"),
                OptionSpec.optional("connect-timeout", OptionType.INTEGER, "Seconds to wait for a connection")
                        .withRange(1, 600).withDefault(Integer.toString(DEFAULT_CONNECT_TIMEOUT_S)),
                OptionSpec.optional("read-timeout", OptionType.INTEGER, "Seconds to wait for an answer to start, and again for it to end")
                        .withRange(1, 600).withDefault(Integer.toString(DEFAULT_READ_TIMEOUT_S)),
                OptionSpec.optional("page-size", OptionType.INTEGER, "Items asked for per request when ingesting")
                        .withRange(10, 10_000).withDefault(Integer.toString(PlexScan.DEFAULT_PAGE_SIZE)),
                OptionSpec.optional("concurrency", OptionType.INTEGER, "Pages asked for at once when ingesting")
                        .withRange(1, MAX_CONCURRENCY).withDefault(Integer.toString(DEFAULT_CONCURRENCY)));
    }

    @Override
    public String example() {
        return "--base-url http://192.168.1.10:32400 --token \"$PLEX_TOKEN\"";
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public Map<String, Object> validate(Map<String, String> options) throws SourceException {
        String token = options.get("token");
        if (token == null || token.isBlank()) {
            throw invalid("--token is required: the server's X-Plex-Token");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", baseUrl(options.get("base-url")));
        config.put("token", token.strip());
        config.put("connect_timeout", seconds(options, "connect-timeout", DEFAULT_CONNECT_TIMEOUT_S));
        config.put("read_timeout", seconds(options, "read-timeout", DEFAULT_READ_TIMEOUT_S));
        String pageSize = options.get("page-size");
        if (pageSize != null && !pageSize.isBlank()) {
            config.put("page_size", pageSize(pageSize));
        }
        String concurrency = options.get("concurrency");
        if (concurrency != null && !concurrency.isBlank()) {
            config.put("concurrency", concurrency(concurrency));
        }
        return config;
    }

    /** Until the server is first reached, the source is known by its URL. */
    @Override
    public String offlineFingerprint(Map<String, Object> config) {
        return config.get("base_url") instanceof String url ? url : null;
    }

    @Override
    public SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException {
        int pageSize = config.get("page_size") instanceof Number n ? n.intValue() : PlexScan.DEFAULT_PAGE_SIZE;
        int concurrency = config.get("concurrency") instanceof Number n ? n.intValue() : DEFAULT_CONCURRENCY;
        return new PlexConnection(PlexClient.fromConfig(config), pageSize, concurrency, context);
    }

    private static String baseUrl(String given) throws SourceException {
        if (given == null || given.isBlank()) {
            throw invalid("--base-url is required: the server's address, e.g. http://192.168.1.10:32400");
        }
        String trimmed = given.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw invalid("--base-url " + trimmed + " is not an http:// or https:// address with a host");
            }
            if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw invalid("--base-url must not carry a query or credentials; give the token with --token");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw invalid("--base-url " + trimmed + " is not a valid URL: " + e.getReason());
        }
    }

    private static int pageSize(String value) throws SourceException {
        try {
            int size = Integer.parseInt(value.strip());
            if (size < 10 || size > 10_000) {
                throw invalid("--page-size must be between 10 and 10000");
            }
            return size;
        } catch (NumberFormatException e) {
            throw invalid("--page-size must be a whole number");
        }
    }

    private static int concurrency(String value) throws SourceException {
        try {
            int concurrency = Integer.parseInt(value.strip());
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw invalid("--concurrency must be between 1 and " + MAX_CONCURRENCY);
            }
            return concurrency;
        } catch (NumberFormatException e) {
            throw invalid("--concurrency must be a whole number");
        }
    }

    private static int seconds(Map<String, String> options, String name, int fallback) throws SourceException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds < 1 || seconds > 600) {
                throw invalid("--" + name + " must be between 1 and 600 seconds");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw invalid("--" + name + " must be a whole number of seconds");
        }
    }

    private static SourceException invalid(String message) {
        return new SourceException(SourceException.Code.INVALID_CONFIG, message);
    }
}
