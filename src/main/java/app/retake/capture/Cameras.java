package app.retake.capture;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;

/**
 * Opens the camera a setting names: {@value #NONE}, {@value #DEFAULT} (the first real camera), {@value #SYNTHETIC}
 * (a generated test pattern), {@code file:PATH} (a video file, looped) or a camera's name as listed.
 *
 * <p>Threading: {@link #open} blocks its caller while the cameras are listed and the chosen one opens, each for at
 * most {@link WebcamCamera#OPEN_LIMIT}; call it from a device executor, never the UI thread. The camera it returns
 * captures on its own thread.
 *
 * <p>webcam-capture keeps its driver in static state, one per process, and fixes it at its first call; this class
 * holds the one Retake installs. That is the only static state here, and it mirrors the library's own.
 */
public final class Cameras {

    private static final Logger LOG = LoggerFactory.getLogger(Cameras.class);
    /** No camera: takes are audio-only. */
    public static final String NONE = "none";
    /** The first camera the machine has. */
    public static final String DEFAULT = "default";
    /** The generated test pattern. */
    public static final String SYNTHETIC = SyntheticDevice.NAME;
    /** Followed by a path: that video file, played as if filmed, looped. */
    public static final String FILE_PREFIX = FileDevice.PREFIX;
    /** The size cameras open at unless another is chosen. */
    public static final Resolution STANDARD = new Resolution(640, 480);
    /** The larger size that may be chosen. */
    public static final Resolution HD = new Resolution(1280, 720);
    static final String NO_CAMERA = "No camera found; takes will be audio-only.";

    private static RetakeWebcamDriver installed;

    private Cameras() {
    }

    /**
     * Makes {@link RetakeWebcamDriver} webcam-capture's driver, once; later calls return the same driver. Call it
     * at startup, before anything else uses webcam-capture ({@link #open} and {@link CameraDiscovery} call it too).
     *
     * <p>If webcam-capture was used before (its default driver is then in place), installing still works:
     * webcam-capture shuts down its device search and disposes every {@code Webcam} it had handed out, closing any
     * that were open, and lists cameras through this driver from then on. Should other code replace the driver
     * later, the next call puts this one back the same way.
     */
    public static synchronized RetakeWebcamDriver installDriver() {
        if (installed == null) {
            if (Webcam.getDiscoveryServiceRef() != null) {
                LOG.warn("webcam-capture was used before Retake's camera driver was installed; the cameras it"
                        + " listed are disposed");
            }
            installed = new RetakeWebcamDriver(true);
            Webcam.setDriver(installed);
            LOG.info("Camera driver installed: {}", installed);
        } else if (Webcam.getDriver() != installed) {
            LOG.warn("webcam-capture's camera driver was replaced by {}; installing Retake's again",
                    Webcam.getDriver());
            Webcam.setDriver(installed);
        }
        return installed;
    }

    /**
     * Opens the camera {@code spec} names at {@code size} (or the nearest size it offers) for {@code fps} frames a
     * second; empty for {@value #NONE}. A blank spec means {@value #DEFAULT}.
     *
     * @throws DeviceException with a sentence for the user: no camera, no camera by that name, a missing file, or
     *                         a camera that failed or took too long to open
     */
    public static Optional<Camera> open(String spec, Resolution size, double fps) throws DeviceException {
        return open(spec, size, fps, WebcamCamera.OPEN_LIMIT);
    }

    static Optional<Camera> open(String spec, Resolution size, double fps, Duration limit) throws DeviceException {
        String wanted = spec == null || spec.isBlank() ? DEFAULT : spec.strip();
        if (wanted.toLowerCase(Locale.ROOT).equals(NONE)) {
            return Optional.empty();
        }
        RetakeWebcamDriver driver = installDriver();
        Webcam webcam;
        if (wanted.toLowerCase(Locale.ROOT).equals(DEFAULT)) {
            webcam = firstRealCamera(driver, limit);
        } else if (wanted.toLowerCase(Locale.ROOT).equals(SYNTHETIC)) {
            webcam = software(driver.addSynthetic(), limit);
        } else if (wanted.startsWith(FILE_PREFIX)) {
            webcam = software(driver.addFile(videoFile(wanted.substring(FILE_PREFIX.length()))), limit);
        } else {
            webcam = named(wanted, limit);
        }
        return Optional.of(WebcamCamera.open(webcam, size, fps, limit, WebcamCamera.STALL_LIMIT));
    }

