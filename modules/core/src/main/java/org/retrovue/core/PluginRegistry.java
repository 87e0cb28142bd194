package org.retrovue.core;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * The source kinds this installation knows: those in the runtime image (boot layer), then third-party jars from
 * each plugin directory, each jar in a module layer of its own so that a broken plugin cannot break the others.
 * A plugin that fails to load, or was built for another SPI major version, is recorded and skipped.
 */
public final class PluginRegistry {
    private final Map<String, SourceKind> kinds;
    private final List<PluginProblem> problems;

    /** Why a plugin was not loaded, for {@code source list-types}. */
    public record PluginProblem(String origin, String message) {}

    private PluginRegistry(Map<String, SourceKind> kinds, List<PluginProblem> problems) {
        this.kinds = Collections.unmodifiableMap(kinds);
        this.problems = List.copyOf(problems);
    }

    /** The kinds of the boot layer and of the jars in {@code pluginDirectories} (missing directories are skipped). */
    public static PluginRegistry load(List<Path> pluginDirectories) {
        Map<String, SourceKind> kinds = new LinkedHashMap<>();
        List<PluginProblem> problems = new ArrayList<>();
        // Through the application class loader: the image's modules, or META-INF/services when on a class path (tests).
        collect(ServiceLoader.load(SourceKind.class, PluginRegistry.class.getClassLoader()).stream().toList(), "runtime image", kinds, problems);
        for (Path directory : pluginDirectories) {
            for (Path jar : jarsIn(directory, problems)) {
                try {
                    ModuleFinder finder = ModuleFinder.of(jar);
                    List<String> roots = finder.findAll().stream().map(m -> m.descriptor().name()).toList();
                    ModuleLayer parent = ModuleLayer.boot();
                    Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
                    ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
                    collect(ServiceLoader.load(layer, SourceKind.class).stream()
                            .filter(p -> p.type().getModule().getLayer() == layer).toList(), jar.toString(), kinds, problems);
                } catch (RuntimeException | LinkageError e) {
                    problems.add(new PluginProblem(jar.toString(), "cannot be loaded as a module: " + rootMessage(e)));
                }
            }
        }
        return new PluginRegistry(kinds, problems);
    }

    /** The kinds given, for tests and embedding. */
    public static PluginRegistry of(SourceKind... given) {
        Map<String, SourceKind> kinds = new LinkedHashMap<>();
        for (SourceKind kind : given) {
            kinds.put(kind.id(), kind);
        }
        return new PluginRegistry(kinds, List.of());
    }

    private static List<Path> jarsIn(Path directory, List<PluginProblem> problems) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path file : files) {
                jars.add(file);
            }
            Collections.sort(jars);
            return jars;
        } catch (IOException e) {
            problems.add(new PluginProblem(directory.toString(), "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    private static void collect(List<ServiceLoader.Provider<SourceKind>> providers, String origin, Map<String, SourceKind> kinds, List<PluginProblem> problems) {
        for (ServiceLoader.Provider<SourceKind> provider : providers) {
            try {
                SourceKind kind = provider.get();
                if (kind.spiMajorVersion() != SpiVersion.MAJOR) {
                    problems.add(new PluginProblem(origin, "source kind '" + kind.id() + "' needs SPI version " + kind.spiMajorVersion()
                            + ".x but this RetroVue provides " + SpiVersion.MAJOR + "." + SpiVersion.MINOR + "; use a build of the plugin for this version"));
                } else if (kinds.containsKey(kind.id())) {
                    problems.add(new PluginProblem(origin, "source kind '" + kind.id() + "' is already provided by " + kinds.get(kind.id()).getClass().getModule().getName() + "; skipped"));
                } else {
                    kinds.put(kind.id(), kind);
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(origin, "provider " + provider.type().getName() + " failed: " + rootMessage(e)));
            }
        }
    }

    /** The innermost cause's message: "could not be instantiated" says less than why. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : message + " (" + root.getClass().getSimpleName() + ")";
    }

    public Optional<SourceKind> find(String id) {
        return Optional.ofNullable(kinds.get(id));
    }

    public List<SourceKind> kinds() {
        return List.copyOf(kinds.values());
    }

    public List<PluginProblem> problems() {
        return problems;
    }
}
