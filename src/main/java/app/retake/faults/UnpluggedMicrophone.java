package app.retake.faults;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import app.retake.capture.AudioChunk;
import app.retake.capture.CaptureClock;
import app.retake.capture.DeviceException;
import app.retake.capture.FileMicrophone;
import app.retake.capture.Microphone;

/**
 * A microphone that is pulled out after a number of 20 ms chunks: it stops sending sound and says so, as Retake's
 * sound-card microphone does, and from then on it cannot be started again, failing the way a sound card that is
 * gone fails. The sound is a voice-like tone from a WAV file, played in real time by Retake's file microphone.
 */
final class UnpluggedMicrophone implements Microphone {

    private final String name;
    private final FileMicrophone sound;
    private final int chunks;
    private final AtomicBoolean unplugged;
    private final AtomicInteger delivered = new AtomicInteger();
    private volatile String failure;

    /**
     * @param voice     a WAV file to play as what it hears
     * @param chunks    how many chunks it delivers before it is pulled out; {@link Integer#MAX_VALUE} for never
     * @param unplugged set once it is pulled out; shared with whoever would open it again
     */
    UnpluggedMicrophone(String name, Path voice, int chunks, AtomicBoolean unplugged) throws DeviceException {
        this.name = name;
        this.sound = new FileMicrophone(voice, true);
        this.chunks = chunks;
        this.unplugged = unplugged;
    }

    /** The sentence a sound card that is gone gives when asked to start. */
    static String gone(String name) {
        return "No microphone found, so \"" + name + "\" cannot be used. Connect one and try again, or record "
                + "without sound.";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int sampleRate() {
        return sound.sampleRate();
    }

    /** Chunks delivered since the last start. */
    int delivered() {
        return delivered.get();
    }

    @Override
    public void start(CaptureClock clock, Consumer<AudioChunk> sink) throws DeviceException {
        if (unplugged.get()) {
            throw new DeviceException(gone(name));
        }
        failure = null;
        delivered.set(0);
        sound.start(clock, chunk -> {
            if (failure != null) {
                return;
            }
            if (delivered.get() >= chunks) {
                unplugged.set(true);
                failure = "The microphone \"" + name + "\" stopped sending sound; it may have been unplugged.";
                return;
            }
            delivered.incrementAndGet();
            sink.accept(chunk);
        });
    }

    @Override
    public void stop() {
        sound.stop();
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
