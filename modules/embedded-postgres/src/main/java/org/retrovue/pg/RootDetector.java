package org.retrovue.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process runs with effective user id 0, read from {@code /proc/self/status}. */
final class RootDetector {
    private static final boolean ROOT = detect();

    private RootDetector() {}

    static boolean isRoot() {
        return ROOT;
    }

    private static boolean detect() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
        return false;
    }
}
