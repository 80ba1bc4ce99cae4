package app.retake.capture;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import com.github.sarxos.webcam.WebcamTask;

/**
 * A real camera whose every call runs on webcam-capture's own device thread.
 *
 * <p>The built-in driver's native code must only ever be entered from that one thread. webcam-capture sees to this
 * only when the whole driver says it is not thread-safe, which would also queue the synthetic and file cameras
 * behind it (and behind a camera stuck opening). {@link RetakeWebcamDriver} says it is thread-safe and wraps each
 * real camera in this instead, which does exactly what webcam-capture would have done for it.
 */
final class SerializedDevice implements WebcamDevice, WebcamDevice.FPSSource {

    private final WebcamDevice device;

    SerializedDevice(WebcamDevice device) {
        this.device = device;
    }

    WebcamDevice unwrap() {
        return device;
    }

    @Override
    public String getName() {
        return device.getName();
    }

    @Override
    public Dimension[] getResolutions() {
        return onDeviceThread(device::getResolutions);
    }

    @Override
    public Dimension getResolution() {
        return onDeviceThread(device::getResolution);
    }

    @Override
    public void setResolution(Dimension size) {
        onDeviceThread(() -> {
            device.setResolution(size);
            return null;
        });
    }

    @Override
    public BufferedImage getImage() {
        return onDeviceThread(device::getImage);
    }

    @Override
    public void open() {
        onDeviceThread(() -> {
            device.open();
            return null;
        });
    }

    @Override
    public void close() {
        onDeviceThread(() -> {
            device.close();
            return null;
        });
    }

    @Override
    public void dispose() {
        onDeviceThread(() -> {
            device.dispose();
            return null;
        });
    }

    @Override
    public boolean isOpen() {
        return device.isOpen();
    }

    /** The rate the camera reports; it only reads a number the driver keeps, so it needs no hand-off. */
    @Override
    public double getFPS() {
        return device instanceof FPSSource source ? source.getFPS() : 0;
    }

    /** Failures come back as {@link WebcamException}, as from any webcam-capture call. */
    private <T> T onDeviceThread(Supplier<T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        WebcamTask task = new WebcamTask(device) {
            @Override
            protected void handle() {
                result.set(call.get());
            }
        };
        try {
            task.process();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebcamException("Interrupted while waiting for camera " + device.getName(), e);
        }
        return result.get();
    }
}
