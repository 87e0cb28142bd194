package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retrovue.image.ImageProcess.Run;

/**
 * Third-party plugins dropped into a plugin folder of the unchanged image: one that works (added, listed and
 * deleted through the real commands, loaded in a module layer of its own); two folders, each a plugin with its own
 * version of one library, loaded side by side; and bad ones, reported and skipped while the rest works: one built
 * for a newer SPI, one whose provider throws, a file that is not a jar, one whose dependency is missing, and one
 * that requires our internals.
 */
class PluginDropInIT {
    private static Path image;
    private static Path dataDir;
    private static Path work;

    @BeforeAll
    static void buildPlugins() throws Exception {
        image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        work = Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath().resolve("plugins-" + UUID.randomUUID());
        dataDir = work.resolve("data");
        Path plugins = Files.createDirectories(dataDir.resolve("plugins"));
        Path spi;
        try (Stream<Path> jars = Files.list(image.getParent().resolve("modules"))) {
            spi = jars.filter(p -> p.getFileName().toString().startsWith("retrovue-spi-")).findFirst().orElseThrow();
        }
        plugin(spi, plugins.resolve("dropin.jar"), "org.example.dropin", "dropin", "1", "");
        plugin(spi, plugins.resolve("newer.jar"), "org.example.newer", "newer", "org.retrovue.spi.SpiVersion.MAJOR + 1", "");
        plugin(spi, plugins.resolve("throws.jar"), "org.example.throwing", "throwing", "1",
                "{ if (true) throw new IllegalStateException(\"licence server unreachable\"); }");
        Files.writeString(plugins.resolve("broken.jar"), "this is not a jar");
        // two plugins, each a folder with its own version of one library, side by side
        for (String version : List.of("1", "2")) {
            Path folder = Files.createDirectories(plugins.resolve("uses-lib-" + version));
            Path lib = library(folder.resolve("lib-" + version + ".jar"), "org.example.lib", version);
            plugin(spi + java.io.File.pathSeparator + lib, folder.resolve("uses-lib-" + version + ".jar"), "org.example.useslib" + version,
                    "useslib" + version, "1", "", "requires org.example.lib;", "\"uses lib \" + org.example.lib.Lib.version()");
        }
        Path absent = library(work.resolve("absent.jar"), "org.example.absent", "0");
        plugin(spi + java.io.File.pathSeparator + absent, plugins.resolve("missing-dependency.jar"), "org.example.needy", "needy", "1", "",
                "requires org.example.absent;", null);
        plugin(image.getParent().resolve("modules").toString(), plugins.resolve("internals.jar"), "org.example.nosy", "nosy", "1", "",
                "requires org.retrovue.core;", null);
        // what copy-dependencies gives when the SPI is not `provided`: our SPI beside the plugin, ignored as ours
        Path withSpi = Files.createDirectories(plugins.resolve("with-spi"));
        plugin(spi, withSpi.resolve("with-spi.jar"), "org.example.withspi", "withspi", "1", "");
        Files.copy(spi, withSpi.resolve(spi.getFileName()));
        library(plugins.resolve("no-kind.jar"), "org.example.nokind", "0");
        // one of our libraries, required without bundling it: refused; bundled: the plugin's own copy
        jacksonCore = moduleJar("jackson-core-");
        String borrowed = "com.fasterxml.jackson.core.JsonFactory.class.getModule().getLayer() == Kind.class.getModule().getLayer() ? \"own jackson\" : \"borrowed jackson\"";
        plugin(spi + java.io.File.pathSeparator + jacksonCore, plugins.resolve("borrows-jackson.jar"), "org.example.borrower", "borrower", "1", "",
                "requires com.fasterxml.jackson.core;", borrowed);
        Path own = Files.createDirectories(plugins.resolve("own-jackson"));
        plugin(spi + java.io.File.pathSeparator + jacksonCore, own.resolve("own-jackson.jar"), "org.example.ownjackson", "ownjackson", "1", "",
                "requires com.fasterxml.jackson.core;", borrowed);
        Files.copy(jacksonCore, own.resolve(jacksonCore.getFileName()));
        plainPlugin(spi + java.io.File.pathSeparator + jacksonCore, plugins.resolve("plain-borrower.jar"), "org.example.plain",
                "private final Object factory = new com.fasterxml.jackson.core.JsonFactory();");
    }

    private static Path jacksonCore;

