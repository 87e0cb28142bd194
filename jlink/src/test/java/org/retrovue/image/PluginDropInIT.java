package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Third-party plugins dropped into a plugin folder of the unchanged image: one that works (added, listed and
 * deleted through the real commands, loaded in a module layer of its own), one built for a newer SPI, one whose
 * provider throws, and a file that is not a jar at all. The bad ones are reported and skipped; the rest works.
 */
class PluginDropInIT {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        assertEquals(0, run("db", "stop").code());
    }

    /** Compiles a one-class source-kind module against the SPI jar and packs it as a modular jar. */
    private static void plugin(Path spi, Path jar, String module, String kind, String major, String initializer) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/" + module));
        Path pkg = Files.createDirectories(src.resolve(module.replace('.', '/')));
        Files.writeString(src.resolve("module-info.java"), "module " + module + " { requires org.retrovue.spi; provides org.retrovue.spi.SourceKind with "
                + module + ".Kind; }");
        Files.writeString(pkg.resolve("Kind.java"), """
                package %s;
                import java.util.*;
                import org.retrovue.spi.*;
                public final class Kind implements SourceKind {
                    %s
                    public String id() { return "%s"; }
                    public String description() { return "A test kind from a dropped-in jar"; }
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
                                return List.of(new DiscoveredCollection("all", "everything", List.of(), Map.of()));
                            }
                        };
                    }
                }
                """.formatted(module, initializer, kind, major));
        Path classes = work.resolve("classes/" + module);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "25", "-p", spi.toString(), "-d", classes.toString(),
                src.resolve("module-info.java").toString(), pkg.resolve("Kind.java").toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the test plugin compiles");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin/retrovue").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve("out.txt").toFile())
                .redirectError(work.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.remove("RETROVUE_DATABASE_URL");
        env.put("RETROVUE_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void goodPluginsWorkAndBadOnesAreReportedAndSkipped() throws Exception {
        Run types = run("source", "list-types", "--json");
        assertEquals(0, types.code(), types.err());
        List<String> ids = new ArrayList<>();
        types.json().get("types").forEach(t -> ids.add(t.get("id").asText()));
        assertEquals(List.of("filesystem", "plex", "dropin"), ids, "the image's kinds first, then the dropped-in one");
        List<String> errors = new ArrayList<>();
        types.json().get("plugin_errors").forEach(e -> errors.add(e.get("origin").asText().replaceAll(".*/", "") + ": " + e.get("message").asText()));
        assertEquals(3, errors.size(), errors.toString());
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
}
