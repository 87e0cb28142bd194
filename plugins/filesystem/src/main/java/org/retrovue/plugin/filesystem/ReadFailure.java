package org.retrovue.plugin.filesystem;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The warnings of both walks for what could not be read: what happened in words, then the path relative to the
 * collection root. An operator reads "permission denied: Private", not the name of the exception that said so.
 */
final class ReadFailure {
    private ReadFailure() {}

    /** {@code noun} is what {@code relative} was ("file", "folder"); {@code relative} is "" for the collection root. */
    static String warning(IOException e, String relative, String noun) {
        return reason(e, noun) + ": " + (relative.isEmpty() ? "the collection root" : relative);
    }

    /** A link the walk was asked to follow that does not lead to a file or folder. */
    static String unfollowable(IOException e, String relative) {
        if (e instanceof NoSuchFileException) {
            return "skipped a symbolic link that leads to nothing: " + relative;
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : null;
        if (reason != null && reason.startsWith("Too many levels of symbolic links")) { // ELOOP, as the JDK words it
            return "skipped a symbolic link that never reaches a file (a loop of links): " + relative;
        }
        return e instanceof AccessDeniedException ? warning(e, relative, "symbolic link")
                : "skipped a symbolic link that cannot be followed" + detail(e) + ": " + relative;
    }

    /** A folder not entered again because it is above itself: following it would never end. */
    static String loop(String relative) {
        return "not following a symbolic link that loops back to a folder above it: " + relative;
    }

    private static String reason(IOException e, String noun) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException gone -> noun + " vanished during the scan";
            case NotDirectoryException replaced -> "no longer a folder";
            case FileSystemLoopException loop -> "a symbolic link that loops back to a folder above it";
            default -> "cannot read" + detail(e);
        };
    }

    /** " (the system's words)", or "" when it gave none; a FileSystemException's message would repeat the path. */
    private static String detail(IOException e) {
        String detail = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")";
    }
}
