package org.retrovue.pg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.tukaani.xz.XZInputStream;

/** Unpacks a ustar archive compressed with xz: regular files, directories and symbolic links. */
final class TarXzExtractor {
    private static final int BLOCK = 512;

    private TarXzExtractor() {}

    static void extract(InputStream compressed, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new XZInputStream(new BufferedInputStream(compressed, 1 << 16)), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && !isZero(header)) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String linkName = field(header, 157, 100);
                Path path = root.resolve(name).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry escapes the target directory: " + name);
                }
                switch (type) {
                    case '5' -> Files.createDirectories(path);
                    case '2' -> {
                        Files.createDirectories(path.getParent());
                        Files.deleteIfExists(path);
                        Files.createSymbolicLink(path, Path.of(linkName));
                    }
                    case '0', '\0' -> {
                        Files.createDirectories(path.getParent());
                        try (OutputStream out = Files.newOutputStream(path)) {
                            copy(in, out, size);
                        }
                        Files.setPosixFilePermissions(path, permissions(mode));
                    }
                    default -> copy(in, OutputStream.nullOutputStream(), size);
                }
                long padding = (BLOCK - size % BLOCK) % BLOCK;
                if (type != '5' && type != '2') {
                    in.skipNBytes(padding);
                }
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("archive is truncated");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        set.add(PosixFilePermission.OWNER_WRITE);
        return set;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String text = field(header, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }
}
