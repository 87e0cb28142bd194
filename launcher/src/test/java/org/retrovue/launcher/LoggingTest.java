package org.retrovue.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What --debug shows on stderr: a plugin's DEBUG and TRACE lines, and nobody's without it. */
class LoggingTest {
    @Test
    void aPluginsDebugLinesShowWithDebugOnlyAndNoOneElsesDo() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8)); // the console handler takes stderr when made
        try {
            System.Logger plugin = System.getLogger("org.retrovue.plugin.testkind");
            Main.configureLogging(false);
            plugin.log(System.Logger.Level.INFO, "quiet info");
            plugin.log(System.Logger.Level.DEBUG, "quiet debug");
            Main.configureLogging(true);
            plugin.log(System.Logger.Level.DEBUG, "loud debug");
            plugin.log(System.Logger.Level.TRACE, "loud trace");
            System.getLogger("org.retrovue.core.IngestService").log(System.Logger.Level.DEBUG, "program debug");
            System.getLogger("org.eclipse.persistence").log(System.Logger.Level.DEBUG, "library debug");
            System.getLogger("org.eclipse.persistence").log(System.Logger.Level.INFO, "library info");
        } finally {
            Main.configureLogging(false);
            System.setErr(saved);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("quiet"), printed);
        assertTrue(printed.contains("loud debug") && printed.contains("loud trace"), printed);
        assertTrue(printed.contains("library info"), printed);
        assertFalse(printed.contains("program debug") || printed.contains("library debug"), printed);
    }
}
