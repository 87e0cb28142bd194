package org.retrovue.plugin.ffprobe.fastpath;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** EBML (RFC 8794) elements in memory: variable-length IDs and sizes, and the value types Matroska uses. */
final class Ebml {
    static final long UNKNOWN_SIZE = -1;
    /** Elements listed from one master; a Tracks element of 64 KB holds far fewer. */
    private static final int MAX_CHILDREN = 4096;

    private Ebml() {}

    record Element(int id, ByteBuffer body) {}

    /** The element header at {@code position}: {id, header length, size (or {@link #UNKNOWN_SIZE})}. */
    static long[] header(ByteBuffer buffer, int position) {
        int first = buffer.get(position) & 0xFF;
        int idLength = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || idLength > 4) {
            throw new Decline("malformed EBML element ID");
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (buffer.get(position + i) & 0xFF);
        }
        int sizeFirst = buffer.get(position + idLength) & 0xFF;
        int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
        if (sizeFirst == 0) {
            throw new Decline("malformed EBML element size");
        }
        long size = sizeFirst & (0xFF >> sizeLength);
        boolean allOnes = size == (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int b = buffer.get(position + idLength + i) & 0xFF;
            allOnes &= b == 0xFF;
            size = (size << 8) | b;
        }
        return new long[] {id, idLength + sizeLength, allOnes ? UNKNOWN_SIZE : size};
    }

    /** The children of a master element held in memory; each must fit inside it. */
    static List<Element> children(ByteBuffer master) {
        List<Element> found = new ArrayList<>();
        int position = 0;
        while (position < master.limit()) {
            if (found.size() >= MAX_CHILDREN) {
                throw new Decline("more than " + MAX_CHILDREN + " elements in one master element");
            }
            long[] header = header(master, position);
            long size = header[2];
            int body = position + (int) header[1];
            if (size == UNKNOWN_SIZE || size > master.limit() - body) {
                throw new Decline("EBML element runs past its parent");
            }
            found.add(new Element((int) header[0], master.slice(body, (int) size)));
            position = body + (int) size;
        }
        return found;
    }

    static long uint(ByteBuffer body) {
        if (body.limit() > 8) {
            throw new Decline("EBML integer longer than 8 bytes");
        }
        long value = 0;
        for (int i = 0; i < body.limit(); i++) {
            value = (value << 8) | (body.get(i) & 0xFF);
        }
        return value;
    }

    static double floating(ByteBuffer body) {
        return switch (body.limit()) {
            case 0 -> 0;
            case 4 -> body.getFloat(0);
            case 8 -> body.getDouble(0);
            default -> throw new Decline("EBML float of " + body.limit() + " bytes");
        };
    }

    /** A string element, cut at its first NUL (EBML pads with them). */
    static String string(ByteBuffer body) {
        int end = 0;
        while (end < body.limit() && body.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end];
        body.get(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