    private static Path moduleJar(String prefix) throws Exception {
        try (Stream<Path> jars = Files.list(image.getParent().resolve("modules"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        assertEquals(0, run("db", "stop").code());
        if (Files.isDirectory(work.resolve("data-refused"))) {
            assertEquals(0, ImageProcess.run(image, work.resolve("data-refused"), Map.of(), List.of(), "", "db", "stop").code());
        }
    }

    /** Compiles a one-class source-kind module against the SPI jar and packs it as a modular jar. */
    private static void plugin(Path spi, Path jar, String module, String kind, String major, String initializer) throws Exception {
        plugin(spi.toString(), jar, module, kind, major, initializer, "", null);
    }

    /** A library module {@code name} whose {@code Lib.version()} answers {@code version}. */
    private static Path library(Path jar, String name, String version) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/" + name + "-" + version));
        Path pkg = Files.createDirectories(src.resolve(name.replace('.', '/')));
        Files.writeString(src.resolve("module-info.java"), "module " + name + " { exports " + name + "; }");
        Files.writeString(pkg.resolve("Lib.java"), "package " + name + "; public final class Lib { public static String version() { return \"" + version + "\"; } }");
        compileAndPack(src, List.of(src.resolve("module-info.java"), pkg.resolve("Lib.java")), (String) null, work.resolve("classes/" + name + "-" + version), jar);
        return jar;
    }

    private static void compileAndPack(Path src, List<Path> sources, String modulePath, Path classes, Path jar) throws Exception {
        compileAndPack(src, sources, modulePath == null ? List.of() : List.of("-p", modulePath), classes, jar);
    }

    private static void compileAndPack(Path src, List<Path> sources, List<String> paths, Path classes, Path jar) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "25", "-d", classes.toString()));
        args.addAll(paths);
        sources.forEach(source -> args.add(source.toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the test module compiles: " + src);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }

    /**
     * A source-kind module compiled against {@code modulePath}; {@code moduleInfo} adds to its descriptor and
     * {@code description} (a Java expression) replaces its description.
     */
    private static void plugin(String modulePath, Path jar, String module, String kind, String major, String initializer, String moduleInfo,
                               String description) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/" + module));
        Path pkg = Files.createDirectories(src.resolve(module.replace('.', '/')));
        Files.writeString(src.resolve("module-info.java"), "module " + module + " { requires org.retrovue.spi; " + moduleInfo
                + " provides org.retrovue.spi.SourceKind with " + module + ".Kind; }");
        Files.writeString(pkg.resolve("Kind.java"), """
                package %s;
                import java.util.*;
                import org.retrovue.spi.*;
                public final class Kind implements SourceKind {
                    %s
                    public String id() { return "%s"; }
                    public String description() { return %s; }
                    public List<OptionSpec> options() { return List.of(OptionSpec.required("file", OptionType.PATH, "A listing file")); }
                    public int spiMajorVersion() { return %s; }
                    public Map<String, Object> validate(Map<String, String> options) throws SourceException {
                        String file = options.get("file");
                        if (file == null || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file))) {
                            throw new SourceException(SourceException.Code.INVALID_CONFIG, "--file must name an existing file");
                        }
                        return Map.of("file", file);
                    }
                    public SourceConnection connect(Map<String, Object> config, SourceContext context) {
                        return new SourceConnection() {
                            public String fingerprint() { return (String) config.get("file"); }
                            public List<DiscoveredCollection> collections() {
                                return List.of(new DiscoveredCollection("all", "everything", List.of(java.nio.file.Path.of((String) config.get("file")).getParent().toString()), Map.of()));
                            }
                        };
                    }
                }
                """.formatted(module, initializer, kind, description == null ? "\"A test kind from a dropped-in jar\"" : description, major));
        compileAndPack(src, List.of(src.resolve("module-info.java"), pkg.resolve("Kind.java")), modulePath, work.resolve("classes/" + module), jar);
    }

    /** A plain jar (no module-info: an automatic module) that provides a kind through META-INF/services. */
    private static void plainPlugin(String classPath, Path jar, String pkg, String initializer) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/" + pkg));
        Path dir = Files.createDirectories(src.resolve(pkg.replace('.', '/')));
        Files.writeString(dir.resolve("Kind.java"), """
                package %s;
                import java.util.*;
                import org.retrovue.spi.*;
                public final class Kind implements SourceKind {
                    %s
                    public String id() { return "plain"; }
                    public String description() { return "A plain jar"; }
                    public List<OptionSpec> options() { return List.of(); }
                    public int spiMajorVersion() { return 1; }
                    public Map<String, Object> validate(Map<String, String> options) { return Map.of(); }
                    public SourceConnection connect(Map<String, Object> config, SourceContext context) { throw new UnsupportedOperationException(); }
                }
                """.formatted(pkg, initializer));
        Path classes = work.resolve("classes/" + pkg);
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/org.retrovue.spi.SourceKind"), pkg + ".Kind\n");
        compileAndPack(src, List.of(dir.resolve("Kind.java")), List.of("-cp", classPath), classes, jar);
    }

    private static Run run(String... args) throws Exception {
        return ImageProcess.run(image, dataDir, Map.of(), List.of(), "", args);
    }

