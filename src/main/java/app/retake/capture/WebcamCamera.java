package app.retake.capture;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamLockException;

/**
 * A {@link Camera} on a webcam-capture {@link Webcam}: a real webcam, the synthetic pattern or a video file alike.
 *
 * <p>Threading: {@link #open} and {@link #start} block the caller for at most the open limit (5 s), so call them
 * off the UI thread. Frames are read and handed to the sink on the camera's own daemon thread; {@link #stop} may
 * be called from any thread.
 */
public final class WebcamCamera implements Camera {

    private static final Logger LOG = LoggerFactory.getLogger(WebcamCamera.class);
    /** How long a camera may take to open before the user is told it did not. */
    public static final Duration OPEN_LIMIT = Duration.ofSeconds(5);
    /** How long a camera may send nothing before capture is given up as failed. */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(2);
    /** Pause before asking again after a camera gave no picture, so a dead one is not asked in a tight loop. */
    private static final long RETRY_MILLIS = 10;

    private final Webcam webcam;
    private final String name;
    private final Resolution requested;
    private final double requestedFps;
    private final boolean selfPaced;
    private final Duration openLimit;
    private final Duration stallLimit;
    private final AtomicLong framesCaptured = new AtomicLong();
    /** Set by each open, from what the camera offers. */
    private volatile Resolution size;
    private volatile double fps;
    private volatile String failure;
    private volatile boolean running;
    /** Guarded by this. */
    private Thread capture;

    private WebcamCamera(Webcam webcam, Resolution requested, double requestedFps, Duration openLimit,
            Duration stallLimit) {
        this.webcam = webcam;
        this.name = webcam.getName();
        this.requested = requested;
        this.requestedFps = requestedFps;
        // A real webcam hands out its latest picture whenever asked, so it is asked at the frame rate; a software
        // camera blocks until its own next frame, and pacing it twice would only add jitter.
        this.selfPaced = webcam.getDevice() instanceof VirtualDevice;
        this.openLimit = openLimit;
        this.stallLimit = stallLimit;
        this.size = requested;
        this.fps = requestedFps;
    }

    /**
     * Opens {@code webcam} at {@code size}, or at the nearest size it offers (see {@link #sizeNote()}), to deliver
     * {@code fps} frames a second.
     *
     * @throws DeviceException the camera is in use, fails to open, or does not open within {@link #OPEN_LIMIT}
     */
    public static WebcamCamera open(Webcam webcam, Resolution size, double fps) throws DeviceException {
        return open(webcam, size, fps, OPEN_LIMIT, STALL_LIMIT);
    }

    static WebcamCamera open(Webcam webcam, Resolution size, double fps, Duration openLimit, Duration stallLimit)
            throws DeviceException {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("frame rate must be positive: " + fps);
        }
        if (webcam.isOpen() || webcam.getDevice().isOpen()) {
            throw new DeviceException("The camera \"" + webcam.getName() + "\" is already in use.");
        }
        WebcamCamera camera = new WebcamCamera(webcam, size, fps, openLimit, stallLimit);
        camera.openWebcam();
        return camera;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Resolution size() {
        return size;
    }

    /** The size that was asked for; differs from {@link #size()} when the camera does not offer it. */
    public Resolution requestedSize() {
        return requested;
    }

    /** A sentence for the user when the camera films at another size than was asked for. */
    public Optional<String> sizeNote() {
        if (size.equals(requested)) {
            return Optional.empty();
        }
        return Optional.of("The camera \"" + name + "\" does not offer " + requested + "; it films at " + size + ".");
    }

    @Override
    public double fps() {
        return fps;
    }

    /**
     * Starts the capture thread. Frame sequence numbers and {@link #framesCaptured()} start again from 0 at each
     * start; a camera stopped earlier is opened again first.
     *
     * @throws IllegalStateException it is capturing already
     */
    @Override
    public synchronized void start(CaptureClock clock, Consumer<VideoFrame> sink) throws DeviceException {
        if (capture != null) {
            throw new IllegalStateException("The camera \"" + name + "\" is capturing already");
        }
        if (!webcam.isOpen()) {
            openWebcam();
        }
        failure = null;
        framesCaptured.set(0);
        running = true;
        Thread thread = new Thread(() -> capture(clock, sink), "camera " + name);
        thread.setDaemon(true);
        capture = thread;
        thread.start();
    }

