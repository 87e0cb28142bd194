package org.retrovue.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * What makes the embedded cluster safe from other local users, and the check that it is so: the superuser's
 * random password in {@code home/password} (readable by its owner alone), {@code pg_hba.conf} allowing nothing
 * but that password over loopback TCP, and {@code postgresql.conf} listening on loopback only, with no Unix socket.
 */
final class ClusterSecurity {
    static final String LOOPBACK = "127.0.0.1";
    /** Our {@code pg_hba.conf}, byte for byte: anything else was not written by us (or not finished). */
    static final String HBA = "# RetroVue: loopback TCP only, with the password in ../password\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";
    static final String CONF_MARKER = "# RetroVue: loopback TCP only, no Unix socket";
    private static final String LISTEN_LINE = "listen_addresses = '" + LOOPBACK + "'\n";
    private static final String SOCKET_LINE = "unix_socket_directories = ''\n";
    /**
     * The password is long and random, so few SCRAM iterations keep each connection cheap (the default 4,096
     * cost ~10 ms a connect) without making it guessable.
     */
    static final String SCRAM_ITERATIONS = "scram_iterations=16";

    private ClusterSecurity() {}

    static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String conf(Iterable<java.util.Map.Entry<String, String>> settings) {
        StringBuilder conf = new StringBuilder("\n").append(CONF_MARKER).append('\n')
                .append(LISTEN_LINE).append(SOCKET_LINE);
        settings.forEach(e -> conf.append(e.getKey()).append(" = '").append(e.getValue()).append("'\n"));
        return conf.toString();
    }

    /** Writes {@code text} to {@code file} whole (a private temporary file moved over it), readable by the owner only. */
    static void writePrivate(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** What is unsafe about the initialised cluster in {@code dataDir}, if anything. */
    static Optional<String> problem(Path dataDir, Path passwordFile) {
        try {
            if (!HBA.equals(Files.readString(dataDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8))) {
                return Optional.of(dataDir.resolve("pg_hba.conf") + " is not the one RetroVue wrote");
            }
        } catch (IOException e) {
            return Optional.of(dataDir.resolve("pg_hba.conf") + " cannot be read: " + e.getMessage());
        }
        try {
            if (Files.readString(passwordFile, StandardCharsets.UTF_8).isBlank()) {
                return Optional.of(passwordFile + " is empty");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(passwordFile);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(permissions)) {
                return Optional.of(passwordFile + " can be read by others (" + PosixFilePermissions.toString(permissions) + ")");
            }
        } catch (IOException e) {
            return Optional.of(passwordFile + " is missing (setup was interrupted)");
        }
        if (!confIsOurs(dataDir)) {
            return Optional.of(dataDir.resolve("postgresql.conf") + " no longer keeps the server to loopback TCP");
        }
        return Optional.empty();
    }

    /** Whether {@code postgresql.conf} ends with our loopback-only settings, and nothing after them changes those. */
    static boolean confIsOurs(Path dataDir) {
        try {
            String conf = Files.readString(dataDir.resolve("postgresql.conf"), StandardCharsets.UTF_8);
            int ours = conf.lastIndexOf(CONF_MARKER);
            if (ours < 0) {
                return false;
            }
            String tail = conf.substring(ours);
            return tail.contains(LISTEN_LINE) && tail.contains(SOCKET_LINE)
                    && occurrences(tail, "listen_addresses") == 1 && occurrences(tail, "unix_socket_directories") == 1;
        } catch (IOException e) {
            return false;
        }
    }

    private static int occurrences(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            count++;
        }
        return count;
    }
}
