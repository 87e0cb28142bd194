package org.retrovue.plugin.ffprobe.fastpath;

/**
 * Thrown inside the readers when a file cannot be read with certainty; {@link FastProbe} turns it into
 * {@link ProbeResult.AskFfprobe}. It never leaves this package. No stack trace: it is a verdict, not a bug, and
 * hostile files may raise it often.
 */
final class Decline extends RuntimeException {
    Decline(String reason) {
        super(reason, null, false, false);
    }
}
