package org.retrovue.spi.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A plugin call on a thread of its own, waited for at most a limit as RetroVue waits; a call still running then is interrupted. */
final class Bounded {
    private Bounded() {}

    /**
     * The call's answer; what it threw comes as the ExecutionException's cause. A call that outlives {@code limit}
     * fails the check with "WHAT did not answer within N ms" and {@code advice}.
     */
    static <T> T call(String what, Duration limit, String advice, Callable<T> call) throws ExecutionException {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = Thread.ofPlatform().daemon().name("testkit " + what).start(task);
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError(what + " did not answer within " + limit.toMillis() + " ms" + advice);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
