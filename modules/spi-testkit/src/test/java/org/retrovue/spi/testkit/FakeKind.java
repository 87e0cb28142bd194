package org.retrovue.spi.testkit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.retrovue.spi.DiscoveredCollection;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;
import org.retrovue.spi.ScanRequest;
import org.retrovue.spi.ScanResult;
import org.retrovue.spi.ScanSink;
import org.retrovue.spi.ScannedItem;
import org.retrovue.spi.SourceConnection;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.SourceException;
import org.retrovue.spi.SourceHealth;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * A well-behaved kind over a {@link FakeRemote}: the broken kinds of {@link Fixtures} each override one thing.
 * Options: {@code --location} (the remote's name), {@code --token} (secret), {@code --page-size}.
 */
class FakeKind implements SourceKind {
    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String description() {
        return "An in-memory remote for the testkit's own tests";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.required("location", OptionType.STRING, "Name of the remote"),
                OptionSpec.secret("token", "Token the remote asks for"),
                OptionSpec.optional("page-size", OptionType.INTEGER, "Items per request").withDefault("100").withRange(10, 1000));
    }

    @Override
    public String example() {
        return "--location shelf-1 --token-file ~/.shelf-token"; // the --NAME-file form the program gives a secret option
    }

    @Override
    public int spiMajorVersion() {
        return SpiVersion.MAJOR;
    }

    @Override
    public Map<String, Object> validate(Map<String, String> options) throws SourceException {
        for (String required : List.of("location", "token")) {
            if (options.get(required) == null || options.get(required).isBlank()) {
                throw new SourceException(SourceException.Code.INVALID_CONFIG, "--" + required + " is required");
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("location", options.get("location").strip());
        config.put("token", options.get("token").strip());
        config.put("page_size", Integer.parseInt(options.getOrDefault("page-size", "100")));
        return config;
    }

    @Override
    public SourceConnection connect(Map<String, Object> config, SourceContext context) throws SourceException {
        FakeRemote remote = FakeRemote.find(String.valueOf(config.get(locationKey())));
        if (remote == null) {
            throw new SourceException(SourceException.Code.INVALID_CONFIG, "no remote is called " + config.get(locationKey()));
        }
        return connection(remote, String.valueOf(config.get("token")));
    }

    /** The config key the location is stored under. */
    String locationKey() {
        return "location";
    }

    FakeConnection connection(FakeRemote remote, String token) {
        return new CheckedConnection(remote, token);
    }

    /**
     * Fails as a remote that does not answer, or refuses the token, on every call. It keeps the SPI's default
     * {@code health()}; {@link CheckedConnection} checks itself.
     */
    static class FakeConnection implements SourceConnection {
        final FakeRemote remote;
        final String token;

        FakeConnection(FakeRemote remote, String token) {
            this.remote = remote;
            this.token = token;
        }

        void check() throws SourceException {
            if (remote.broken) {
                throw new SourceException(SourceException.Code.UNREACHABLE, "remote " + remote.name + " does not answer; is it running?");
            }
            if (!token.equals(FakeRemote.TOKEN)) {
                throw new SourceException(SourceException.Code.UNAUTHORIZED, "remote " + remote.name + " refused the token; give the right --token");
            }
        }

        @Override
        public String fingerprint() throws SourceException {
            check();
            return remote.name;
        }

        @Override
        public List<DiscoveredCollection> collections() throws SourceException {
            return collections(warning -> {});
        }

        @Override
        public List<DiscoveredCollection> collections(Consumer<String> warnings) throws SourceException {
            check();
            warnings.accept("skipped the Music shelf: music is not ingested");
            return List.of(new DiscoveredCollection("main", "Main shelf", List.of("/" + remote.name), Map.of("shelf", 1)));
        }

        @Override
        public ScanResult scan(ScanRequest request, ScanSink sink) throws SourceException {
            check();
            for (String item : remote.items) {
                sink.item(ScannedItem.file(item, "/" + remote.name + "/" + item, item.length(), Instant.EPOCH, item));
            }
            return ScanResult.complete(null);
        }

        @Override
        public String displayName() throws SourceException {
            check();
            return "fake remote '" + remote.name + "'";
        }
    }

    /** A connection that checks itself for {@code source status}. */
    static class CheckedConnection extends FakeConnection {
        CheckedConnection(FakeRemote remote, String token) {
            super(remote, token);
        }

        @Override
        public SourceHealth health() {
            if (remote.broken) {
                return SourceHealth.unreachable("remote " + remote.name + " does not answer; is it running?");
            }
            if (!token.equals(FakeRemote.TOKEN)) {
                return SourceHealth.credentialsRejected("Fake", "1.0", "remote " + remote.name + " refused the token");
            }
            return SourceHealth.healthy(SourceHealth.Check.OK, "Fake", "1.0");
        }
    }
}
