package app.retake.capture;

import java.util.Optional;
import java.util.function.Consumer;

/** A source of mono 16-bit audio: a sound card, or a file played in real time. */
public interface Microphone extends AutoCloseable {

    /** The device's name as the user would recognise it. */
    String name();

    /** Sample rate of the chunks delivered. */
    int sampleRate();

    /**
     * Starts capturing; chunks go to {@code sink} on the microphone's own thread, stamped with {@code clock}.
     * The sink must not block for long: hand chunks on through a bounded queue.
     */
    void start(CaptureClock clock, Consumer<AudioChunk> sink) throws DeviceException;

    /** Stops capturing and returns once the capture thread has ended; safe to call twice. */
    void stop();

    /** Why capture ended early (device unplugged, read error), if it did. */
    Optional<String> failure();

    @Override
    default void close() {
        stop();
    }
}
