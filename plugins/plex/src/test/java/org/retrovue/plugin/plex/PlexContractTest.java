package org.retrovue.plugin.plex;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.SourceKindContract;

class PlexContractTest extends SourceKindContract {
    private FakePlexServer plex;

    @BeforeEach
    void start() {
        // the music library is left out with a warning, so the contract has a discovery warning to check
        plex = FakePlexServer.builder().token("contract-token").sampleLibraries(3, 10).library(Library.Type.ARTIST, "Music", 2, "/music").build().start();
    }

    @AfterEach
    void stop() {
        plex.close();
    }

    @Override
    protected SourceKind kind() {
        return new PlexSourceKind();
    }

    @Override
    protected Map<String, String> workingOptions() {
        return Map.of("base-url", plex.baseUrl(), "token", "contract-token");
    }

    @Override
    protected Map<String, String> failingOptions() {
        return Map.of("base-url", plex.baseUrl(), "token", "a-wrong-secret-token");
    }

    @Override
    protected boolean breakRemote() {
        plex.faults().setFailureRate(1);
        return true;
    }

    @Override
    protected Map<String, String> changedOptions() {
        return Map.of("page-size", "70", "read-timeout", "12");
    }
}
