package org.retrovue.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code DATA/postmaster.pid} says, and whether the process it names is really our cluster's live postmaster
 * (read from {@code /proc}): a pid file left by a crash may name nothing, a zombie, or by now an unrelated process.
 */
record Postmaster(long pid, int port, OptionalInt sharedMemoryId) {

    static Optional<Postmaster> read(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            OptionalInt shmid = OptionalInt.empty();
            if (lines.size() > 6) {
                String[] keyAndId = lines.get(6).trim().split("\\s+");
                if (keyAndId.length == 2) {
                    shmid = OptionalInt.of(Integer.parseInt(keyAndId[1]));
                }
            }
            return Optional.of(new Postmaster(pid, port, shmid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the named process runs, is no zombie, and is the postgres server of {@code dataDir}. */
    boolean servesCluster(Path dataDir) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
            int afterName = stat.lastIndexOf(')');
            if (afterName < 0 || afterName + 2 >= stat.length() || "ZX".indexOf(stat.charAt(afterName + 2)) >= 0) {
                return false;
            }
            List<String> args = List.of(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8).split("\0"));
            int d = args.indexOf("-D");
            return !args.isEmpty() && args.getFirst().endsWith("postgres") && d >= 0 && d + 1 < args.size()
                    && Path.of(args.get(d + 1)).toAbsolutePath().normalize().equals(dataDir);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether processes of the old server (its backends outlive a killed postmaster for a moment) are still
     * attached to its shared memory: starting a new server over them would corrupt the cluster.
     */
    boolean sharedMemoryInUse() {
        if (sharedMemoryId.isEmpty()) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/sysvipc/shm"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 6 && f[1].equals(Integer.toString(sharedMemoryId.getAsInt()))) {
                    return Long.parseLong(f[6]) > 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
