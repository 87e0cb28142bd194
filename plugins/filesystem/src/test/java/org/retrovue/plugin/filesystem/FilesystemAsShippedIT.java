package org.retrovue.plugin.filesystem;

import java.nio.file.Path;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.testkit.PluginUnderTest;

/**
 * The contract against the built plugin (target/plugin), loaded as RetroVue loads a plugin: failsafe, on the module
 * path, after {@code package}. A {@code provides} or {@code opens} missing from module-info fails here, not in
 * {@link FilesystemContractTest}, which builds the kind itself on the class path.
 */
class FilesystemAsShippedIT extends FilesystemContractTest {
    @Override
    protected SourceKind kind() {
        return PluginUnderTest.load(Path.of(System.getProperty("retrovue.plugin")));
    }
}
