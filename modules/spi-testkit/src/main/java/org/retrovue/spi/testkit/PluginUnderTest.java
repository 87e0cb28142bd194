package org.retrovue.spi.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.retrovue.pluginloader.PluginLayer;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.SourceKind;

/**
 * A built plugin (its jar, or the folder of its jar and the jars it bundles) loaded exactly as RetroVue loads it:
 * in a module layer of its own that reads the SPI, the JDK and its own jars only. A missing {@code opens}, a
 * {@code requires} of a library it does not bundle, or a {@code provides} left out of module-info fail here as
 * they would in the program, where a test that calls {@code new MyKind()} on the class path sees none of them.
 * The test must run on the module path, so that the SPI is a named module and the loaded kind implements the
 * same {@link SourceKind} the test sees.
 */
public final class PluginUnderTest {
    private PluginUnderTest() {}

    /** The one source kind the plugin at {@code jarOrFolder} provides, loaded through RetroVue's plugin loader. */
    public static SourceKind load(Path jarOrFolder) {
        List<SourceKind> kinds = provided(jarOrFolder, SourceKind.class);
        if (kinds.size() != 1) {
            throw new AssertionError(jarOrFolder + " provides " + kinds.size() + " source kinds; give the test one kind at a time");
        }
        return kinds.getFirst();
    }

    /**
     * The enricher with id {@code id} that the plugin at {@code jarOrFolder} provides, loaded through RetroVue's
     * plugin loader (a plugin may provide several). Since SPI 1.6.
     */
    public static Enricher enricher(Path jarOrFolder, String id) {
        List<Enricher> enrichers = provided(jarOrFolder, Enricher.class);
        return enrichers.stream().filter(e -> id.equals(e.id())).findFirst().orElseThrow(() -> new AssertionError(jarOrFolder
                + " provides no enricher '" + id + "' (it provides " + enrichers.stream().map(Enricher::id).toList()
                + "): a `provides org.retrovue.spi.Enricher with ...` missing from its module-info?"));
    }

    /** The services of type {@code service} the plugin's own modules provide (not its layer's parents). */
    private static <S> List<S> provided(Path jarOrFolder, Class<S> service) {
        if (!Files.exists(jarOrFolder)) {
            throw new IllegalArgumentException(jarOrFolder + " does not exist: build the plugin first (mvn package), or run this test in the integration-test phase");
        }
        Module spi = service.getModule();
        if (!spi.isNamed() || spi.getLayer() == null) {
            throw new IllegalStateException("the SPI is on the class path, so a plugin cannot be loaded as RetroVue loads it:"
                    + " run this test on the module path (maven-failsafe-plugin with useModulePath true)");
        }
        ModuleLayer layer;
        try {
            layer = PluginLayer.define(jarOrFolder, spi.getLayer());
        } catch (PluginLayer.Refused e) {
            throw new AssertionError("RetroVue would not load " + jarOrFolder + ": it " + e.getMessage(), e);
        }
        // the layer's parents may provide services too (the plugin's own module, when the test is patched into it)
        return ServiceLoader.load(layer, service).stream()
                .filter(provider -> provider.type().getModule().getLayer() == layer)
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
