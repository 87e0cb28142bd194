package org.retrovue.plugin.ffprobe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Shell scripts that stand in for ffprobe and ffmpeg, and a check that a process they started is gone. */
final class FakeTools {
    private FakeTools() {}

    static Path script(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** The pid a fake script wrote into {@code file}, waiting for it to be written. */
    static long pid(Path file) throws Exception {
        for (int i = 0; i < 100 && !(Files.exists(file) && Files.readString(file).endsWith("\n")); i++) {
            Thread.sleep(20);
        }
        return Long.parseLong(Files.readString(file).strip());
    }

    /**
     * Whether a process still runs two seconds on (a SIGKILL takes effect asynchronously): a zombie (killed, not yet
     * reaped by its new parent) does not.
     */
    static boolean running(long pid) throws Exception {
        for (int i = 0; i < 40; i++) {
            String text;
            try {
                text = Files.readString(Path.of("/proc/" + pid + "/stat"));
            } catch (IOException gone) {
                return false;
            }
            if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
