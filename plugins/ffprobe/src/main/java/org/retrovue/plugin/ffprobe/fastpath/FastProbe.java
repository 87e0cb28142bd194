package org.retrovue.plugin.ffprobe.fastpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fast path of the ffprobe enricher: reads MP4/MOV/M4V (ISO base media) and Matroska/WebM headers in-process
 * and answers what ffprobe would, or says to ask ffprobe. Never throws for what a file contains.
 */
public final class FastProbe {
    /**
     * The most bytes read from one file. A file's header facts sit in its first few kilobytes (Matroska's Info and
     * Tracks, an MP4's moov minus the sample tables, which are skipped, not read); 1 MiB leaves room for large
     * codec headers and many tracks while capping what a hostile or odd file can cost: about a millisecond of I/O
     * and that much memory per probe. A file that needs more is ffprobe's.
     */
    public static final long READ_BUDGET = 1 << 20;

    private FastProbe() {}

    public static ProbeResult probe(Path file) {
        return probe(file, READ_BUDGET);
    }

    static ProbeResult probe(Path file, long budget) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return probe(new BoundedReader(channel, channel.size(), budget));
        } catch (IOException e) {
            return new ProbeResult.AskFfprobe("cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    static ProbeResult probe(BoundedReader in) {
        try {
            return new ProbeResult.Known(read(in));
        } catch (Decline d) {
            return new ProbeResult.AskFfprobe(d.getMessage());
        } catch (UncheckedIOException e) {
            return new ProbeResult.AskFfprobe("cannot read the file (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            // A field that runs past the box or element holding it: the header is malformed.
            return new ProbeResult.AskFfprobe("malformed header");
        }
    }

    private static MediaFacts read(BoundedReader in) {
        if (in.size() < 8) {
            throw new Decline(in.size() == 0 ? "empty file" : "too short for a media header");
        }
        ByteBuffer head = in.read(0, 8);
        if (head.getInt(0) == MatroskaReader.EBML) {
            return new MatroskaReader(in).read();
        }
        if (IsoBmffReader.startsTopLevel(head.getInt(4))) {
            return new IsoBmffReader(in).read();
        }
        throw new Decline("neither MP4/MOV nor Matroska/WebM");
    }
}
