package app.retake.capture;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Waits for something a capture thread will do; the bound is generous and only stops a broken test hanging. */
final class Waiting {

    private static final long PATIENCE_NANOS = 20_000_000_000L;

    private Waiting() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
