package org.retrovue.pluginloader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.SourceKind;

/**
 * A plugin's layer over a host layer that, like the image's boot layer, holds the SPI and a library of ours
 * ({@code org.example.ours}): the plugin reads the SPI, the JDK and its own jars only.
 */
class PluginLayerTest {
    @TempDir
    static Path work;
    private static Path spi;
    private static Path ours;
    private static ModuleLayer host;

    @BeforeAll
    static void host() throws Exception {
        spi = pack(Path.of(SourceKind.class.getProtectionDomain().getCodeSource().getLocation().toURI()), work.resolve("retrovue-spi.jar"));
        ours = library("org.example.ours", work.resolve("ours.jar"));
        var configuration = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(spi, ours), ModuleFinder.of(), Set.of(PluginLayer.SPI, "org.example.ours"));
        host = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void aModuleThatRequiresOneOfOurLibrariesWithoutBundlingItIsRefusedNamingIt() throws Exception {
        Path plugin = plugin(work.resolve("borrows.jar"), "org.example.borrower", "requires org.example.ours;");
        PluginLayer.Refused refused = assertThrows(PluginLayer.Refused.class, () -> PluginLayer.define(plugin, host));
        assertEquals("module org.example.borrower requires org.example.ours, which RetroVue does not lend to plugins; bundle it in the plugin's folder",
                refused.getMessage());
    }

    @Test
    void aPluginThatBundlesTheLibraryGetsItsOwnCopy() throws Exception {
        Path folder = Files.createDirectories(work.resolve("bundles"));
        plugin(folder.resolve("bundles.jar"), "org.example.bundler", "requires org.example.ours;");
        Files.copy(ours, folder.resolve("ours.jar"));
        ModuleLayer layer = PluginLayer.define(folder, host);
        assertSame(layer, layer.findModule("org.example.ours").orElseThrow().getLayer());
    }

    @Test
    void aCopyOfTheSpiInAFolderIsIgnoredAsOurs() throws Exception {
        Path folder = Files.createDirectories(work.resolve("with-spi"));
        plugin(folder.resolve("with-spi.jar"), "org.example.withspi", "");
        Files.copy(spi, folder.resolve("retrovue-spi.jar"));
        ModuleLayer layer = PluginLayer.define(folder, host);
        assertSame(host, layer.findModule(PluginLayer.SPI).orElseThrow().getLayer(), "the plugin implements the host's SPI");
    }

    @Test
    void aJarWithNoSourceKindOrAFolderWithNoJarIsRefused() throws Exception {
        assertEquals("holds no source kind or enricher: no `provides org.retrovue.spi.SourceKind` or `provides "
                + "org.retrovue.spi.Enricher` in its module-info and no META-INF/services entry for either", assertThrows(PluginLayer.Refused.class, () -> PluginLayer.define(ours, host)).getMessage());
        assertEquals("holds no jar", assertThrows(PluginLayer.Refused.class,
                () -> PluginLayer.define(Files.createDirectories(work.resolve("empty")), host)).getMessage());
        assertEquals("is org.retrovue.spi, which RetroVue provides itself; remove it from the plugin directory",
                assertThrows(PluginLayer.Refused.class, () -> PluginLayer.define(spi, host)).getMessage());
    }

    @Test
    void aPlainJarReadsEverythingButGetsNoneOfOurClasses() throws Exception {
        Path src = Files.createDirectories(work.resolve("src/plain/org/example/plain"));
        Files.writeString(src.resolve("Kind.java"), kindSource("org.example.plain", "plain"));
        Path classes = work.resolve("classes/plain");
        compile(classes, List.of("-cp", spi.toString()), src.resolve("Kind.java"));
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/org.retrovue.spi.SourceKind"), "org.example.plain.Kind\n");
        ModuleLayer layer = PluginLayer.define(pack(classes, work.resolve("plain.jar")), host);
        ClassLoader loader = layer.findLoader("plain");
        assertEquals("org.example.ours.Lib is in org.example.ours, which RetroVue does not lend to plugins; bundle it in the plugin's folder",
                assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.example.ours.Lib")).getMessage());
        assertSame(host.findModule(PluginLayer.SPI).orElseThrow(), loader.loadClass("org.retrovue.spi.SourceKind").getModule(), "the SPI is lent");
        assertSame(Object.class, loader.loadClass("java.lang.Object"), "and the JDK");
    }

    private static Path library(String name, Path jar) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/" + name));
        Path pkg = Files.createDirectories(src.resolve(name.replace('.', '/')));
        Files.writeString(src.resolve("module-info.java"), "module " + name + " { exports " + name + "; }");
        Files.writeString(pkg.resolve("Lib.java"), "package " + name + "; public final class Lib {}");
        Path classes = work.resolve("classes/" + name);
        compile(classes, List.of(), src.resolve("module-info.java"), pkg.resolve("Lib.java"));
        return pack(classes, jar);
    }

    private static Path plugin(Path jar, String module, String requires) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/" + module));
        Path pkg = Files.createDirectories(src.resolve(module.replace('.', '/')));
        Files.writeString(src.resolve("module-info.java"), "module " + module + " { requires org.retrovue.spi; " + requires
                + " provides org.retrovue.spi.SourceKind with " + module + ".Kind; }");
        Files.writeString(pkg.resolve("Kind.java"), kindSource(module, "kind"));
        Path classes = work.resolve("classes/" + module);
        compile(classes, List.of("-p", spi + java.io.File.pathSeparator + ours), src.resolve("module-info.java"), pkg.resolve("Kind.java"));
        return pack(classes, jar);
    }

    private static String kindSource(String pkg, String id) {
        return """
                package %s;
                import java.util.*;
                import org.retrovue.spi.*;
                public final class Kind implements SourceKind {
                    public String id() { return "%s"; }
                    public String description() { return "a test kind"; }
                    public List<OptionSpec> options() { return List.of(); }
                    public int spiMajorVersion() { return 1; }
                    public Map<String, Object> validate(Map<String, String> options) { return Map.of(); }
                    public SourceConnection connect(Map<String, Object> config, SourceContext context) { throw new UnsupportedOperationException(); }
                }
                """.formatted(pkg, id);
    }

    private static void compile(Path classes, List<String> paths, Path... sources) {
        List<String> args = new ArrayList<>(List.of("--release", "25", "-d", classes.toString()));
        args.addAll(paths);
        Stream.of(sources).forEach(s -> args.add(s.toString()));
        assertEquals(0, java.util.spi.ToolProvider.findFirst("javac").orElseThrow().run(System.out, System.err, args.toArray(String[]::new)), args.toString());
    }

    private static Path pack(Path classes, Path jar) throws Exception {
        if (Files.isRegularFile(classes)) {
            return Files.copy(classes, jar);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