    @Test
    void goodPluginsWorkAndBadOnesAreReportedAndSkipped() throws Exception {
        Run types = run("source", "list-types", "--json");
        assertEquals(0, types.code(), types.err());
        List<String> ids = new ArrayList<>();
        types.json().get("types").forEach(t -> ids.add(t.get("id").asText()));
        assertEquals(List.of("jellyfin", "emby", "filesystem", "plex", "dropin", "ownjackson", "useslib1", "useslib2", "withspi"), ids,
                "the image's kinds first, then the dropped-in ones");
        List<String> descriptions = new ArrayList<>();
        types.json().get("types").forEach(t -> descriptions.add(t.get("description").asText()));
        assertTrue(descriptions.containsAll(List.of("uses lib 1", "uses lib 2")), "each plugin sees its own version of the library: " + descriptions);
        assertTrue(descriptions.contains("own jackson"), "a plugin that bundles a library we also use gets its own copy: " + descriptions);
        List<String> errors = new ArrayList<>();
        types.json().get("plugin_errors").forEach(e -> errors.add(e.get("origin").asText().replaceAll(".*/", "") + ": " + e.get("message").asText()));
        assertEquals(8, errors.size(), errors.toString());
        assertTrue(errors.contains("no-kind.jar: holds no source kind or enricher: no `provides org.retrovue.spi.SourceKind` or `provides "
                + "org.retrovue.spi.Enricher` in its module-info and no META-INF/services entry for either"), errors.toString());
        assertTrue(errors.contains("borrows-jackson.jar: module org.example.borrower requires com.fasterxml.jackson.core, which RetroVue does not lend "
                + "to plugins; bundle it in the plugin's folder"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("plain-borrower.jar: provider org.example.plain.Kind failed: com.fasterxml.jackson.core.JsonFactory "
                + "is in com.fasterxml.jackson.core, which RetroVue does not lend to plugins")), "a plain jar reads every module, but gets none of ours: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("missing-dependency.jar") && e.contains("org.example.absent")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("internals.jar") && e.contains("requires org.retrovue.core; plugins may depend on org.retrovue.spi only")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("broken.jar: cannot be loaded as a module")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("newer.jar") && e.contains("needs SPI version 2.x")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("throws.jar") && e.contains("licence server unreachable")), errors.toString());

        Path listing = Files.writeString(work.resolve("listing.csv"), "path,title\n");
        Run added = run("source", "add", "--type", "dropin", "--name", "Dropped In", "--file", listing.toString(), "--json");
        assertEquals(0, added.code(), added.err());
        assertTrue(added.json().get("external_id").asText().matches("dropin-[0-9a-f]{12}"), added.out());
        assertEquals("everything", added.json().get("collections").get(0).get("name").asText());
        Run wrongOption = run("source", "add", "--type", "dropin", "--name", "X", "--base-path", "/tmp");
        assertEquals(2, wrongOption.code(), wrongOption.err());
        assertTrue(wrongOption.err().contains("--base-path is not an option of type dropin"), wrongOption.err());
        assertEquals(0, run("source", "delete", "Dropped In", "--force").code());
    }

    @Test
    void aSourceWhosePluginIsRefusedSaysWhy() throws Exception {
        Path data = work.resolve("data-refused");
        Path own = Files.createDirectories(data.resolve("plugins/own-jackson"));
        Files.copy(dataDir.resolve("plugins/own-jackson/own-jackson.jar"), own.resolve("own-jackson.jar"));
        Files.copy(jacksonCore, own.resolve(jacksonCore.getFileName()));
        Path listing = Files.writeString(work.resolve("own-listing.csv"), "path,title\n");
        assertEquals(0, ImageProcess.run(image, data, Map.of(), List.of(), "", "source", "add", "--type", "ownjackson", "--name", "Own",
                "--file", listing.toString()).code());
        assertEquals(0, ImageProcess.run(image, data, Map.of(), List.of(), "", "source", "enable", "Own/everything").code());

        Files.delete(own.resolve(jacksonCore.getFileName()));
        String why = "module org.example.ownjackson requires com.fasterxml.jackson.core, which RetroVue does not lend to plugins; "
                + "bundle it in the plugin's folder";
        Run types = ImageProcess.run(image, data, Map.of(), List.of(), "", "source", "list-types", "--json");
        assertEquals(why, types.json().get("plugin_errors").get(0).get("message").asText(), types::toString);
        Run ingest = ImageProcess.run(image, data, Map.of(), List.of(), "", "source", "ingest", "Own");
        assertTrue((ingest.out() + ingest.err()).contains("source type 'ownjackson' is not installed (the plugin " + own + " was not loaded: " + why + ")"),
                ingest::toString);
    }
}
