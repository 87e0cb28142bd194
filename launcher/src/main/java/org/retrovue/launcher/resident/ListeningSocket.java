package org.retrovue.launcher.resident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of this process's file descriptors is the socket listening on 127.0.0.1:PORT, found as {@code bin/retrovue}
 * checks it: the socket's inode in {@code /proc/net/tcp6} or {@code /proc/net/tcp} (state {@code 0A}, LISTEN), and the link
 * {@code socket:[INODE]} in {@code /proc/self/fd}. Written into the state file so that the client checks one link
 * ({@code /proc/PID/fd/FD}) instead of all of them.
 */
final class ListeningSocket {
    private ListeningSocket() {}

    static Optional<String> fd(int port) {
        try {
            // a JVM's socket is an IPv6 one where it can be (127.0.0.1 as ::ffff:127.0.0.1, in tcp6), else IPv4
            String port4 = String.format(Locale.ROOT, "0100007F:%04X", port);
            String port6 = "0000000000000000FFFF0000" + port4;
            String inode = null;
            for (String table : List.of("/proc/net/tcp6", "/proc/net/tcp")) {
                if (inode == null && Files.isReadable(Path.of(table))) {
                    for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                        String[] fields = line.strip().split("\\s+");
                        if (fields.length > 9 && (fields[1].equals(port4) || fields[1].equals(port6)) && fields[3].equals("0A")) {
                            inode = fields[9];
                            break;
                        }
                    }
                }
            }
            if (inode == null) {
                return Optional.empty();
            }
            String link = "socket:[" + inode + "]";
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
                for (Path fd : fds) {
                    try {
                        if (Files.readSymbolicLink(fd).toString().equals(link)) {
                            return Optional.of(fd.getFileName().toString());
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor of a directory stream, or one closed since: not ours
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux: the client finds no socket to check and runs commands in their own JVM
        }
    }
}
