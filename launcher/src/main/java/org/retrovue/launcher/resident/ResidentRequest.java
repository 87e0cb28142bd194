package org.retrovue.launcher.resident;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bin/retrovue} sends, as NUL-terminated fields: {@code RV2 SECRET ID ROLE}, then for the role
 * {@code run}: {@code BUILD DATA_DIR INTERACTIVE} (1 when stdin and stdout are terminals), {@code ARGC} and the
 * arguments. The role {@code err} opens the stderr half of request {@code ID}; {@code stop} ends the process.
 * <p>
 * No environment travels (RV1 sent the database URL, user and password for the process to compare): the client
 * compares its own with the {@link EnvironmentDigest} in the state file before it connects, so a request never
 * holds the database password. An RV1 request is closed unanswered.
 */
record ResidentRequest(String secret, String id, String role, String build, String dataDir, boolean interactive, List<String> args) {
    static final String MAGIC = "RV2";
    private static final int MAX_FIELD = 64 * 1024;
    private static final int MAX_ARGS = 4096;

    /** Reads a request; throws on anything malformed (the connection is then closed without an answer). */
    static ResidentRequest read(InputStream in, String expectedSecret) throws IOException {
        if (!MAGIC.equals(field(in))) {
            throw new IOException("not a RetroVue client");
        }
        String secret = field(in);
        if (!java.security.MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), expectedSecret.getBytes(StandardCharsets.UTF_8))) {
            throw new IOException("wrong secret");
        }
        String id = field(in);
        String role = field(in);
        if (!role.equals("run")) {
            return new ResidentRequest(secret, id, role, null, null, false, List.of());
        }
        String build = field(in);
        String dataDir = field(in);
        boolean interactive = field(in).equals("1");
        int count = Integer.parseInt(field(in));
        if (count < 0 || count > MAX_ARGS) {
            throw new IOException("too many arguments");
        }
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(field(in));
        }
        return new ResidentRequest(secret, id, role, build, dataDir, interactive, args);
    }

    private static String field(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new IOException("request ended early");
            }
            if (bytes.size() == MAX_FIELD) {
                throw new IOException("field too long");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
