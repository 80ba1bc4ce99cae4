package app.retake.capture;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Hands out frame slots at a fixed rate: slot {@code n} is due at {@code start + n / fps}.
 *
 * <p>Every slot is measured from the same start rather than from the previous frame, so sleep overshoot never
 * adds up into drift. A caller that comes back late gets the slot of the current moment at once; the slots it
 * missed are skipped and counted, never delivered as a burst, which is what a real camera does when a reader
 * falls behind. Not thread-safe: one reader paces one stream.
 */
final class FramePacer {

    /** Waits out a stretch of time; tests pass one that only moves a fake clock forward. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** Sleeps the calling thread. */
    static final Sleeper THREAD_SLEEP = TimeUnit.NANOSECONDS::sleep;

    private final double fps;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private boolean started;
    private long start;
    private long next;
    private long skipped;

    FramePacer(double fps, LongSupplier clock, Sleeper sleeper) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("frame rate must be positive: " + fps);
        }
        this.fps = fps;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A pacer on the system's monotonic clock. */
    static FramePacer realTime(double fps) {
        return new FramePacer(fps, System::nanoTime, THREAD_SLEEP);
    }

    /**
     * Waits until the next slot is due and returns its number. The first call starts the schedule and returns
     * slot 0 at once.
     */
    long awaitSlot() throws InterruptedException {
        long now = clock.getAsLong();
        if (!started) {
            started = true;
            start = now;
            next = 1;
            return 0;
        }
        long due = dueNanos(next);
        // A sleep may end early (or a fake sleeper may move time in small steps), so check the clock again.
        while (now < due) {
            sleeper.sleepNanos(due - now);
            now = clock.getAsLong();
        }
        long current = slotAt(now);
        if (current > next) {
            skipped += current - next;
            next = current;
        }
        return next++;
    }

    /** Clock time slot {@code slot} is due; only meaningful once the schedule has started. */
    long dueNanos(long slot) {
        return start + Math.round(slot * 1e9 / fps);
    }

    /** Slots passed over because the caller came back late. */
    long skippedSlots() {
        return skipped;
    }

    double fps() {
        return fps;
    }

    private long slotAt(long now) {
        return (long) Math.floor((now - start) * fps / 1e9);
    }
}
