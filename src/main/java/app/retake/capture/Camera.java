package app.retake.capture;

import java.util.Optional;
import java.util.function.Consumer;

/** A source of video frames: a webcam, a generated test pattern, or a video file. */
public interface Camera extends AutoCloseable {

    String name();

    Resolution size();

    /** Frames per second it delivers. */
    double fps();

    /**
     * Starts capturing; frames go to {@code sink} on the camera's own thread, stamped with {@code clock}.
     * The sink must not block for long: hand frames on through a bounded queue.
     */
    void start(CaptureClock clock, Consumer<VideoFrame> sink) throws DeviceException;

    /** Stops capturing and returns once the capture thread has ended; safe to call twice. */
    void stop();

    /** Frames delivered to the sink so far. */
    long framesCaptured();

    /** Why capture ended early (camera unplugged, decode error), if it did. */
    Optional<String> failure();

    @Override
    default void close() {
        stop();
    }
}
