package app.retake.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDiscoverySupport;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;

/**
 * The webcam-capture driver Retake installs: the machine's real cameras, then the synthetic and file cameras that
 * have been added, all behind the same {@code Webcam} API. Install it with {@link Cameras#installDriver()}.
 *
 * <p>Thread-safe. A real camera's calls still all run on webcam-capture's device thread ({@link SerializedDevice});
 * a software camera runs on whichever thread calls it, so it never waits behind a real one.
 */
public final class RetakeWebcamDriver implements WebcamDriver, WebcamDiscoverySupport {

    private static final Logger LOG = LoggerFactory.getLogger(RetakeWebcamDriver.class);
    private static final String REAL_CAMERAS_OFF = "real cameras are turned off";

    private final WebcamDriver real;
    private final String realUnavailable;
    private final Map<String, VirtualDevice> virtual = new LinkedHashMap<>();
    private volatile String realFailure;

    /** With the machine's cameras when {@code realCameras} and this system can reach them, else software only. */
    public RetakeWebcamDriver(boolean realCameras) {
        this(realCameras ? CameraDiscovery.videoLibraryProblem() : Optional.of(REAL_CAMERAS_OFF));
    }

    private RetakeWebcamDriver(Optional<String> unavailable) {
        // The built-in driver's native part fails noisily where the system video library is missing; never load it.
        this(unavailable.isEmpty() ? new WebcamDefaultDriver() : null, unavailable.orElse(null));
    }

    /** With {@code real} listing the real cameras, or none when it is null, because of {@code unavailable}. */
    RetakeWebcamDriver(WebcamDriver real, String unavailable) {
        this.real = real;
        this.realUnavailable = real != null ? null : unavailable != null ? unavailable : REAL_CAMERAS_OFF;
    }

    /** Lists the synthetic test pattern from now on (once); returns its name. */
    public String addSynthetic() {
        return add(new SyntheticDevice());
    }

    /** Lists a camera playing {@code file} from now on (once per file); returns its name. */
    public String addFile(Path file) {
        return add(new FileDevice(file));
    }

    private synchronized String add(VirtualDevice device) {
        virtual.putIfAbsent(device.getName(), device);
        return device.getName();
    }

    /**
     * The real cameras, then the software ones. A failing real driver is logged and leaves only the software
     * cameras, so a broken webcam setup never takes the test pattern down with it; {@link #realCameraProblem()}
     * tells.
     */
    @Override
    public List<WebcamDevice> getDevices() {
        List<WebcamDevice> devices = new ArrayList<>();
        if (real != null) {
            try {
                for (WebcamDevice device : real.getDevices()) {
                    devices.add(new SerializedDevice(device));
                }
                realFailure = null;
            } catch (RuntimeException e) {
                if (realFailure == null) {
                    LOG.warn("Listing the real cameras failed", e);
                }
                realFailure = "the camera driver failed: " + describe(e);
            }
        }
        synchronized (this) {
            devices.addAll(virtual.values());
        }
        return devices;
    }

    /**
     * Why real cameras are missing from the list, as a phrase for the user, if it is for a reason other than there
     * being none: the system cannot reach them, or listing them failed the last time.
     */
    public Optional<String> realCameraProblem() {
        return Optional.ofNullable(realUnavailable != null ? realUnavailable : realFailure);
    }

    /** Whether real cameras are listed at all. */
    public boolean listsRealCameras() {
        return real != null;
    }

    /**
     * True: calls may come from any thread. It is the real cameras that are not thread-safe, and each of those is
     * wrapped so its calls go to webcam-capture's device thread anyway.
     */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    /** Scans for cameras plugged in later as often as the built-in driver would. */
    @Override
    public long getScanInterval() {
        return real instanceof WebcamDiscoverySupport support ? support.getScanInterval() : DEFAULT_SCAN_INTERVAL;
    }

    @Override
    public boolean isScanPossible() {
        return real instanceof WebcamDiscoverySupport support && support.isScanPossible();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (real == null ? " (software cameras only)" : "");
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
