package org.retrovue.plugin.ffprobe;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.retrovue.spi.Enricher;

/**
 * The real-tool tests need ffprobe or ffmpeg: without them each test is skipped with the reason (the README's test
 * command passes on a machine without ffmpeg), unless {@code RETROVUE_TEST_REQUIRE_FFMPEG=1} (set by {@code .ci/run}
 * on CI, which installs them), where a missing tool fails the test instead of letting CI skip it unseen.
 */
final class RealTools {
    static final String REQUIRE = "RETROVUE_TEST_REQUIRE_FFMPEG";

    private RealTools() {}

    /** Called per test, so that each shows as skipped with the reason (a class-level assumption is reported as nothing run). */
    static void need(Enricher enricher) {
        if ("1".equals(System.getenv(REQUIRE))) {
            assertTrue(enricher.unavailable().isEmpty(), () -> REQUIRE + "=1, but " + enricher.unavailable().orElseThrow());
        } else {
            assumeTrue(enricher.unavailable().isEmpty(), () -> "skipped: " + enricher.unavailable().orElseThrow());
        }
    }
}
