package org.retrovue.pluginloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The class loader of one plugin's modules. It defines the plugin's own classes and hands out, from the layers
 * below, only the classes of the modules lent to plugins (the SPI and the JDK). The JDK's own layer loaders follow
 * readability, and an automatic module reads every module of the layers below: through them a plain jar would get
 * our private Jackson or pgjdbc, and break the day we upgrade them.
 */
final class PluginClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, ModuleReference> localPackages = new HashMap<>();
    private final Map<String, ModuleReference> localModules = new HashMap<>();
    private final Map<String, ClassLoader> lentPackages = new HashMap<>();
    private final Map<String, String> withheldPackages = new HashMap<>();
    private final Map<String, ModuleReader> readers = new ConcurrentHashMap<>();

    PluginClassLoader(String name, Set<ResolvedModule> own, ModuleLayer host, Predicate<String> lent) {
        super(name, ClassLoader.getPlatformClassLoader());
        for (ResolvedModule module : own) {
            localModules.put(module.name(), module.reference());
            module.reference().descriptor().packages().forEach(p -> localPackages.put(p, module.reference()));
        }
        for (ModuleLayer layer : layers(host)) {
            for (Module module : layer.modules()) {
                for (String pkg : module.getPackages()) {
                    if (lent.test(module.getName())) {
                        lentPackages.putIfAbsent(pkg, module.getClassLoader() == null ? ClassLoader.getPlatformClassLoader() : module.getClassLoader());
                    } else {
                        withheldPackages.putIfAbsent(pkg, module.getName());
                    }
                }
            }
        }
    }

    /** {@code host} and the layers below it, nearest first. */
    private static List<ModuleLayer> layers(ModuleLayer host) {
        List<ModuleLayer> all = new ArrayList<>();
        List<ModuleLayer> pending = new ArrayList<>(List.of(host));
        while (!pending.isEmpty()) {
            ModuleLayer layer = pending.removeFirst();
            if (!all.contains(layer)) {
                all.add(layer);
                pending.addAll(layer.parents());
            }
        }
        return all;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                String pkg = packageOf(name);
                ModuleReference own = localPackages.get(pkg);
                if (own != null) {
                    loaded = define(own, name);
                } else if (lentPackages.containsKey(pkg)) {
                    loaded = lentPackages.get(pkg).loadClass(name);
                } else if (withheldPackages.containsKey(pkg)) {
                    throw new ClassNotFoundException(name + " is in " + withheldPackages.get(pkg)
                            + ", which RetroVue does not lend to plugins; bundle it in the plugin's folder");
                }
                if (loaded == null) {
                    throw new ClassNotFoundException(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String moduleName, String name) {
        ModuleReference own = moduleName == null ? null : localModules.get(moduleName);
        if (own == null || localPackages.get(packageOf(name)) != own) {
            return null;
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : define(own, name);
        }
    }

    private Class<?> define(ModuleReference module, String name) {
        ModuleReader reader = reader(module);
        try {
            Optional<ByteBuffer> bytes = reader.read(name.replace('.', '/') + ".class");
            if (bytes.isEmpty()) {
                return null;
            }
            try {
                return defineClass(name, bytes.get(), protectionDomain(module));
            } finally {
                reader.release(bytes.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from " + module.location().orElse(null), e);
        }
    }

    private final Map<String, ProtectionDomain> domains = new ConcurrentHashMap<>();

    private ProtectionDomain protectionDomain(ModuleReference module) {
        return domains.computeIfAbsent(module.descriptor().name(), n -> {
            URL location = module.location().map(uri -> {
                try {
                    return uri.toURL();
                } catch (MalformedURLException | IllegalArgumentException e) {
                    return null;
                }
            }).orElse(null);
            return new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null);
        });
    }

    private ModuleReader reader(ModuleReference module) {
        return readers.computeIfAbsent(module.descriptor().name(), n -> {
            try {
                return module.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + module.location().orElse(null), e);
            }
        });
    }

    @Override
    protected URL findResource(String moduleName, String name) throws IOException {
        ModuleReference own = moduleName == null ? null : localModules.get(moduleName);
        return own == null ? null : url(own, name);
    }

    @Override
    protected URL findResource(String name) {
        for (ModuleReference module : localModules.values()) {
            try {
                URL url = url(module, name);
                if (url != null) {
                    return url;
                }
            } catch (IOException e) {
                // the next module may have it
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (ModuleReference module : localModules.values()) {
            URL url = url(module, name);
            if (url != null) {
                urls.add(url);
            }
        }
        return Collections.enumeration(urls);
    }

    private URL url(ModuleReference module, String name) throws IOException {
        Optional<java.net.URI> uri = reader(module).find(name);
        return uri.isPresent() ? uri.get().toURL() : null;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
