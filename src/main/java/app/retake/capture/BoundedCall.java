package app.retake.capture;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a device call that may block for good (a driver stuck in native code) on a throwaway daemon thread, so the
 * caller waits at most a limit. Such a call cannot be cancelled, only abandoned; what it produces after the caller
 * gave up goes to a clean-up step, so a camera that opens too late does not stay open with nobody using it.
 */
final class BoundedCall {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedCall.class);

    private BoundedCall() {
    }

    /**
     * Runs {@code work}, waiting up to {@code limit}.
     *
     * @param lateResult receives the result if it arrives after the caller gave up
     * @throws TimeoutException   the limit passed; the work goes on in the background
     * @throws ExecutionException the work failed; the cause is what it threw
     */
    static <T> T run(String threadName, Duration limit, Callable<T> work, Consumer<? super T> lateResult)
            throws TimeoutException, ExecutionException, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            T value;
            try {
                value = work.call();
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return;
            }
            if (!result.complete(value)) {
                cleanUp(threadName, lateResult, value);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            // Whoever completes the future first decides: the work (the result is ours after all) or the caller
            // (the work's result, if it ever comes, is cleaned up on its own thread).
            if (result.cancel(false)) {
                throw e;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return result.get();
        }
    }

    private static <T> void cleanUp(String threadName, Consumer<? super T> lateResult, T value) {
        try {
            lateResult.accept(value);
        } catch (RuntimeException e) {
            LOG.warn("Cleaning up after the abandoned {} failed", threadName, e);
        }
    }
}
