package org.retrovue.core;

import java.util.List;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceKind;

/**
 * A source kind as {@code source list-types} shows it: where it comes from (built in, or a plugin's path), its
 * module's version, the SPI version it was built against (the SPI artifact's version recorded in its module
 * descriptor where there is one, else its SPI major version), and its options.
 */
public record SourceKindInfo(String id, String description, String module, String origin, String version, String builtForSpi,
                             List<OptionSpec> options) {
    static SourceKindInfo of(SourceKind kind, String origin) {
        Module module = kind.getClass().getModule();
        java.lang.module.ModuleDescriptor descriptor = module.getDescriptor();
        String version = descriptor == null ? null : descriptor.rawVersion().orElse(null);
        String spi = kind.spiMajorVersion() + ".x";
        if (descriptor != null) {
            for (java.lang.module.ModuleDescriptor.Requires requires : descriptor.requires()) {
                if (requires.name().equals("org.retrovue.spi") && requires.rawCompiledVersion().isPresent()) {
                    spi = kind.spiMajorVersion() + ".x (compiled against retrovue-spi " + requires.rawCompiledVersion().get() + ")";
                }
            }
        }
        return new SourceKindInfo(kind.id(), kind.description(), module.isNamed() ? module.getName() : null, origin, version, spi, kind.options());
    }
}
