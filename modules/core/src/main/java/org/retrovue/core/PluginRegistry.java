package org.retrovue.core;

import java.io.IOException;
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
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.retrovue.pluginloader.PluginLayer;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.SourceKind;
import org.retrovue.spi.SpiVersion;

/**
 * The source kinds and enrichers this installation knows: those in the runtime image (boot layer), then third-party
 * jars from each plugin directory, each jar in a module layer of its own so that a broken plugin cannot break the
 * others. A plugin may provide kinds, enrichers or both.
 * A plugin that fails to load, or was built for another SPI major version, is recorded and skipped, never silently.
 */
public final class PluginRegistry {
    /** Where the kinds of the runtime image come from. */
    public static final String BUILT_IN = "built in";

    private final Map<String, SourceKind> kinds;
    private final Map<String, String> origins;
    private final Map<String, Enricher> enrichers;
    private final Map<String, String> enricherOrigins;
    private final List<PluginProblem> problems;
    private final Path stateRoot;

    /** Why a plugin was not loaded, for {@code source list-types}. */
    public record PluginProblem(String origin, String message) {}

    private PluginRegistry(Map<String, SourceKind> kinds, Map<String, String> origins, Map<String, Enricher> enrichers,
                           Map<String, String> enricherOrigins, List<PluginProblem> problems, Path stateRoot) {
        this.kinds = Collections.unmodifiableMap(kinds);
        this.origins = Map.copyOf(origins);
        this.enrichers = Collections.unmodifiableMap(enrichers);
        this.enricherOrigins = Map.copyOf(enricherOrigins);
        this.problems = List.copyOf(problems);
        this.stateRoot = stateRoot;
    }

    /** These kinds, each offered a state directory below {@code root} ({@code root/KIND/}, made when first asked for). */
    public PluginRegistry withStateRoot(Path root) {
        return new PluginRegistry(kinds, origins, enrichers, enricherOrigins, problems, root);
    }

    /** These kinds and only the enrichers given (built in), for tests and embedding. */
    public PluginRegistry withEnrichers(Enricher... given) {
        Map<String, Enricher> chosen = new LinkedHashMap<>();
        Map<String, String> chosenOrigins = new LinkedHashMap<>();
        for (Enricher enricher : given) {
            chosen.put(enricher.id(), enricher);
            chosenOrigins.put(enricher.id(), BUILT_IN);
        }
        return new PluginRegistry(kinds, origins, chosen, chosenOrigins, problems, stateRoot);
    }

    /** Where the kinds' state directories are, if they are offered any. */
    Optional<Path> stateRoot() {
        return Optional.ofNullable(stateRoot);
    }

    /**
     * The kinds of the boot layer and of the plugins in {@code pluginDirectories} (missing directories are
     * skipped). A plugin is a jar, or a folder holding a plugin's jar with the jars it depends on; each gets a
     * module layer of its own over the boot layer ({@link PluginLayer}), so two plugins may carry different versions
     * of one library, and none borrows ours.
     */
    public static PluginRegistry load(List<Path> pluginDirectories) {
        Found<SourceKind> kinds = new Found<>("source kind", SourceKind::id, SourceKind::spiMajorVersion, null);
        Found<Enricher> enrichers = new Found<>("enricher", Enricher::id, Enricher::spiMajorVersion, "[a-z][a-z0-9-]*");
        List<PluginProblem> problems = new ArrayList<>();
        // Through the application class loader: the image's modules, or META-INF/services when on a class path (tests).
        ClassLoader application = PluginRegistry.class.getClassLoader();
        kinds.collect(ServiceLoader.load(SourceKind.class, application).stream().toList(), BUILT_IN, problems);
        enrichers.collect(ServiceLoader.load(Enricher.class, application).stream().toList(), BUILT_IN, problems);
        for (Path directory : pluginDirectories) {
            for (Path plugin : pluginsIn(directory, problems)) {
                try {
                    ModuleLayer layer = PluginLayer.define(plugin, ModuleLayer.boot());
                    List<ServiceLoader.Provider<SourceKind>> kindProviders = ServiceLoader.load(layer, SourceKind.class).stream()
                            .filter(p -> p.type().getModule().getLayer() == layer).toList();
                    List<ServiceLoader.Provider<Enricher>> enricherProviders = ServiceLoader.load(layer, Enricher.class).stream()
                            .filter(p -> p.type().getModule().getLayer() == layer).toList();
                    if (kindProviders.isEmpty() && enricherProviders.isEmpty()) {
                        problems.add(new PluginProblem(plugin.toString(), "holds no source kind or enricher that implements this RetroVue's "
                                + "org.retrovue.spi.SourceKind or org.retrovue.spi.Enricher"));
                    }
                    kinds.collect(kindProviders, plugin.toString(), problems);
                    enrichers.collect(enricherProviders, plugin.toString(), problems);
                } catch (PluginLayer.Refused e) {
                    problems.add(new PluginProblem(plugin.toString(), e.getMessage()));
                } catch (RuntimeException | LinkageError e) {
                    problems.add(new PluginProblem(plugin.toString(), "cannot be loaded as a module: " + rootMessage(e)));
                }
            }
        }
        return new PluginRegistry(kinds.byId, kinds.origins, enrichers.byId, enrichers.origins, problems, null);
    }

