package app.retake.capture;

import java.awt.Dimension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.sarxos.webcam.Webcam;
import com.sun.jna.NativeLibrary;

/**
 * Lists the cameras webcam-capture can see, never taking longer than the given limit. Only cameras the machine
 * has count: the synthetic and file cameras of {@link RetakeWebcamDriver} are left out.
 */
public final class CameraDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(CameraDiscovery.class);
    /** How long a search may take before it is reported as stuck. */
    public static final Duration SEARCH_LIMIT = Duration.ofSeconds(5);
    /** The system library webcam-capture's Linux driver links against. */
    static final String LINUX_VIDEO_LIBRARY = "libv4l2.so.0";

    /** Searches for cameras; a search that fails or outlives {@code limit} is reported, not thrown. */
    public DeviceScan<CameraInfo> scan(Duration limit) {
        Optional<String> missing = videoLibraryProblem();
        if (missing.isPresent()) {
            return DeviceScan.failed(missing.get());
        }
        // Installing is a no-op after the first time; done here too because the first Webcam call fixes the driver.
        RetakeWebcamDriver driver = Cameras.installDriver();
        // The driver's native discovery can block; run it where a stuck call cannot hold up the caller.
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "camera-discovery");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<CameraInfo>> search = executor.submit(() -> list(limit));
            List<CameraInfo> cameras = search.get(limit.toMillis() + 500, TimeUnit.MILLISECONDS);
            Optional<String> problem = driver.realCameraProblem();
            return problem.isPresent() ? DeviceScan.failed(problem.get()) : DeviceScan.found(cameras);
        } catch (TimeoutException e) {
            LOG.warn("Camera search gave no answer within {} ms", limit.toMillis());
            return DeviceScan.failed("the camera driver gave no answer within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("Camera search failed", cause);
            return DeviceScan.failed("the camera driver failed: " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeviceScan.failed("the camera search was interrupted");
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<CameraInfo> list(Duration limit) throws TimeoutException {
        List<CameraInfo> cameras = new ArrayList<>();
        for (Webcam webcam : Webcam.getWebcams(limit.toMillis())) {
            if (webcam.getDevice() instanceof VirtualDevice) {
                continue;
            }
            Dimension[] sizes = webcam.getViewSizes();
            List<Resolution> resolutions = sizes == null ? List.of() : Arrays.stream(sizes)
                    .map(d -> new Resolution(d.width, d.height)).distinct().toList();
            cameras.add(new CameraInfo(webcam.getName(), resolutions));
        }
        return cameras;
    }

    /**
     * Why webcam-capture's built-in driver cannot work on this system, if it cannot. Without the library it fails
     * deep in native code and prints stack traces; this says what to install instead.
     */
    static Optional<String> videoLibraryProblem() {
        if (isLinux() && !canLoad(LINUX_VIDEO_LIBRARY)) {
            return Optional.of("the video capture library " + LINUX_VIDEO_LIBRARY
                    + " is not installed (on Debian or Ubuntu: sudo apt install libv4l-0)");
        }
        return Optional.empty();
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    private static boolean canLoad(String library) {
        try {
            NativeLibrary.getInstance(library);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
