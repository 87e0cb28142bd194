package org.retrovue.plugin.ffprobe;

import java.nio.file.Path;
import org.retrovue.spi.Enricher;
import org.retrovue.spi.testkit.EnricherContract;

/**
 * The testkit's enricher contract against the ffprobe enricher, on the class path. The good file is an MP4 the fast
 * path reads; the contract's bad files (zero-byte, text, missing, all named .mp4) go to the real ffprobe where it is
 * installed, so its deadline, cancel and no-process-left checks run a real probe (and are declined where it is not).
 */
class FfprobeContractTest extends EnricherContract {
    @Override
    protected Enricher enricher() {
        return new FfprobeEnricher();
    }

    @Override
    protected Path goodFile() {
        return FfprobeEnricherTest.MEDIA.resolve("h264-aac-faststart.mp4");
    }
}
