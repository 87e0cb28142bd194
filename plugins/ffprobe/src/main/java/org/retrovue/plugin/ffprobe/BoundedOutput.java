package org.retrovue.plugin.ffprobe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a program wrote, kept bounded: its first {@code headLimit} bytes and its last {@code tailLimit} bytes; what
 * lies between is read and dropped, so a hostile file that makes ffmpeg complain without end costs no memory.
 * ffprobe's answer is at the head; ffmpeg's loudness summary and last complaint are at the tail.
 */
final class BoundedOutput {
    private final int headLimit;
    private byte[] head = new byte[0];
    private int headSize;
    private final byte[] tail;
    private long tailWritten;
    private long total;

    BoundedOutput(int headLimit, int tailLimit) {
        this.headLimit = headLimit;
        this.tail = new byte[tailLimit];
    }

    /** Called by one reader thread at a time. */
    synchronized void write(byte[] bytes, int length) {
        total += length;
        int offset = 0;
        if (headSize < headLimit) {
            int n = Math.min(headLimit - headSize, length);
            if (headSize + n > head.length) {
                head = Arrays.copyOf(head, (int) Math.min(headLimit, Math.max(headSize + n, 2L * head.length + 8192)));
            }
            System.arraycopy(bytes, 0, head, headSize, n);
            headSize += n;
            offset = n;
        }
        if (tail.length == 0) {
            return;
        }
        for (int i = offset; i < length; i++) {
            tail[(int) (tailWritten++ % tail.length)] = bytes[i];
        }
    }

    /** Whether bytes were dropped (between the head and the tail, or after the head when no tail is kept). */
    synchronized boolean truncated() {
        return total > headSize + Math.min(tailWritten, tail.length);
    }

    /** The head, then the tail (a line break between when bytes were dropped between them), as UTF-8. */
    synchronized String text() {
        byte[] kept = Arrays.copyOf(head, headSize);
        String text = new String(kept, StandardCharsets.UTF_8);
        if (tailWritten == 0) {
            return text;
        }
        int size = (int) Math.min(tailWritten, tail.length);
        byte[] last = new byte[size];
        int start = (int) ((tailWritten - size) % tail.length);
        for (int i = 0; i < size; i++) {
            last[i] = tail[(start + i) % tail.length];
        }
        return text + (tailWritten > tail.length ? "\n" : "") + new String(last, StandardCharsets.UTF_8);
    }
}
