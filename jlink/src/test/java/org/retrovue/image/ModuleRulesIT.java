package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture (ARCHITECTURE.md), read from the module descriptors that went into
 * the image: plugins see only the SPI, the SPI sees only java.base, persistence never sees core, and so on; and
 * every module in the image is explicit (jlink accepts nothing else).
 */
class ModuleRulesIT {
    private static final Map<String, Set<String>> ALLOWED_OWN = Map.ofEntries(
            Map.entry("org.retrovue.spi", Set.of()),
            Map.entry("org.retrovue.pluginloader", Set.of()),
            Map.entry("org.retrovue.pg", Set.of()),
            Map.entry("org.retrovue.persistence", Set.of()),
            Map.entry("org.retrovue.core", Set.of("org.retrovue.spi", "org.retrovue.pluginloader", "org.retrovue.persistence", "org.retrovue.pg")),
            Map.entry("org.retrovue.cli", Set.of("org.retrovue.core")),
            Map.entry("org.retrovue.plugin.filesystem", Set.of("org.retrovue.spi")),
            Map.entry("org.retrovue.plugin.plex", Set.of("org.retrovue.spi")),
            Map.entry("org.retrovue.plugin.jellyfin", Set.of("org.retrovue.spi")),
            Map.entry("org.retrovue.plugin.ffprobe", Set.of("org.retrovue.spi")),
            Map.entry("org.retrovue.shell", Set.of("org.retrovue.cli")),
            Map.entry("org.retrovue.launcher", Set.of("org.retrovue.cli", "org.retrovue.shell")));

    private static Map<String, ModuleDescriptor> modules() {
        Path dir = Path.of(System.getProperty("retrovue.image", "target/retrovue")).getParent().resolve("modules");
        Map<String, ModuleDescriptor> found = new TreeMap<>();
        for (ModuleReference ref : ModuleFinder.of(dir).findAll()) {
            found.put(ref.descriptor().name(), ref.descriptor());
        }
        return found;
    }

    @Test
    void ourModulesRequireOnlyWhatTheArchitectureAllows() {
        Map<String, ModuleDescriptor> modules = modules();
        assertTrue(modules.keySet().containsAll(ALLOWED_OWN.keySet()), modules.keySet().toString());
        List<String> violations = new ArrayList<>();
        for (var entry : ALLOWED_OWN.entrySet()) {
            for (ModuleDescriptor.Requires requires : modules.get(entry.getKey()).requires()) {
                String target = requires.name();
                if (target.startsWith("org.retrovue.") && !entry.getValue().contains(target)) {
                    violations.add(entry.getKey() + " requires " + target);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theSpiAndPluginsDependOnNothingElse() {
        Map<String, ModuleDescriptor> modules = modules();
        assertEquals(Set.of("java.base"), names(modules.get("org.retrovue.spi").requires()));
        assertEquals(Set.of("java.base"), names(modules.get("org.retrovue.pluginloader").requires()));
        assertEquals(Set.of("java.base", "org.retrovue.spi"), names(modules.get("org.retrovue.plugin.filesystem").requires()));
        assertEquals(Set.of("java.base", "org.retrovue.spi"), names(modules.get("org.retrovue.plugin.ffprobe").requires()));
        assertEquals(Set.of("java.base", "org.retrovue.spi", "java.net.http", "com.fasterxml.jackson.core"),
                names(modules.get("org.retrovue.plugin.plex").requires()));
        assertEquals(Set.of("java.base", "org.retrovue.spi", "java.net.http", "com.fasterxml.jackson.core"),
                names(modules.get("org.retrovue.plugin.jellyfin").requires()));
    }

    @Test
    void entitiesStayInsideThePersistenceModule() {
        ModuleDescriptor persistence = modules().get("org.retrovue.persistence");
        Set<String> exported = persistence.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("org.retrovue.persistence"), exported);
        ModuleDescriptor.Opens opens = persistence.opens().stream()
                .filter(o -> o.source().equals("org.retrovue.persistence.entity")).findFirst().orElseThrow();
        assertTrue(opens.isQualified(), "entities are opened to EclipseLink only");
    }

    @Test
    void noTestServerIsShipped() {
        List<String> shipped = modules().keySet().stream().filter(name -> name.startsWith("org.retrovue.fake")).toList();
        assertEquals(List.of(), shipped, "the fake Plex and Jellyfin/Emby servers are for tests and benchmarks only");
    }

    @Test
    void everyModuleInTheImageIsExplicit() {
        for (ModuleDescriptor descriptor : modules().values()) {
            assertFalse(descriptor.isAutomatic(), descriptor.name() + " is an automatic module");
        }
    }

    private static Set<String> names(Set<ModuleDescriptor.Requires> requires) {
        return requires.stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
    }
}