    /** The kinds given and no enrichers, for tests and embedding. */
    public static PluginRegistry of(SourceKind... given) {
        Map<String, SourceKind> kinds = new LinkedHashMap<>();
        for (SourceKind kind : given) {
            kinds.put(kind.id(), kind);
        }
        Map<String, String> origins = new LinkedHashMap<>();
        kinds.keySet().forEach(id -> origins.put(id, BUILT_IN));
        return new PluginRegistry(kinds, origins, Map.of(), Map.of(), List.of(), null);
    }

    /** The jars and the folders (a plugin with its own dependencies) of a plugin directory. */
    private static List<Path> pluginsIn(Path directory, List<PluginProblem> problems) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && (name.endsWith(".jar") || Files.isDirectory(file))) {
                    jars.add(file);
                }
            }
            Collections.sort(jars);
            return jars;
        } catch (IOException e) {
            problems.add(new PluginProblem(directory.toString(), "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    /** The services of one type found so far, by id, with where each came from. */
    private record Found<T>(String noun, Function<T, String> id, ToIntFunction<T> spiMajor, String idPattern, Map<String, T> byId,
                            Map<String, String> origins) {
        /** {@code idPattern}: what an id must match, or null (source kinds, whose ids were never checked here). */
        Found(String noun, Function<T, String> id, ToIntFunction<T> spiMajor, String idPattern) {
            this(noun, id, spiMajor, idPattern, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        void collect(List<ServiceLoader.Provider<T>> providers, String origin, List<PluginProblem> problems) {
            for (ServiceLoader.Provider<T> provider : providers) {
                try {
                    T service = provider.get();
                    String name = id.apply(service);
                    int major = spiMajor.applyAsInt(service);
                    if (major != SpiVersion.MAJOR) {
                        problems.add(new PluginProblem(origin, noun + " '" + name + "' needs SPI version " + major
                                + ".x but this RetroVue provides " + SpiVersion.MAJOR + "." + SpiVersion.MINOR + "; use a build of the plugin for this version"));
                    } else if (idPattern != null && (name == null || !name.matches(idPattern))) {
                        problems.add(new PluginProblem(origin, noun + " id '" + name + "' of " + provider.type().getName()
                                + " is not lower-case letters, digits and '-'; skipped"));
                    } else if (byId.containsKey(name)) {
                        problems.add(new PluginProblem(origin, noun + " '" + name + "' is already provided by "
                                + byId.get(name).getClass().getModule().getName() + " (" + origins.get(name) + "); skipped"));
                    } else {
                        byId.put(name, service);
                        origins.put(name, origin);
                    }
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    problems.add(new PluginProblem(origin, "provider " + provider.type().getName() + " failed: " + rootMessage(e)));
                }
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

    /** {@link #BUILT_IN}, or the path of the plugin jar or folder the kind came from. */
    public String origin(String id) {
        return origins.getOrDefault(id, BUILT_IN);
    }

    public List<SourceKind> kinds() {
        return List.copyOf(kinds.values());
    }

    /** That a source's type is not installed, and why where a plugin failed to load: it may have been the one. */
    public String notInstalled(String kind) {
        String message = "source type '" + kind + "' is not installed";
        if (problems.size() == 1) {
            return message + " (the plugin " + problems.getFirst().origin() + " was not loaded: " + problems.getFirst().message() + ")";
        }
        return problems.isEmpty() ? message : message + " (" + problems.size() + " plugins were not loaded: see `source list-types`)";
    }

    public Optional<Enricher> enricher(String id) {
        return Optional.ofNullable(enrichers.get(id));
    }

    /** {@link #BUILT_IN}, or the path of the plugin jar or folder the enricher came from. */
    public String enricherOrigin(String id) {
        return enricherOrigins.getOrDefault(id, BUILT_IN);
    }

    /** The installed enrichers: the image's first, then each plugin's in the order found. */
    public List<Enricher> enrichers() {
        return List.copyOf(enrichers.values());
    }

    public List<PluginProblem> problems() {
        return problems;
    }
}
