package org.retrovue.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.SourceKind;

/**
 * Secret option values encrypted at rest (docs/adr/0010-secrets-at-rest.md): AES-256-GCM under a key kept outside the database, in
 * {@code RETROVUE_SECRET_KEY} (base64 of 32 bytes; for hosts that share one PostgreSQL) or else the file
 * {@code secret.key} of the data directory (made on first need, readable by its owner only). Stored as
 * {@code enc:v1:} and the base64 of the 12-byte nonce followed by the ciphertext; a value without that prefix
 * (stored before this) is used as it is, and sealed by {@link PlainSecrets} when the catalogue next opens with a key
 * at hand, or at the source's next change.
 */
public final class SecretBox {
    static final String PREFIX = "enc:v1:";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No encryption: values stored and used as given (tests and embedding without a data directory). */
    public static final SecretBox NONE = new SecretBox(null, null);

    private final String variable;
    private final Path keyFile;
    private byte[] key;

    private SecretBox(String variable, Path keyFile) {
        this.variable = variable;
        this.keyFile = keyFile;
    }

    /** The key of {@code RETROVUE_SECRET_KEY} when set, else of {@code DATA_DIR/secret.key}; read on first need. */
    public static SecretBox of(Map<String, String> env, Path dataDir) {
        String variable = env.get("RETROVUE_SECRET_KEY");
        return new SecretBox(variable == null || variable.isBlank() ? null : variable.strip(), dataDir.resolve("secret.key"));
    }

    /** Whether a key is at hand without making one: {@code RETROVUE_SECRET_KEY} is set, or the key file exists. */
    boolean hasKey() {
        return variable != null || keyFile != null && Files.isRegularFile(keyFile);
    }

    /** Whether a stored value is sealed (else it was stored before secrets were, and is plain). */
    static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** {@code config} with the values of {@code kind}'s secret options encrypted (those already are stay as they are). */
    Map<String, Object> seal(SourceKind kind, Map<String, Object> config) {
        if (keyFile == null && variable == null || config == null || kind == null) {
            return config;
        }
        Map<String, Object> out = new LinkedHashMap<>(config);
        for (String key : Secrets.storedKeys(Secrets.declared(kind))) {
            if (out.get(key) instanceof String value && !value.startsWith(PREFIX)) {
                out.put(key, encrypt(value));
            }
        }
        return out;
    }

    /** {@code config} with every encrypted value decrypted, for the plugin; {@code source} names it in an error. */
    /**
     * The same, and any other top-level text in {@code config} equal to a secret option's value in {@code options}
     * (a plugin may keep a secret under a key of its own).
     */
    Map<String, Object> seal(SourceKind kind, Map<String, Object> config, Map<String, Object> options) {
        Map<String, Object> out = seal(kind, config);
        if (out == config || options == null) {
            return out;
        }
        java.util.Set<Object> secrets = new java.util.HashSet<>();
        for (OptionSpec option : kind.options()) {
            if (option.secret() && options.get(option.name()) instanceof String value && !value.isEmpty() && !value.startsWith(PREFIX)) {
                secrets.add(value);
            }
        }
        out.replaceAll((key, value) -> secrets.contains(value) ? encrypt((String) value) : value);
        return out;
    }

    Map<String, Object> open(Map<String, Object> config, String source) {
        if (config == null) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> out = new LinkedHashMap<>(config);
        for (Map.Entry<String, Object> entry : out.entrySet()) {
            if (entry.getValue() instanceof String value && value.startsWith(PREFIX)) {
                entry.setValue(decrypt(value, source));
            }
        }
        return out;
    }

    private String encrypt(String value) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(true), "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, all, 0, NONCE);
            System.arraycopy(sealed, 0, all, NONCE, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private String decrypt(String stored, String source) {
        byte[] key = keyFile == null && variable == null ? null : key(false);
        if (key == null) {
            throw cannotDecrypt(source, "no key: " + where() + " is not there");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw cannotDecrypt(source, "it was stored with another key than " + where());
        }
    }

    private RetrovueException cannotDecrypt(String source, String why) {
        return new RetrovueException(ErrorKind.EXTERNAL, "the secrets of source '" + source + "' cannot be decrypted (" + why + "); restore the key"
                + " they were stored with, or give them again: retrovue source update " + ShellWord.of(source) + " --token-file FILE");
    }

    private String where() {
        return variable != null ? "RETROVUE_SECRET_KEY" : keyFile.toString();
    }

    /** The key; made and written to the key file when {@code create} and there is none yet. */
    private synchronized byte[] key(boolean create) {
        if (key != null) {
            return key;
        }
        if (variable != null) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(variable);
            } catch (IllegalArgumentException e) {
                decoded = new byte[0];
            }
            if (decoded.length != 32) {
                throw new RetrovueException(ErrorKind.USAGE, "RETROVUE_SECRET_KEY must be the base64 of 32 bytes (make one with `head -c 32 /dev/urandom | base64`)");
            }
            return key = decoded;
        }
        try {
            if (Files.isRegularFile(keyFile)) {
                return key = readKeyFile();
            }
            if (!create) {
                return null;
            }
            Files.createDirectories(keyFile.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            byte[] made = new byte[32];
            RANDOM.nextBytes(made);
            try {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(made) + "\n");
                return key = made;
            } catch (FileAlreadyExistsException e) {
                return key = readKeyFile(); // another command made it first
            }
        } catch (IOException e) {
            throw new RetrovueException(ErrorKind.EXTERNAL, "the key file " + keyFile + " cannot be read or made: " + e.getMessage());
        }
    }

    private byte[] readKeyFile() throws IOException {
        try {
            byte[] decoded = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            if (decoded.length == 32) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new RetrovueException(ErrorKind.EXTERNAL, "the key file " + keyFile + " does not hold a key (the base64 of 32 bytes); restore it from a backup");
    }
}
