package app.retake.capture;

import java.util.function.LongSupplier;

/** A clock that only moves when told to or when something sleeps on it, so pacing can be checked exactly. */
final class FakeTime implements LongSupplier, FramePacer.Sleeper {

    static final long START = 7_000_000_000L;

    private long now = START;
    private long slept;

    @Override
    public synchronized long getAsLong() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) {
        now += nanos;
        slept += nanos;
    }

    synchronized void advance(long nanos) {
        now += nanos;
    }

    /** Time spent sleeping so far, as opposed to time passed by {@link #advance}. */
    synchronized long slept() {
        return slept;
    }

    synchronized long elapsed() {
        return now - START;
    }
}
