package org.retrovue.spi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.EnrichmentContext;
import org.retrovue.spi.EnrichmentRequest;
import org.retrovue.spi.EnrichmentResult;
import org.retrovue.spi.MediaFacts;
import org.retrovue.spi.OptionSpec;
import org.retrovue.spi.OptionType;

/**
 * The enricher contract run against the well-behaved {@link FakeEnricher} and against enrichers broken on purpose,
 * one way each. {@link EnricherContractTest} runs them with JUnit's engine test kit; surefire leaves these nested
 * classes alone.
 */
final class EnricherFixtures {
    private EnricherFixtures() {}

    static final String SECRET = "key-0815-very-secret";

    /** A fake media file as the good file; short limits, so that the broken ones fail fast. */
    abstract static class FakeContract extends EnricherContract {
        @TempDir
        Path media;

        @Override
        protected Path goodFile() {
            try {
                return Files.writeString(media.resolve("Pilot.mkv"), FakeEnricher.MAGIC + "1500\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected Duration timeLimit() {
            return Duration.ofSeconds(2);
        }

        @Override
        protected Duration grace() {
            return Duration.ofMillis(500);
        }
    }

    static final class WellBehaved extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher();
        }
    }

    /**
     * Runs a helper process for each file (200 ms of `sleep`), and ends it at the deadline, on a cancel, and before
     * returning. Starting a process may take a while on a busy machine: its grace is the default.
     */
    static final class WellBehavedWithAProcess extends FakeContract {
        @Override
        protected Duration grace() {
            return Duration.ofSeconds(2);
        }

        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                EnrichmentResult read(Path path, EnrichmentContext context) throws IOException {
                    Process helper = new ProcessBuilder("sleep", "0.2").start();
                    try {
                        while (!helper.waitFor(10, TimeUnit.MILLISECONDS)) {
                            if (context.cancelled() || !context.remaining().isPositive()) {
                                return new EnrichmentResult.Failed(context.cancelled() ? "cancelled" : "timed out");
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new EnrichmentResult.Failed("cancelled");
                    } finally {
                        helper.destroyForcibly();
                        try {
                            helper.waitFor(1, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return super.read(path, context);
                }
            };
        }
    }

    /** Its tool is missing: it says so, and declines every file. */
    static final class Unavailable extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public Optional<String> unavailable() {
                    return Optional.of("fake-tool is not installed: install fake-tool");
                }

                @Override
                public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                    return new EnrichmentResult.Declined("waits for fake-tool: not installed");
                }
            };
        }
    }

    /** Declines every file, though unavailable() says it can run. */
    static final class DeclinesThoughAvailable extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                    return new EnrichmentResult.Declined("not now");
                }
            };
        }
    }

    static final class BadId extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public String id() {
                    return "Fake_Media";
                }
            };
        }
    }

    static final class DescriptionOnTwoLines extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public String description() {
                    return "Durations of fake media files.\nSlow.";
                }
            };
        }
    }

    static final class BlankVersion extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public String version() {
                    return " ";
                }
            };
        }
    }

    static final class WrongSpiMajor extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public int spiMajorVersion() {
                    return 2;
                }
            };
        }
    }

    /** Declares an option twice, and an INTEGER option whose default is no number. */
    static final class BadOptions extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public List<OptionSpec> options() {
                    return List.of(OptionSpec.optional("window", OptionType.INTEGER, "Seconds read").withDefault("ten"));
                }
            };
        }
    }

    /** unavailable() looks for its tool by running it, which here never answers. */
    static final class SlowUnavailable extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public Optional<String> unavailable() {
                    FakeEnricher.sleep(Duration.ofHours(1).toMillis());
                    return Optional.empty();
                }
            };
        }
    }

    static final class UnavailableOnTwoLines extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public Optional<String> unavailable() {
                    return Optional.of("fake-tool is not installed.\nInstall fake-tool.");
                }
            };
        }
    }

    /** Throws for what a file holds (a zero-byte file, text where a number was expected, a missing file). */
    static final class Throws extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                    try {
                        String text = Files.readString(request.path());
                        if (text.isEmpty()) {
                            throw new IllegalStateException("empty file");
                        }
                        return new EnrichmentResult.Filled(new MediaFacts("fake", Long.parseLong(text.substring(FakeEnricher.MAGIC.length()).strip()),
                                null, List.of(), List.of(), List.of(), null, null));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    }

    /** Fills every file, media or not. */
    static final class FillsBadFiles extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                EnrichmentResult read(Path path, EnrichmentContext context) throws IOException {
                    return new EnrichmentResult.Filled(MediaFacts.NONE);
                }
            };
        }
    }

    /** Its failures say what went wrong on two lines. */
    static final class MultiLineReasons extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                EnrichmentResult read(Path path, EnrichmentContext context) throws IOException {
                    return super.read(path, context) instanceof EnrichmentResult.Failed(String reason)
                            ? new EnrichmentResult.Failed(reason + ":\n" + Files.readString(path).lines().findFirst().orElse("(empty)"))
                            : super.read(path, context);
                }
            };
        }
    }

    /** Its failures are what the exception said: the exception's class name, as a stack trace starts. */
    static final class StackTraceInReasons extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                    try {
                        return read(request.path(), context);
                    } catch (IOException e) {
                        return new EnrichmentResult.Failed(e.toString());
                    }
                }
            };
        }
    }

    /** Has a secret option (an API key) and names it in its failures. */
    static final class SecretInReasons extends FakeContract {
        @Override
        protected Map<String, String> options() {
            return Map.of("api-key", SECRET);
        }

        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public List<OptionSpec> options() {
                    return List.of(OptionSpec.secret("api-key", "The key of the fake media service"));
                }

                @Override
                EnrichmentResult read(Path path, EnrichmentContext context) throws IOException {
                    EnrichmentResult result = super.read(path, context);
                    return result instanceof EnrichmentResult.Failed(String reason)
                            ? new EnrichmentResult.Failed(reason + " (asked with key " + context.options().get("api-key") + ")") : result;
                }
            };
        }
    }

    /** Takes 1.2 s over a media file and never looks at its deadline (it stops when interrupted). */
    static final class IgnoresTheDeadline extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                    try {
                        if (FakeEnricher.isMedia(request.path()) && !FakeEnricher.sleep(1200)) {
                            return new EnrichmentResult.Failed("cancelled");
                        }
                        return read(request.path(), context);
                    } catch (IOException e) {
                        return new EnrichmentResult.Failed("cannot be read");
                    }
                }
            };
        }
    }

    /** Takes 1.2 s over a media file, checking its deadline but deaf to interrupts and cancels. */
    static final class IgnoresACancel extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                    try {
                        if (FakeEnricher.isMedia(request.path())) {
                            Instant done = Instant.now().plusMillis(1200);
                            while (Instant.now().isBefore(done)) {
                                if (!context.remaining().isPositive()) {
                                    return new EnrichmentResult.Failed("timed out");
                                }
                                Thread.interrupted(); // swallowed
                                FakeEnricher.sleep(10);
                            }
                        }
                        return read(request.path(), context);
                    } catch (IOException e) {
                        return new EnrichmentResult.Failed("cannot be read");
                    }
                }
            };
        }
    }

    /** Never answers for a media file: deaf to its deadline and to interrupts (it gives up after 5 s, so the test's threads end). */
    static final class Hangs extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                public EnrichmentResult enrich(EnrichmentRequest request, EnrichmentContext context) {
                    try {
                        if (FakeEnricher.isMedia(request.path())) {
                            Instant giveUp = Instant.now().plusSeconds(5);
                            while (Instant.now().isBefore(giveUp)) {
                                Thread.interrupted();
                                FakeEnricher.sleep(50);
                            }
                        }
                        return read(request.path(), context);
                    } catch (IOException e) {
                        return new EnrichmentResult.Failed("cannot be read");
                    }
                }
            };
        }

        @Override
        protected Duration timeLimit() {
            return Duration.ofSeconds(1);
        }
    }

    /** Starts a helper process for each file and leaves it running. */
    static final class LeavesAProcess extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                @Override
                EnrichmentResult read(Path path, EnrichmentContext context) throws IOException {
                    new ProcessBuilder("sleep", "30").start();
                    return super.read(path, context);
                }
            };
        }
    }

    /** Keeps the file's text in a field between reading and parsing it: two calls at once mix their files. */
    static final class NotThreadSafe extends FakeContract {
        @Override
        protected Enricher enricher() {
            return new FakeEnricher() {
                private final StringBuilder scratch = new StringBuilder();

                @Override
                EnrichmentResult read(Path path, EnrichmentContext context) throws IOException {
                    scratch.setLength(0);
                    scratch.append(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
                    FakeEnricher.sleep(30);
                    return FakeEnricher.facts(scratch.toString()).<EnrichmentResult>map(EnrichmentResult.Filled::new)
                            .orElse(new EnrichmentResult.Failed("not a fake media file"));
                }
            };
        }
    }
}
