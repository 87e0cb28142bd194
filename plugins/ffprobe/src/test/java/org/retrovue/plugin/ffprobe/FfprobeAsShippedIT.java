package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.testkit.PluginUnderTest;

/**
 * The enricher contract against the built plugin (target/plugin), loaded as RetroVue loads a plugin: failsafe, on
 * the module path, after {@code package}. A {@code provides} missing from module-info fails here, not in
 * {@link FfprobeContractTest}, which builds the enricher itself on the class path. Picked up by a surefire filter
 * such as {@code -Dtest='Ffprobe*'}, it skips, saying so, rather than fail.
 */
class FfprobeAsShippedIT extends FfprobeContractTest {
    @Override
    protected Enricher enricher() {
        String plugin = System.getProperty("retrovue.plugin");
        assumeTrue(plugin != null, "runs as shipped only under failsafe (mvn verify), which builds target/plugin and names it in retrovue.plugin");
        return PluginUnderTest.enricher(Path.of(plugin), "ffprobe");
    }
}
