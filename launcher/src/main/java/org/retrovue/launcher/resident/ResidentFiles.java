package org.retrovue.launcher.resident;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The resident process's files under {@code DATA_DIR/resident/} (a folder only its owner can enter): {@code lock},
 * held by the live process for its whole life; {@code state}, one line {@code PORT SECRET BUILD PID FD DIGEST} that
 * {@code bin/retrovue} reads with the shell's {@code read}; and {@code log}, its output. {@code FD} is the process's
 * file descriptor of its listening socket (the client checks that {@code /proc/PID/fd/FD} is the socket listening on
 * the port), {@code DIGEST} the {@link EnvironmentDigest} of the environment it serves.
 */
final class ResidentFiles {
    /** What the state file says. */
    record State(int port, String secret, String build, long pid, String fd, String digest) {
        String line() {
            return port + " " + secret + " " + build + " " + pid + " " + fd + " " + digest + "\n";
        }
    }

    private final Path folder;

    ResidentFiles(Path dataDir) {
        this.folder = dataDir.resolve("resident");
    }

    Path folder() {
        return folder;
    }

    Path log() {
        return folder.resolve("log");
    }

    Path state() {
        return folder.resolve("state");
    }

    void createFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first
            }
        }
    }

    /** Takes the lock that marks the live resident process, or returns empty when another process holds it. */
    Optional<FileLock> lock() throws IOException {
        createFolder();
        FileChannel channel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(lock);
    }

    /** Whether a resident process is alive for this data directory (it holds the lock). */
    boolean alive() {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            Optional<FileLock> lock = lock();
            if (lock.isPresent()) {
                lock.get().channel().close();
                return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the folder is safe to put the secret in: a directory (not a link) of this process's user that no one
     * else can enter, as {@link #createFolder()} makes it. A folder made by someone else (in a data directory another
     * user controls) is not used: the resident process then does not start.
     */
    boolean safe() {
        try {
            java.nio.file.attribute.PosixFileAttributes attributes = Files.readAttributes(folder,
                    java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            String me = Files.getOwner(Path.of("/proc/self/")).getName(); // this process's user
            return attributes.isDirectory() && attributes.owner().getName().equals(me)
                    && PosixFilePermissions.toString(attributes.permissions()).endsWith("------");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    Optional<State> readState() {
        try {
            String[] parts = Files.readString(state(), StandardCharsets.US_ASCII).strip().split(" ");
            return Optional.of(new State(Integer.parseInt(parts[0]), parts[1], parts[2], Long.parseLong(parts[3]), parts[4], parts[5]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Written whole (to a temporary file, then moved), readable by its owner only: it holds the secret. */
    void writeState(State state) throws IOException {
        Path temporary = Files.createTempFile(folder, "state", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, state.line(), StandardCharsets.US_ASCII);
        Files.move(temporary, state(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void deleteState() {
        try {
            Files.deleteIfExists(state());
        } catch (IOException ignored) {
            // a stale state file only sends the next client to a closed port, which then runs in-process
        }
    }
}
