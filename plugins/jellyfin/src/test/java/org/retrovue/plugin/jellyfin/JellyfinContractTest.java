package org.retrovue.plugin.jellyfin;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.retrovue.fakejellyfin.Dialect;
import org.retrovue.fakejellyfin.FakeJellyfinServer;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.SourceKindContract;

class JellyfinContractTest extends SourceKindContract {
    private FakeJellyfinServer server;

    @BeforeEach
    void start() {
        server = FakeJellyfinServer.builder().dialect(Dialect.JELLYFIN).apiKey("contract-key").basePath("/jellyfin").sampleLibraries(3, 25).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected SourceKind kind() {
        return new JellyfinSourceKind();
    }

    @Override
    protected Map<String, String> workingOptions() {
        return Map.of("base-url", server.baseUrl(), "api-key", "contract-key", "page-size", "10");
    }

    @Override
    protected Map<String, String> failingOptions() {
        return Map.of("base-url", server.baseUrl(), "api-key", "a-wrong-secret-api-key");
    }

    @Override
    protected boolean breakRemote() {
        server.faults().setFailureRate(1);
        return true;
    }

    @Override
    protected Map<String, String> changedOptions() {
        return Map.of("page-size", "70", "concurrency", "2");
    }
}
