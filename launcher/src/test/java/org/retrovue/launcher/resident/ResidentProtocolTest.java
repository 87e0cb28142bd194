package org.retrovue.launcher.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two halves of what {@code bin/retrovue} and the resident process say to each other. */
class ResidentProtocolTest {
    @Test
    void stderrFramesAreLinesThatPrintfPercentBGivesBackExactly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter err = new PrintWriter(new FrameWriter(bytes), true);
        err.print("progress 10%\r");
        err.flush();
        err.println("error: no source matches 'a\\b\\c'; see `retrovue source list`");
        err.print("\\n is not a newline, é is UTF-8");
        err.flush();
        List<String> frames = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")); // not lines(): a \r ends no frame
        assertEquals(List.of("Eprogress 10%\r", "Eerror: no source matches 'a\\\\b\\\\c'; see `retrovue source list`\\n",
                "E\\\\n is not a newline, é is UTF-8"), frames);
        StringBuilder decoded = new StringBuilder();
        for (String frame : frames) {
            decoded.append(percentB(frame.substring(1)));
        }
        assertEquals("progress 10%\rerror: no source matches 'a\\b\\c'; see `retrovue source list`\n\\n is not a newline, é is UTF-8",
                decoded.toString());
    }

    /** What bash's {@code printf %b} does with the two escapes a frame may hold. */
    private static String percentB(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void aRequestIsReadFieldByFieldAndOnlyWithTheSecret() throws IOException {
        String run = String.join("\0", "RV2", "s3cret", "42.7", "run", "build-1", "/data", "1",
                "3", "source", "show", "My \"Plex\"\nServer") + "\0";
        ResidentRequest request = ResidentRequest.read(new ByteArrayInputStream(run.getBytes(StandardCharsets.UTF_8)), "s3cret");
        assertEquals("run", request.role());
        assertEquals("42.7", request.id());
        assertEquals("build-1", request.build());
        assertEquals("/data", request.dataDir());
        assertTrue(request.interactive());
        assertEquals(List.of("source", "show", "My \"Plex\"\nServer"), request.args());

        assertThrows(IOException.class, () -> ResidentRequest.read(new ByteArrayInputStream(run.getBytes(StandardCharsets.UTF_8)), "other"));
        assertThrows(IOException.class, () -> ResidentRequest.read(new ByteArrayInputStream("RV2\0s3cret\0".getBytes(StandardCharsets.UTF_8)), "s3cret"));
        assertThrows(IOException.class, () -> ResidentRequest.read(new ByteArrayInputStream("HTTP/1.1 GET /\r\n".getBytes(StandardCharsets.UTF_8)), "s3cret"));
    }

    @Test
    void anRv1RequestWithItsEnvironmentAndPasswordIsNotAccepted() {
        String rv1 = String.join("\0", "RV1", "s3cret", "42.7", "run", "build-1", "/data", "0", "jdbc:postgresql://db/x", "me", "hunter2",
                "", "", "2", "source", "list") + "\0";
        assertThrows(IOException.class, () -> ResidentRequest.read(new ByteArrayInputStream(rv1.getBytes(StandardCharsets.UTF_8)), "s3cret"));
    }

    @Test
    void theEnvironmentDigestIsSaltedWithTheSecretAndDashWhenNothingIsSet() throws Exception {
        assertEquals("-", EnvironmentDigest.of("s3cret", java.util.Map.of()));
        assertEquals("-", EnvironmentDigest.of("s3cret", java.util.Map.of("RETROVUE_DATABASE_PASSWORD", "", "HOME", "/root")));
        java.util.Map<String, String> env = java.util.Map.of("RETROVUE_DATABASE_URL", "jdbc:postgresql://db/x", "RETROVUE_DATABASE_PASSWORD",
                "a\\b\nc", "RETROVUE_JAVA_OPTS", "-Dx=1");
        // what bin/retrovue hands to sha256sum: the secret, then each value escaped, each on a line of its own
        String text = "s3cret\njdbc:postgresql://db/x\n\na\\\\b\\nc\n\n-Dx=1\n\n\n\n"; // the secrets key, ffprobe and ffmpeg last, unset here
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, EnvironmentDigest.of("s3cret", env));
        assertFalse(EnvironmentDigest.of("other", env).equals(expected), "salted");
        assertFalse(EnvironmentDigest.of("s3cret", java.util.Map.of("RETROVUE_DATABASE_PASSWORD", "a\\b\nc")).equals(expected));
    }

    @Test
    void onlyReadsIngestAndVersionAreServed() {
        for (String[] served : new String[][] {{"source", "list"}, {"source", "list", "--json"}, {"source", "show", "x"}, {"source", "collections"}, {"source", "status", "--json"},
                {"source", "list-types"}, {"source", "assets", "x"}, {"source", "ingest"}, {"db", "status"},
                {"completion", "--names", "sources"}, {"--version"}}) {
            assertTrue(ResidentCommands.served(served), String.join(" ", served));
        }
        for (String[] notServed : new String[][] {{}, {"source"}, {"source", "add"}, {"source", "delete", "x", "--force"}, {"source", "update"},
                {"source", "enable", "x"}, {"db", "stop"}, {"shell"}, {"--debug", "source", "list"}, {"source", "list", "--debug"}, {"source", "lists"},
                {"completion"}}) {
            assertFalse(ResidentCommands.served(notServed), String.join(" ", notServed));
        }
        assertTrue(ResidentCommands.startsResident("source", "list"));
        assertFalse(ResidentCommands.startsResident("db", "status"), "it starts nothing");
        assertFalse(ResidentCommands.startsResident("--version"));
        assertFalse(ResidentCommands.startsResident("completion", "--names", "sources"), "a Tab starts nothing");
        assertFalse(ResidentCommands.startsResident("source", "add"));
    }
}
