package org.retrovue.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retrovue.shell.TerminalSession.CTRL_C;
import static org.retrovue.shell.TerminalSession.CTRL_D;
import static org.retrovue.shell.TerminalSession.TAB;
import static org.retrovue.shell.TerminalSession.UP;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell through JLine, on a terminal made of streams: commands, errors, Ctrl-C, Ctrl-D, Tab and history. */
class InteractiveShellIT {
    @TempDir
    Path temp;
    private ShellHarness harness;
    private Path movies;

    @BeforeEach
    void setUp() throws Exception {
        harness = new ShellHarness(temp.resolve("data"));
        movies = Files.createDirectories(temp.resolve("media/movies"));
    }

    @Test
    void runsCommandsPrintsErrorsAndGoesOnUntilExit() throws Exception {
        try (TerminalSession shell = new TerminalSession(harness.env())) {
            assertTrue(shell.screen().contains("Type help for commands"), shell.screen());
            shell.enter("source add --type filesystem --name \"My Movies\" --base-path '" + movies + "'");
            shell.enter("source show nobody");
            shell.enter("source show 'my movies' --json");
            assertTrue(shell.screen().contains("\"name\" : \"My Movies\""), shell.screen());
            assertEquals("error: no source matches 'nobody'; see `retrovue source list`\n", shell.err());
            shell.type("exit\r");
            assertEquals(0, shell.awaitExit());
        }
    }

    @Test
    void ctrlCAbandonsTheLineAndCtrlDLeaves() throws Exception {
        try (TerminalSession shell = new TerminalSession(harness.env())) {
            int prompts = shell.prompts();
            shell.type("source delete everything --force" + CTRL_C);
            shell.awaitPrompts(prompts + 1);
            shell.enter("source list");
            assertEquals("", shell.err(), "the abandoned line did not run");
            assertTrue(shell.screen().contains("No sources."), shell.screen());
            shell.type(CTRL_D);
            assertEquals(0, shell.awaitExit());
        }
    }

    @Test
    void ctrlCInterruptsARunningCommandAndTheShellGoesOn() throws Exception {
        try (ServerSocket silent = new ServerSocket(0); TerminalSession shell = new TerminalSession(harness.env())) {
            CountDownLatch asked = new CountDownLatch(1);
            List<Socket> held = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Socket socket = silent.accept(); // read the request and never answer, like a hung server
                        held.add(socket);
                        readRequestHead(socket);
                        asked.countDown();
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            int prompts = shell.prompts();
            shell.type("source add --type plex --name Hung --base-url http://127.0.0.1:" + silent.getLocalPort()
                    + " --token t0ken --read-timeout 120\r");
            assertTrue(asked.await(60, TimeUnit.SECONDS), "the command sent its request and waits for the answer");
            shell.type(CTRL_C);
            shell.awaitPrompts(prompts + 1);
            assertTrue(shell.err().contains("interrupted"), shell.err());
            shell.enter("source list --type plex");
            assertTrue(shell.screen().contains("No sources of type plex."), "nothing half-written: " + shell.screen());
            silent.close();
            acceptor.join(5000);
        }
    }

    /** Reads an HTTP request's head, up to its blank line. */
    private static void readRequestHead(Socket socket) throws java.io.IOException {
        var in = socket.getInputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
    }

    @Test
    void tabCompletesANameWithSpacesQuoted() throws Exception {
        try (TerminalSession shell = new TerminalSession(harness.env())) {
            shell.enter("source add --type filesystem --name \"My Movies\" --base-path '" + movies + "'");
            shell.type("source sh" + TAB + "My" + TAB);
            shell.enter("--json");
            assertEquals("", shell.err(), "the line ran as `source show \"My Movies\" --json`");
            assertTrue(shell.screen().contains("\"name\" : \"My Movies\""), shell.screen());
            shell.type("exit\r");
            shell.awaitExit();
        }
        String history = Files.readString(temp.resolve("data").resolve(Shell.HISTORY_FILE));
        assertTrue(history.contains(":source show \"My Movies\" --json\n"), history);
    }

    @Test
    void tabAfterAnOptionThatTakesAValueLeavesASpaceForTheValue() throws Exception {
        try (TerminalSession shell = new TerminalSession(harness.env())) {
            shell.enter("source list --ty" + TAB + "plex");
            assertEquals("", shell.err(), "the line ran as `source list --type plex`");
            assertTrue(shell.screen().contains("No sources of type plex."), shell.screen());
            shell.type("exit\r");
            shell.awaitExit();
        }
    }

    @Test
    void historySurvivesTheSessionWithoutItsSecrets() throws Exception {
        try (TerminalSession shell = new TerminalSession(harness.env())) {
            shell.enter("source add --type plex --name P --base-url http://127.0.0.1:9 --token s3cr3t-value");
            shell.enter("source list --json");
            shell.type("exit\r");
            shell.awaitExit();
        }
        String saved = Files.readString(temp.resolve("data").resolve(Shell.HISTORY_FILE));
        assertFalse(saved.contains("s3cr3t-value"), saved);
        assertTrue(saved.contains("--token ********") && saved.contains("source list --json"), saved);
        try (TerminalSession shell = new TerminalSession(harness.env())) {
            shell.type(UP + UP + UP); // exit, source list --json, then the add
            shell.awaitScreen("--base-url http://127.0.0.1:9 --token ********");
            assertFalse(shell.screen().contains("s3cr3t-value"));
        }
    }
}
