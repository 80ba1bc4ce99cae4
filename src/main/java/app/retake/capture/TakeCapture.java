package app.retake.capture;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** How long start waits for the devices to warm up before starting the take anyway. */
    static final Duration FIRST_DELIVERY_LIMIT = Duration.ofSeconds(2);
    /**
     * Frames a camera must deliver before the take starts: the first few come slowly while the camera (and, for
     * the synthetic one, the drawing code) warms up, and would otherwise leave empty slots at the start.
     */
    static final int WARM_UP_FRAMES = 5;

    private final Optional<Camera> camera;
    private final Optional<Microphone> microphone;
    private final TakeRecorder recorder;
    private final CaptureClock clock;
    private final List<Consumer<AudioChunk>> audioListeners = new ArrayList<>();
    private final Consumer<VideoFrame> preview;
    private long startNanos;
    /** Devices start before the take does; what they deliver while settling is not part of the take. */
    private volatile boolean recording;

    /**
     * @param audioListeners receive every chunk on the microphone's thread; each must hand it on without blocking
     */
    public TakeCapture(Optional<Camera> camera, Optional<Microphone> microphone, TakeFiles files, double fps,
                       CaptureClock clock, List<Consumer<AudioChunk>> audioListeners) {
        this(camera, microphone, files, fps, clock, audioListeners, frame -> { });
    }

    /**
     * @param audioListeners receive every chunk on the microphone's thread; each must hand it on without blocking
     * @param preview        receives every camera frame from the moment the camera starts, on the camera's thread;
     *                       it must hand the frame on without blocking (a preview keeps only the latest)
     */
    public TakeCapture(Optional<Camera> camera, Optional<Microphone> microphone, TakeFiles files, double fps,
                       CaptureClock clock, List<Consumer<AudioChunk>> audioListeners, Consumer<VideoFrame> preview) {
        this(camera, microphone, files, fps, clock, audioListeners, preview,
                TakeRecorder.FreeSpace.of(files.dir()));
    }

    /**
     * @param space the free space where the take is written; recording stops cleanly when the disk fills up
     */
    public TakeCapture(Optional<Camera> camera, Optional<Microphone> microphone, TakeFiles files, double fps,
                       CaptureClock clock, List<Consumer<AudioChunk>> audioListeners, Consumer<VideoFrame> preview,
                       TakeRecorder.FreeSpace space) {
        this.preview = preview;
        if (camera.isEmpty() && microphone.isEmpty()) {
            throw new IllegalArgumentException("a take needs a camera or a microphone");
        }
        this.camera = camera;
        this.microphone = microphone;
        this.clock = clock;
        this.audioListeners.addAll(audioListeners);
        this.recorder = new TakeRecorder(files, RecorderSettings.of(camera.map(Camera::size).orElse(null),
                camera.map(Camera::fps).orElse(fps), microphone.map(Microphone::sampleRate).orElse(0)), 2.0, space);
    }

    /**
     * Starts the devices, then the take: it begins once every device is delivering, so a camera that takes a
     * moment to open does not leave the start of the video empty. If a device fails to start, everything already
     * started is stopped again.
     */
    public void start() throws IOException, DeviceException {
        recorder.open();
        CountDownLatch delivering = new CountDownLatch((camera.isPresent() ? WARM_UP_FRAMES : 0)
                + (microphone.isPresent() ? 1 : 0));
        try {
            if (camera.isPresent()) {
                AtomicInteger warmUp = new AtomicInteger(WARM_UP_FRAMES);
                startCamera(frame -> {
                    if (warmUp.getAndDecrement() > 0) {
                        delivering.countDown();
                    }
                    if (recording) {
                        recorder.offerVideo(frame);
                    }
                    try {
                        preview.accept(frame);
                    } catch (RuntimeException e) {
                        LOG.error("The camera preview failed; the recording goes on", e);
                    }
                });
            }
            if (microphone.isPresent()) {
                AtomicBoolean first = new AtomicBoolean(true);
                try {
                    microphone.get().start(clock, chunk -> {
                        if (first.getAndSet(false)) {
                            delivering.countDown();
                        }
                        publish(chunk);
                    });
                } catch (DeviceException e) {
                    throw new DeviceStartException(e, false);
                }
            }
            if (!delivering.await(FIRST_DELIVERY_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A device had delivered nothing {} after starting; the take starts anyway",
                        FIRST_DELIVERY_LIMIT);
            }
            startNanos = clock.nanos();
            recorder.begin(startNanos);
            recording = true;
        } catch (DeviceException | RuntimeException e) {
            abandon();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            throw new IOException("interrupted while starting the take", e);
        }
    }

    private void startCamera(Consumer<VideoFrame> sink) throws DeviceStartException {
        try {
            camera.get().start(clock, sink);
        } catch (DeviceException e) {
            throw new DeviceStartException(e, true);
        }
    }

    private void abandon() {
        camera.ifPresent(Camera::stop);
        microphone.ifPresent(Microphone::stop);
        recorder.discard();
    }

    private void publish(AudioChunk chunk) {
        if (!recording) {
            return;
        }
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

    /** Why a device stopped early, if one did (both, when both did): the take goes on with what remains. */
    public Optional<String> deviceFailure() {
        return devicesFailed().or(recorder::failure);
    }

    private Optional<String> devicesFailed() {
        Optional<String> pictures = camera.flatMap(Camera::failure);
        Optional<String> sound = microphone.flatMap(Microphone::failure);
        if (pictures.isPresent() && sound.isPresent()) {
            return Optional.of(pictures.get() + " " + sound.get());
        }
        return pictures.or(() -> sound);
    }

    /** Whether every device of the take has stopped early, so nothing more is being recorded. */
    public boolean allDevicesFailed() {
        return camera.map(c -> c.failure().isPresent()).orElse(true)
                && microphone.map(m -> m.failure().isPresent()).orElse(true);
    }

    /** Why the recorder stopped on its own (a full disk, an encoder error), if it did: the take cannot go on. */
    public Optional<String> recordingStopped() {
        return recorder.failure();
    }

    /**
     * Ends the answer: stops the devices, so every listener has all the audio there will be. Listeners (the
     * transcriber) can finish while {@link #stop} finishes the file. Safe to call twice.
     */
    public void stopDevices() {
        recording = false;
        microphone.ifPresent(Microphone::stop);
        camera.ifPresent(Camera::stop);
    }

    /** Stops the devices, then the recorder; returns what was recorded. */
    public TakeStats stop() {
        stopDevices();
        TakeStats stats = recorder.stop();
        if (stats.stopReason().isEmpty()) {
            Optional<String> device = devicesFailed();
            if (device.isPresent()) {
                return new TakeStats(stats.file(), stats.framesCaptured(), stats.framesEncoded(),
                        stats.framesDropped(), stats.slotsMissed(), stats.audioSeconds(), stats.audioChunksDropped(),
                        stats.avDriftMs(), stats.seconds(), device);
            }
        }
        return stats;
    }
}
