package org.retrovue.core;

import java.util.List;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.OptionSpec;

/**
 * An enricher as {@code enricher list-types} shows it: where it comes from (built in, or a plugin's path), its
 * module and the module's version, the version of what it fills ({@link Enricher#version()}), its options, and
 * why it cannot run here (null when it can).
 */
public record EnricherInfo(String id, String description, String module, String moduleVersion, String origin, String version,
                           List<OptionSpec> options, String unavailable) {
    static EnricherInfo of(Enricher enricher, String origin) {
        Module module = enricher.getClass().getModule();
        java.lang.module.ModuleDescriptor descriptor = module.getDescriptor();
        String moduleVersion = descriptor == null ? null : descriptor.rawVersion().orElse(null);
        return new EnricherInfo(enricher.id(), enricher.description(), module.isNamed() ? module.getName() : null, moduleVersion, origin,
                enricher.version(), enricher.options(), Enrichers.unavailable(enricher).orElse(null));
    }
}
