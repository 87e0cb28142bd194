package org.retrovue.example.manifest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * {@code manifest}: a source whose content is listed in a CSV file, one media file a row, under a header line that
 * names the columns ({@code path,title,duration_seconds}, and optionally {@code year}, {@code show}, {@code season},
 * {@code episode}, {@code air_date}, {@code imdb}, {@code tmdb}, {@code tvdb}, {@code version}). The file is here,
 * or served over http(s) by a NAS's web server, perhaps behind a token. The source has one collection, the manifest.
 */
public final class ManifestSourceKind implements SourceKind {
    static final String FILE = "file";
    static final String TOKEN = "token";
    static final String TIMEOUT = "timeout";
    static final String ENCODING = "encoding";
    private static final String DEFAULT_TIMEOUT = "30";
    private static final String DEFAULT_ENCODING = "UTF-8";

    @Override
    public String id() {
        return "manifest";
    }

    @Override
    public String description() {
        return "A CSV manifest of media files, here or over HTTP";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required(FILE, OptionType.PATH, "The manifest: a CSV file with a header line, or its http(s):// URL"),
                new OptionSpec(TOKEN, "Bearer token of a served manifest, if its server asks for one", OptionType.STRING, false, true),
                OptionSpec.optional(TIMEOUT, OptionType.INTEGER, "Seconds a served manifest may take to arrive").withRange(1, 600).withDefault(DEFAULT_TIMEOUT),
                OptionSpec.choice(ENCODING, List.of("UTF-8", "windows-1252", "ISO-8859-1"), "The manifest's character set").withDefault(DEFAULT_ENCODING));
    }

    @Override
    public String example() {
        return "--file https://nas.local/media/list.csv --token-file ~/.nas-token";
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public Map<String, Object> validate(Map<String, String> options) throws SourceException {
        String given = options.get(FILE);
        Map<String, Object> config = new LinkedHashMap<>();
        // RetroVue has checked the types and filled in the defaults: timeout is a whole number from 1 to 600
        config.put(TIMEOUT, Integer.valueOf(options.getOrDefault(TIMEOUT, DEFAULT_TIMEOUT)));
        config.put(ENCODING, options.getOrDefault(ENCODING, DEFAULT_ENCODING));
        if (served(given)) {
            config.put(FILE, url(given).toString());
            if (options.get(TOKEN) != null) {
                config.put(TOKEN, options.get(TOKEN)); // as given, so that RetroVue finds it to hide and seal
            }
        } else { // a token is for a served manifest; one set in the environment for another source is not kept
            Path file = manifest(given);
            Charset encoding = Charset.forName((String) config.get(ENCODING));
            Manifest.open(file.toString(), () -> Files.newBufferedReader(file, encoding)).close(); // not a manifest: refused now, not at the first ingest
            config.put(FILE, file.toString());
        }
        return config;
    }

    @Override
    public SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException {
        if (!(config.get(FILE) instanceof String file)) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "the stored configuration has no file; set one with `source update SOURCE --file PATH`");
        }
        Charset encoding = Charset.forName(config.get(ENCODING) instanceof String name ? name : DEFAULT_ENCODING);
        if (served(file)) {
            Duration timeout = Duration.ofSeconds(config.get(TIMEOUT) instanceof Number seconds ? seconds.longValue() : Long.parseLong(DEFAULT_TIMEOUT));
            String token = config.get(TOKEN) instanceof String text ? text : null;
            return new ManifestConnection(null, new ServedManifest(url(file), token, timeout, encoding, context), encoding, context);
        }
        return new ManifestConnection(manifest(file), null, encoding, context);
    }

    private static boolean served(String given) {
        String lower = given == null ? "" : given.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** A manifest's URL, with a host and no credentials in it (a token goes in --token, never in a URL). */
    static URI url(String given) throws SourceException {
        try {
            URI url = new URI(given).normalize();
            if (url.getHost() == null) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest URL " + given + " has no host; give one such as https://nas.local/media/list.csv");
            }
            if (url.getRawUserInfo() != null) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "put no user or password in --file; give the server's token with --token-file FILE");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "--file is neither a file nor a URL: " + e.getReason());
        }
    }

    /** The real path of a readable regular file, or an error that says what it is not. */
    static Path manifest(String given) throws SourceException {
        if (given == null || given.isBlank()) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "--file is required: the CSV manifest of media files");
        }
        try {
            Path path = Path.of(given).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + given + " does not exist or is not a file");
            }
            if (!Files.isReadable(path)) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + given + " is not readable by this user");
            }
            return path.toRealPath();
        } catch (InvalidPathException | java.io.IOException e) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "manifest " + given + " cannot be used: " + e.getMessage());
        }
    }
}
