package org.retrovue.plugin.filesystem;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.retrovue.spi.SourceContext;
import org.retrovue.spi.testkit.SourceKindContract;

/** Every scan test again, with three threads lent, as the program lends them: the parallel walk finds the same. */
class ParallelFilesystemScanTest extends FilesystemScanTest {
    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Override
    SourceContext context() {
        return SourceKindContract.testContext(3, workers);
    }
}
