package org.retrovue.plugin.ffprobe.fastpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads from one file with a budget: at most {@code budget} bytes are ever read from disk, whatever the
 * file claims, so a hostile file costs bounded time and memory. Reads are served from a window (the first one is
 * {@value #FIRST_WINDOW} bytes, which holds the whole header of most files) to keep system calls few.
 */
final class BoundedReader {
    static final int FIRST_WINDOW = 16 * 1024;
    static final int LATER_WINDOW = 4 * 1024;

    private final FileChannel channel;
    private final long size;
    private final long budget;
    private long bytesRead;
    private ByteBuffer window = ByteBuffer.allocate(0);
    private long windowStart;

    BoundedReader(FileChannel channel, long size, long budget) {
        this.channel = channel;
        this.size = size;
        this.budget = budget;
    }

    long size() {
        return size;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** {@code length} bytes at {@code position}, big-endian, as a buffer of its own; declines past the end of file. */
    ByteBuffer read(long position, int length) {
        if (position < 0 || length < 0 || position > size || length > size - position) {
            throw new Decline("file ends before the " + length + " bytes at offset " + position);
        }
        if (position < windowStart || position + length > windowStart + window.limit()) {
            fill(position, length);
        }
        int from = (int) (position - windowStart);
        return window.slice(from, length).order(java.nio.ByteOrder.BIG_ENDIAN);
    }

    private void fill(long position, int length) {
        int want = (int) Math.min(Math.max(length, bytesRead == 0 ? FIRST_WINDOW : LATER_WINDOW), size - position);
        if (bytesRead + want > budget) {
            want = length;
            if (bytesRead + want > budget) {
                throw new Decline("header larger than the fast path reads (" + budget + " bytes)");
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(want);
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    throw new Decline("file shorter than its size");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytesRead += want;
        buffer.flip();
        window = buffer;
        windowStart = position;
    }
}
