package org.retrovue.example.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.SourceKindContract;

/** The contract again, for a manifest served over HTTP behind a token: a real server on 127.0.0.1, a wrong token failing. */
class ServedManifestContractTest extends SourceKindContract {
    static final String TOKEN = "nas-token-7f3a";

    @TempDir
    Path temp;
    private NasServer nas;

    @AfterEach
    void stopTheServer() {
        if (nas != null) {
            nas.close();
        }
    }

    private NasServer nas() {
        try {
            if (nas == null) {
                nas = new NasServer("path,title,duration_seconds,year\nmovies/heat.mkv,Heat,10200,1995\nmovies/ronin.mkv,Ronin,7320,1998\n", TOKEN);
            }
            return nas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SourceKind kind() {
        return new ManifestSourceKind();
    }

    @Override
    protected Map<String, String> workingOptions() {
        return Map.of("file", nas().url(), "token", TOKEN);
    }

    @Override
    protected Map<String, String> failingOptions() {
        return Map.of("file", nas().url(), "token", "not-" + TOKEN);
    }

    @Override
    protected boolean breakRemote() {
        nas().status = 500;
        return true;
    }

    @Override
    protected Map<String, String> changedOptions() {
        return Map.of("timeout", "5");
    }
}
