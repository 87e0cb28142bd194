package org.retrovue.plugin.ffprobe;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where ffprobe is: the enricher's {@code ffprobe} option, else {@code RETROVUE_FFPROBE}, else {@code ffprobe} on
 * {@code PATH}. A path given explicitly that is not an executable file is an error of its own (never a silent
 * fall-back to another ffprobe).
 */
final class FfprobeLocator {
    static final String ENV = "RETROVUE_FFPROBE";
    static final String NOT_INSTALLED = "ffprobe is not installed: install Debian's ffmpeg package or set " + ENV;

    /** Where ffprobe is, or why it cannot be run. */
    sealed interface Found {
        record At(Path program) implements Found {}

        record Missing(String reason) implements Found {}
    }

    private final UnaryOperator<String> environment;

    FfprobeLocator(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    Found find(String option) {
        if (option != null && !option.isBlank()) {
            return explicit(option, "the ffprobe option");
        }
        String env = environment.apply(ENV);
        if (env != null && !env.isBlank()) {
            return explicit(env, ENV);
        }
        String path = environment.apply("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                try {
                    Path candidate = Path.of(dir, "ffprobe");
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return new Found.At(candidate);
                    }
                } catch (InvalidPathException e) {
                    // a PATH entry that is no path: not where ffprobe is
                }
            }
        }
        return new Found.Missing(NOT_INSTALLED);
    }

    Optional<String> unavailable() {
        return find(null) instanceof Found.Missing(String reason) ? Optional.of(reason) : Optional.empty();
    }

    private static Found explicit(String given, String where) {
        try {
            Path program = Path.of(given);
            if (Files.isRegularFile(program) && Files.isExecutable(program)) {
                return new Found.At(program);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        return new Found.Missing(where + " names " + given + ", which is not an executable file; install Debian's ffmpeg package or correct it");
    }
}
