package org.retrovue.plugin.ffprobe;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where one of ffmpeg's programs is: the enricher's option naming it, else its environment variable, else the
 * program on {@code PATH}. A path given explicitly that is not an executable file is an error of its own (never a
 * silent fall-back to another copy). Both programs come with Debian's ffmpeg package.
 */
final class ToolLocator {
    /** ffprobe, for the {@code ffprobe} enricher: its option {@code ffprobe}, {@code RETROVUE_FFPROBE}. */
    static final String FFPROBE_ENV = "RETROVUE_FFPROBE";
    /** ffmpeg, for the {@code loudness} enricher: its option {@code ffmpeg}, {@code RETROVUE_FFMPEG}. */
    static final String FFMPEG_ENV = "RETROVUE_FFMPEG";

    /** Where the program is, or why it cannot be run. */
    sealed interface Found {
        record At(Path program) implements Found {}

        record Missing(String reason) implements Found {}
    }

    private final String program;
    private final String env;
    private final UnaryOperator<String> environment;

    /** {@code program} as on PATH ({@code ffprobe}), also the name of the enricher's option naming it; {@code env} the variable. */
    ToolLocator(String program, String env, UnaryOperator<String> environment) {
        this.program = program;
        this.env = env;
        this.environment = environment;
    }

    static ToolLocator ffprobe(UnaryOperator<String> environment) {
        return new ToolLocator("ffprobe", FFPROBE_ENV, environment);
    }

    static ToolLocator ffmpeg(UnaryOperator<String> environment) {
        return new ToolLocator("ffmpeg", FFMPEG_ENV, environment);
    }

    String env() {
        return env;
    }

    String notInstalled() {
        return program + " is not installed: install Debian's ffmpeg package or set " + env;
    }

    Found find(String option) {
        if (option != null && !option.isBlank()) {
            return explicit(option, "the " + program + " option");
        }
        String given = environment.apply(env);
        if (given != null && !given.isBlank()) {
            return explicit(given, env);
        }
        String path = environment.apply("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                try {
                    Path candidate = Path.of(dir, program);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return new Found.At(candidate);
                    }
                } catch (InvalidPathException e) {
                    // a PATH entry that is no path: not where the program is
                }
            }
        }
        return new Found.Missing(notInstalled());
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