    private static Webcam firstRealCamera(RetakeWebcamDriver driver, Duration limit) throws DeviceException {
        List<Webcam> webcams = list(limit);
        Optional<Webcam> first = webcams.stream().filter(w -> !(w.getDevice() instanceof VirtualDevice)).findFirst();
        if (first.isPresent()) {
            return first.get();
        }
        Optional<String> problem = driver.realCameraProblem();
        if (problem.isPresent()) {
            throw new DeviceException("No camera could be found: " + problem.get() + ". Takes will be audio-only.");
        }
        throw new DeviceException(NO_CAMERA);
    }

    private static Webcam named(String name, Duration limit) throws DeviceException {
        List<Webcam> webcams = list(limit);
        for (Webcam webcam : webcams) {
            if (webcam.getName().equals(name)) {
                return webcam;
            }
        }
        List<String> real = webcams.stream().filter(w -> !(w.getDevice() instanceof VirtualDevice))
                .map(Webcam::getName).toList();
        throw new DeviceException("No camera named \"" + name + "\" was found; "
                + (real.isEmpty() ? "this computer has no camera."
                        : "the cameras here are: " + String.join(", ", real) + "."));
    }

    /** The webcam for a software camera just added to the driver, searching again if the list predates it. */
    private static Webcam software(String name, Duration limit) throws DeviceException {
        Optional<Webcam> listed = find(list(limit), name);
        if (listed.isPresent()) {
            return listed.get();
        }
        // webcam-capture lists devices once and then only on its own rescans; ask for one now.
        try {
            BoundedCall.run("camera search", limit, () -> {
                Webcam.getDiscoveryService().scan();
                return null;
            }, ignored -> { });
        } catch (TimeoutException e) {
            throw new DeviceException("The camera search gave no answer within " + WebcamCamera.seconds(limit)
                    + ", so the camera \"" + name + "\" could not be opened.");
        } catch (ExecutionException e) {
            throw searchFailed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("The camera search was interrupted.", e);
        }
        return find(list(limit), name).orElseThrow(() -> new DeviceException(
                "The camera \"" + name + "\" was added but could not be found; try again."));
    }

    private static Optional<Webcam> find(List<Webcam> webcams, String name) {
        return webcams.stream().filter(w -> w.getName().equals(name)).findFirst();
    }

    private static List<Webcam> list(Duration limit) throws DeviceException {
        try {
            return Webcam.getWebcams(limit.toMillis());
        } catch (TimeoutException e) {
            throw new DeviceException("The camera search gave no answer within " + WebcamCamera.seconds(limit)
                    + "; takes will be audio-only.", e);
        } catch (WebcamException e) {
            throw searchFailed(e);
        }
    }

    private static DeviceException searchFailed(Throwable cause) {
        String message = cause.getMessage();
        return new DeviceException("The camera search failed (" + (message == null || message.isBlank()
                ? cause.getClass().getSimpleName() : message) + "); takes will be audio-only.", cause);
    }

    private static Path videoFile(String path) throws DeviceException {
        if (path.isBlank()) {
            throw new DeviceException("No video file was given after \"" + FILE_PREFIX + "\".");
        }
        Path file;
        try {
            file = Path.of(path.strip());
        } catch (InvalidPathException e) {
            throw new DeviceException("\"" + path + "\" is not a valid path for a video file.", e);
        }
        if (!Files.isRegularFile(file)) {
            throw new DeviceException("The video file \"" + file.toAbsolutePath().normalize()
                    + "\" does not exist.");
        }
        return file;
    }
}