    /** Ends capture, waits for the capture thread, and closes the camera; safe to call twice. */
    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            thread = capture;
            capture = null;
            running = false;
        }
        if (thread != null) {
            // Wakes a capture thread waiting for its next frame; a driver stuck in native code cannot be woken, and
            // then the join gives up rather than hang whoever is stopping.
            thread.interrupt();
            try {
                thread.join(openLimit.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("The capture thread of camera {} did not end within {} ms", name, openLimit.toMillis());
            }
        }
        closeWebcam();
    }

    @Override
    public long framesCaptured() {
        return framesCaptured.get();
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the capture thread is running; false again once capture ended, by stop() or by a failure. */
    public synchronized boolean isCapturing() {
        return capture != null && capture.isAlive();
    }

    @Override
    public String toString() {
        return "camera " + name + " " + size + " at " + fps + " fps";
    }

    private void openWebcam() throws DeviceException {
        try {
            // Even asking a real camera its sizes goes through the driver's one device thread, which a stuck
            // camera can hold; so all of opening runs within the limit.
            boolean opened = BoundedCall.run("opening camera " + name, openLimit, this::configureAndOpen, late -> {
                if (late) {
                    LOG.info("Camera {} opened only after its caller gave up; closing it", name);
                    webcam.close();
                }
            });
            if (!opened) {
                // webcam-capture says it was open already: someone else got there between our check and now.
                throw new DeviceException("The camera \"" + name + "\" is already in use.");
            }
        } catch (TimeoutException e) {
            throw new DeviceException("The camera \"" + name + "\" did not open within " + seconds(openLimit)
                    + "; another program may be using it, or its driver is stuck. Unplug it and plug it back in,"
                    + " or choose another camera.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebcamLockException) {
                throw new DeviceException("The camera \"" + name + "\" is in use by another program.", cause);
            }
            throw new DeviceException("The camera \"" + name + "\" could not be opened: " + reason(cause) + ".", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("Opening the camera \"" + name + "\" was interrupted.", e);
        }
    }

    private boolean configureAndOpen() {
        Resolution chosen = nearest(offeredSizes(webcam), requested);
        if (chosen != null) {
            webcam.setViewSize(new Dimension(chosen.width(), chosen.height()));
            size = chosen;
        }
        if (webcam.getDevice() instanceof VirtualDevice software) {
            // A software camera may deliver less than asked (a file plays at its own rate). Any number of readers
            // may share one, so webcam-capture's lock file, which keeps two programs off one real camera, would
            // only make a second Retake (or a test run beside the app) fail for nothing.
            fps = software.requestFps(requestedFps);
            webcam.getLock().disable();
        }
        return webcam.open();
    }

    private void closeWebcam() {
        try {
            BoundedCall.run("closing camera " + name, openLimit, webcam::close, closed -> { });
        } catch (TimeoutException e) {
            LOG.warn("Camera {} did not close within {} ms; leaving it", name, openLimit.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("Closing camera {} failed", name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void capture(CaptureClock clock, Consumer<VideoFrame> sink) {
        FramePacer pacer = selfPaced ? null : FramePacer.realTime(fps);
        long sequence = 0;
        long lastPicture = System.nanoTime();
        RuntimeException lastError = null;
        try {
            while (running) {
                if (pacer != null) {
                    pacer.awaitSlot();
                }
                BufferedImage image = null;
                try {
                    image = webcam.getImage();
                } catch (RuntimeException e) {
                    lastError = e;
                }
                // Stamped the moment the picture is in hand: that is when it was taken, as near as we can know.
                long taken = clock.nanos();
                if (!running) {
                    break;
                }
                if (image != null) {
                    sink.accept(new VideoFrame(taken, sequence++, image));
                    framesCaptured.incrementAndGet();
                    lastPicture = System.nanoTime();
                    lastError = null;
                } else if (System.nanoTime() - lastPicture > stallLimit.toNanos()) {
                    fail(lastError);
                    return;
                } else if (pacer == null) {
                    Thread.sleep(RETRY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts to end capture; nothing else interrupts this thread.
        } catch (RuntimeException e) {
            LOG.error("Capture from camera {} ended by an error in the frame consumer", name, e);
            failure = "Capture from the camera \"" + name + "\" stopped because of an internal error: "
                    + reason(e) + ".";
        } finally {
            synchronized (this) {
                if (capture == Thread.currentThread()) {
                    capture = null;
                }
            }
        }
    }

    private void fail(RuntimeException lastError) {
        if (lastError != null) {
            LOG.warn("Camera {} sent no picture for {} ms; last error:", name, stallLimit.toMillis(), lastError);
            failure = "The camera \"" + name + "\" stopped sending pictures: " + reason(lastError) + ".";
        } else {
            LOG.warn("Camera {} sent no picture for {} ms", name, stallLimit.toMillis());
            failure = "The camera \"" + name + "\" stopped sending pictures (unplugged?).";
        }
        running = false;
    }

    private static List<Resolution> offeredSizes(Webcam webcam) {
        Dimension[] sizes = webcam.getViewSizes();
        return sizes == null ? List.of() : Arrays.stream(sizes)
                .map(d -> new Resolution(d.width, d.height)).distinct().toList();
    }

    /**
     * {@code wanted} if offered, else the offered size closest in width and height, the larger on a tie (a camera
     * scaled down looks better than one scaled up); null when the camera lists no sizes.
     */
    static Resolution nearest(List<Resolution> offered, Resolution wanted) {
        return offered.stream()
                .min(Comparator.comparingLong((Resolution r) -> Math.abs((long) r.width() - wanted.width())
                                + Math.abs((long) r.height() - wanted.height()))
                        .thenComparing(Comparator.comparingLong((Resolution r) -> (long) r.width() * r.height())
                                .reversed()))
                .orElse(null);
    }

    static String seconds(Duration limit) {
        long millis = limit.toMillis();
        if (millis % 1000 == 0) {
            long whole = millis / 1000;
            return whole + (whole == 1 ? " second" : " seconds");
        }
        return String.format(java.util.Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    private static String reason(Throwable t) {
        // webcam-capture wraps the device's own exception; its message is the one that says what happened.
        Throwable cause = t;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank()
                || cause.getMessage().equals(cause.getCause().toString()))) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
