package org.retrovue.example.manifest;

import java.nio.file.Path;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.PluginUnderTest;

/**
 * The same contract against the built jar, loaded as RetroVue loads it (failsafe, on the module path, after
 * {@code package}): what the class-path test cannot see, such as a missing {@code opens} or {@code provides}, fails here.
 */
class ManifestAsShippedIT extends ManifestContractTest {
    @Override
    protected SourceKind kind() {
        return PluginUnderTest.load(Path.of(System.getProperty("retrovue.plugin")));
    }
}
