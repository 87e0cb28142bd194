package org.retrovue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.fakeplex.FakePlexServer;
import org.retrovue.fakeplex.Library;

/** A secret option from a file, the environment or the terminal, never from the command line. */
class SecretInputIT {
    private static final String TOKEN = "plex-token-from-elsewhere";

    @TempDir
    Path temp;
    private FakePlexServer plex;

    @BeforeEach
    void setUp() {
        plex = FakePlexServer.builder().token(TOKEN).library(Library.Type.MOVIE, "Movies", 2, "/data/movies").build().start();
    }

    @AfterEach
    void tearDown() {
        plex.close();
    }

    private CliHarness cli() {
        return new CliHarness(temp.resolve("data")).neverShowing(TOKEN);
    }

    private Path file(String content, String mode) throws Exception {
        Path file = Files.createTempFile(temp, "token", "");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private void assertOneError(CliHarness.Result r, String words) {
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains(words), r::toString);
    }

    @Test
    void aTokenFileIsReadWithoutItsLineEndAndAFileOthersReadIsWarnedAbout() throws Exception {
        CliHarness cli = cli();
        CliHarness.Result r = cli.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(),
                "--token-file", file(TOKEN + "\n", "rw-------").toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        CliHarness.Result shared = cli.run("source", "update", "P", "--token-file", file(TOKEN + "\r\n", "rw-r--r--").toString());
        assertEquals(0, shared.code(), shared::toString);
        assertTrue(shared.err().startsWith("warning: ") && shared.err().contains("chmod 600"), shared::toString);
    }

    @Test
    void aBadTokenFileIsOneUsageError() throws Exception {
        CliHarness cli = cli();
        String[] add = {"source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl()};
        assertOneError(cli.run(concat(add, "--token-file", temp.resolve("none").toString())), "no such file");
        assertOneError(cli.run(concat(add, "--token-file", file("", "rw-------").toString())), "is empty");
        assertOneError(cli.run(concat(add, "--token-file", file("a\nb\n", "rw-------").toString())), "more than one line");
        assertOneError(cli.run(concat(add, "--token-file", temp.toString())), "is a folder");
        assertOneError(cli.run(concat(add, "--token", TOKEN, "--token-file", file(TOKEN, "rw-------").toString())), "not both");
        assertOneError(cli.run("source", "add", "--type", "filesystem", "--name", "F", "--base-path", temp.toString(), "--token-file",
                file(TOKEN, "rw-------").toString()), "--token-file is not an option of type filesystem");
    }

    @Test
    void sourceAddReadsTheTokenFromTheEnvironment() {
        CliHarness cli = cli().env("RETROVUE_PLEX_TOKEN", TOKEN);
        assertEquals(0, cli.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl()).code());
    }

    @Test
    void aMissingTokenIsAskedForOnATerminalAndRefusedWithoutOne() {
        CliHarness none = cli();
        assertOneError(none.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl()),
                "--token is required for type plex and there is no terminal to ask on: give --token-file FILE or set RETROVUE_PLEX_TOKEN");
        CliHarness terminal = cli().terminalTyping(TOKEN);
        CliHarness.Result r = terminal.run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl());
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("plex token (--token)"), terminal.asked);
        CliHarness.Result dash = terminal.run("source", "update", "P", "--token", "-");
        assertEquals(0, dash.code(), dash::toString);
        assertEquals(2, terminal.asked.size());
        CliHarness.Result nothing = cli().terminalTyping(null).run("source", "add", "--type", "plex", "--name", "P", "--base-url", plex.baseUrl(), "--token", "-");
        assertOneError(nothing, "no --token was typed");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
