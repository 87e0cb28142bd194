package org.retrovue.launcher.resident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Proves that a client's environment is the one the resident process serves without sending it: the process writes
 * this digest into its state file (readable by its user only), and {@code bin/retrovue} computes the same from its
 * own environment and uses the process only when they match. No request carries the database password (nor a URL
 * that may hold one).
 * <p>
 * The digest is {@code -} when every variable of {@link #NAMES} is empty or unset (the embedded database, the
 * common case: the client then needs no {@code sha256sum}); else the hex SHA-256 of the UTF-8 text
 * {@code SECRET\n} followed by each value, in the order of {@link #NAMES}, with {@code \} written {@code \\} and a
 * newline {@code \n}, each followed by a newline. Salted with the secret, so it says nothing about the password to
 * whoever sees it without the secret.
 */
final class EnvironmentDigest {
    /**
     * What decides which database, plugins and key of stored secrets a command sees, how its JVM runs, and which
     * programs the built-in enrichers run.
     */
    static final List<String> NAMES = List.of("RETROVUE_DATABASE_URL", "RETROVUE_DATABASE_USER", "RETROVUE_DATABASE_PASSWORD",
            "RETROVUE_PLUGIN_PATH", "RETROVUE_JAVA_OPTS", "RETROVUE_SECRET_KEY", "RETROVUE_FFPROBE", "RETROVUE_FFMPEG");

    private EnvironmentDigest() {}

    static String of(String secret, Map<String, String> env) {
        StringBuilder text = new StringBuilder(secret).append('\n');
        boolean empty = true;
        for (String name : NAMES) {
            String value = env.getOrDefault(name, "");
            empty &= value.isEmpty();
            text.append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        if (empty) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
