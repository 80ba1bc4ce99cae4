package app.retake.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.history.TakeFiles;

/**
 * One take in progress: the camera and microphone that exist feed the recorder, and every audio chunk is also
 * published to listeners (live transcription, the level meter) without the recorder ever waiting for them.
 */
public final class TakeCapture {

    private static final Logger LOG = LoggerFactory.getLogger(TakeCapture.class);

    private final Optional<Camera> camera;
    private final Optional<Microphone> microphone;
    private final TakeRecorder recorder;
    private final CaptureClock clock;
    private final List<Consumer<AudioChunk>> audioListeners = new ArrayList<>();
    private long startNanos;

    /**
     * @param audioListeners receive every chunk on the microphone's thread; each must hand it on without blocking
     */
    public TakeCapture(Optional<Camera> camera, Optional<Microphone> microphone, TakeFiles files, double fps,
                       CaptureClock clock, List<Consumer<AudioChunk>> audioListeners) {
        if (camera.isEmpty() && microphone.isEmpty()) {
            throw new IllegalArgumentException("a take needs a camera or a microphone");
        }
        this.camera = camera;
        this.microphone = microphone;
        this.clock = clock;
        this.audioListeners.addAll(audioListeners);
        this.recorder = new TakeRecorder(files, RecorderSettings.of(camera.map(Camera::size).orElse(null),
                camera.map(Camera::fps).orElse(fps), microphone.map(Microphone::sampleRate).orElse(0)));
    }

    /** Starts recording; if a device fails to start, everything already started is stopped again. */
    public void start() throws IOException, DeviceException {
        startNanos = clock.nanos();
        recorder.start(startNanos);
        try {
            if (camera.isPresent()) {
                camera.get().start(clock, recorder::offerVideo);
            }
            if (microphone.isPresent()) {
                microphone.get().start(clock, this::publish);
            }
        } catch (DeviceException | RuntimeException e) {
            camera.ifPresent(Camera::stop);
            microphone.ifPresent(Microphone::stop);
            recorder.stop();
            throw e;
        }
    }

    private void publish(AudioChunk chunk) {
        recorder.offerAudio(chunk);
        for (Consumer<AudioChunk> listener : audioListeners) {
            try {
                listener.accept(chunk);
            } catch (RuntimeException e) {
                LOG.error("An audio listener failed; the recording goes on", e);
            }
        }
    }

    /** Seconds since the take started, on the capture clock. */
    public double elapsedSeconds() {
        return (clock.nanos() - startNanos) / 1e9;
    }

    /** Why a device stopped early, if one did: the take goes on with what remains. */
    public Optional<String> deviceFailure() {
        return camera.flatMap(Camera::failure).or(() -> microphone.flatMap(Microphone::failure))
                .or(recorder::failure);
    }

    /** Stops the devices, then the recorder; returns what was recorded. */
    public TakeStats stop() {
        microphone.ifPresent(Microphone::stop);
        camera.ifPresent(Camera::stop);
        TakeStats stats = recorder.stop();
        if (stats.stopReason().isEmpty()) {
            Optional<String> device = camera.flatMap(Camera::failure).or(() -> microphone.flatMap(Microphone::failure));
            if (device.isPresent()) {
                return new TakeStats(stats.file(), stats.framesCaptured(), stats.framesEncoded(),
                        stats.framesDropped(), stats.audioSeconds(), stats.audioChunksDropped(), stats.avDriftMs(),
                        stats.seconds(), device);
            }
        }
        return stats;
    }
}
