package app.retake.capture;

/** Monotonic time, in nanoseconds, shared by every source of one take so audio and video timestamps agree. */
@FunctionalInterface
public interface CaptureClock {

    long nanos();

    /** The system's monotonic clock. */
    static CaptureClock system() {
        return System::nanoTime;
    }
}
