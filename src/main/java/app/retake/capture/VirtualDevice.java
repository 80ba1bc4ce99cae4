package app.retake.capture;

import com.github.sarxos.webcam.WebcamDevice;

/**
 * A camera made in software (a generated pattern, a video file) that webcam-capture lists beside real ones.
 *
 * <p>It paces itself, so {@code getImage()} blocks until its next frame is due, like a camera would. It is not a
 * camera the machine has: the doctor does not count it, and any number of processes may read it at once.
 */
sealed interface VirtualDevice extends WebcamDevice, WebcamDevice.FPSSource permits SyntheticDevice, FileDevice {

    /**
     * Asks for frames at {@code fps} from the next {@code open()} on; returns the rate it will deliver, which may
     * be lower (a file never plays faster than it was made).
     */
    double requestFps(double fps);
}
