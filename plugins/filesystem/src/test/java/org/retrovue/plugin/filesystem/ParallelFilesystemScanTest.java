package org.retrovue.plugin.filesystem;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.retrovue.spi.SourceContext;

/** Every scan test again, with three threads lent, as the program lends them: the parallel walk finds the same. */
class ParallelFilesystemScanTest extends FilesystemScanTest {
    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Override
    SourceContext context() {
        return new SourceContext() {
            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public System.Logger logger() {
                return System.getLogger("test");
            }

            @Override
            public int parallelism() {
                return 3;
            }

            @Override
            public Executor executor() {
                return workers;
            }
        };
    }
}
