package org.retrovue.launcher.resident;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment the resident process starts with: what it needs to serve ({@link EnvironmentDigest#NAMES}, the
 * data directory, locale, time zone, the tools' PATH, the JVM's own options), nothing else. It lives for many
 * commands, and whatever else the starting command had (a token for {@code source add}, an unrelated
 * secret) would sit in its {@code /proc/PID/environ} all that time.
 */
final class ResidentEnvironment {
    private static final Set<String> KEPT = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR",
            "XDG_DATA_HOME", "RETROVUE_DATA_DIR", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    private static final List<String> KEPT_PREFIXES = List.of("LC_");

    private ResidentEnvironment() {}

    /** Whether the resident process keeps the variable {@code name}. */
    static boolean kept(String name) {
        return KEPT.contains(name) || EnvironmentDigest.NAMES.contains(name) || KEPT_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Removes from {@code env} (a ProcessBuilder's) every variable the resident process does not need. */
    static void restrict(Map<String, String> env) {
        env.keySet().removeIf(name -> !kept(name));
    }
}
