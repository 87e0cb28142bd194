package org.retrovue.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/retrovue} finds its image from however it was invoked (by string operations, without a subshell, in the
 * usual cases): an absolute path, a relative one, through {@code ./} and {@code ../}, a symbolic link elsewhere,
 * and {@code PATH}. A wrong home would not find {@code bin/java} or the AOT cache.
 */
class LauncherPathIT {
    @Test
    void itFindsItsImageHoweverItIsInvoked() throws Exception {
        Path image = Path.of(System.getProperty("retrovue.image", "target/retrovue")).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(System.getProperty("retrovue.test.workdir", "target/smoke-work")).toAbsolutePath()
                .resolve("paths-" + UUID.randomUUID()));
        Path link = Files.createSymbolicLink(work.resolve("retrovue"), image.resolve("bin/retrovue"));
        String expected = version(work, image, image.resolve("bin/retrovue").toString());
        assertEquals(expected, version(work, image, "bin/retrovue"));
        assertEquals(expected, version(work, image.resolve("bin"), "./retrovue"));
        assertEquals(expected, version(work, image.resolve("bin"), "../bin/./retrovue"));
        assertEquals(expected, version(work, work, "./retrovue"));
        assertEquals(expected, version(work, work, link.toString()));
        assertEquals(expected, version(work, work, "PATH=" + image.resolve("bin") + ":$PATH; retrovue"));
    }

    /** Runs {@code invocation --version} through bash in {@code directory}. */
    private static String version(Path work, Path directory, String invocation) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", invocation + " --version").directory(directory.toFile());
        builder.environment().put("RETROVUE_RESIDENT", "off");
        builder.environment().put("RETROVUE_DATA_DIR", work.resolve("data").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), invocation + " in " + directory + ": " + out);
        return out;
    }
}
