package org.retrovue.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where RetroVue keeps its files: {@code $RETROVUE_DATA_DIR}, else {@code $XDG_DATA_HOME/retrovue}, else
 * {@code ~/.local/share/retrovue}. The embedded database lives in {@code postgres/} below it.
 */
public record AppPaths(Path dataDir) {
    public static AppPaths fromEnvironment(Map<String, String> env) {
        String explicit = env.get("RETROVUE_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new AppPaths(Path.of(explicit).toAbsolutePath());
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return new AppPaths(base.resolve("retrovue").toAbsolutePath());
    }

    public Path embeddedDatabase() {
        return dataDir.resolve("postgres");
    }

    /** Where each plugin kind keeps state of its own: {@code plugins-state/KIND/}. */
    public Path pluginState() {
        return dataDir.resolve("plugins-state");
    }

    public Path userPlugins() {
        return dataDir.resolve("plugins");
    }
}
