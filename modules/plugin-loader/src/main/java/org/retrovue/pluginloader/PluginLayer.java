package org.retrovue.pluginloader;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The module layer of one plugin (a jar, or a folder of jars) over the host layer. A plugin reads the SPI, the
 * JDK and its own jars, nothing else: a module that requires one of our libraries without bundling it is refused
 * with a reason that names it, and a plain jar (which reads everything) gets no class of ours but the SPI's.
 */
public final class PluginLayer {
    public static final String SPI = "org.retrovue.spi";
    private static final String SOURCE_KIND = "org.retrovue.spi.SourceKind";
    private static final String ENRICHER = "org.retrovue.spi.Enricher";

    /** Why a plugin was not loaded, in words for {@code source list-types}. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private PluginLayer() {}

    /** The modules a plugin may read from the layers below its own. */
    public static boolean lent(String module) {
        return module.equals(SPI) || module.startsWith("java.") || module.startsWith("jdk.");
    }

    /**
     * Defines the plugin's layer over {@code host}. A copy of our SPI in a folder (what {@code copy-dependencies}
     * gives when the SPI is not {@code provided}) is ignored: the plugin gets the host's, the one its kinds must
     * implement.
     */
    public static ModuleLayer define(Path plugin, ModuleLayer host) throws Refused {
        ModuleFinder all = ModuleFinder.of(plugin);
        Set<ModuleReference> found = all.findAll();
        if (found.size() == 1 && found.iterator().next().descriptor().name().equals(SPI)) {
            throw new Refused("is " + SPI + ", which RetroVue provides itself; remove it from the plugin directory");
        }
        ModuleFinder finder = withoutSpi(all);
        Set<ModuleReference> modules = finder.findAll();
        if (modules.isEmpty()) {
            throw new Refused("holds no jar");
        }
        for (ModuleReference module : modules) {
            for (ModuleDescriptor.Requires requires : module.descriptor().requires()) {
                if (requires.name().startsWith("org.retrovue.") && !requires.name().equals(SPI)) {
                    throw new Refused("module " + module.descriptor().name() + " requires " + requires.name() + "; plugins may depend on " + SPI + " only");
                }
            }
        }
        if (modules.stream().noneMatch(m -> m.descriptor().provides().stream().anyMatch(p -> p.service().equals(SOURCE_KIND) || p.service().equals(ENRICHER)))) {
            throw new Refused("holds no source kind or enricher: no `provides " + SOURCE_KIND + "` or `provides " + ENRICHER
                    + "` in its module-info and no META-INF/services entry for either");
        }
        List<String> roots = modules.stream().map(m -> m.descriptor().name()).sorted().toList();
        Configuration configuration = host.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        for (ResolvedModule module : configuration.modules().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
            if (module.reference().descriptor().isAutomatic()) {
                continue; // reads everything by definition; its class loader lends it the SPI and the JDK only
            }
            for (ResolvedModule read : module.reads().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
                if (read.configuration() != configuration && !lent(read.name())) {
                    throw new Refused("module " + module.name() + " requires " + read.name()
                            + ", which RetroVue does not lend to plugins; bundle it in the plugin's folder");
                }
            }
        }
        PluginClassLoader loader = new PluginClassLoader(plugin.getFileName().toString(), configuration.modules(), host, PluginLayer::lent);
        return ModuleLayer.defineModules(configuration, List.of(host), name -> loader).layer();
    }

    private static ModuleFinder withoutSpi(ModuleFinder finder) {
        Set<ModuleReference> kept = finder.findAll().stream().filter(m -> !m.descriptor().name().equals(SPI)).collect(Collectors.toUnmodifiableSet());
        return new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return name.equals(SPI) ? Optional.empty() : finder.find(name);
            }

            @Override
            public Set<ModuleReference> findAll() {
                return kept;
            }
        };
    }
}
