package app.retake.faults;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;

/**
 * A webcam that is pulled out after a number of pictures: from then on it gives nothing (as most drivers do) or
 * fails (as some do), and it cannot be opened again. It sits under Retake's real
 * {@link app.retake.capture.WebcamCamera} the way a webcam-capture driver device does, so the camera code that
 * notices an unplugged camera is the one tried.
 */
final class UnpluggedCamera implements WebcamDevice {

    static final Dimension SIZE = new Dimension(320, 240);

    private final String name;
    private final int pictures;
    private final boolean failsLoudly;
    private final AtomicBoolean unplugged;
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean open;

    /**
     * @param pictures    how many pictures it gives before it is pulled out; {@link Integer#MAX_VALUE} for never
     * @param failsLoudly whether getting a picture then throws, rather than returning none
     * @param unplugged   set once it is pulled out; shared with whoever would open it again
     */
    UnpluggedCamera(String name, int pictures, boolean failsLoudly, AtomicBoolean unplugged) {
        this.name = name;
        this.pictures = pictures;
        this.failsLoudly = failsLoudly;
        this.unplugged = unplugged;
    }

    /**
     * A webcam-capture {@link Webcam} around it, as a driver's discovery would make one; without webcam-capture's
     * lock file, which keeps two programs off one real camera and would only leave files behind here.
     */
    Webcam webcam() {
        Webcam webcam = new Webcam(this) {
        };
        webcam.getLock().disable();
        return webcam;
    }

    /** Pictures given so far. */
    int served() {
        return Math.min(served.get(), pictures);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Dimension[] getResolutions() {
        return new Dimension[] {new Dimension(SIZE)};
    }

    @Override
    public Dimension getResolution() {
        return new Dimension(SIZE);
    }

    @Override
    public void setResolution(Dimension size) {
        // it has one size only
    }

    @Override
    public BufferedImage getImage() {
        if (!open) {
            return null;
        }
        int n = served.getAndIncrement();
        if (n >= pictures) {
            unplugged.set(true);
            if (failsLoudly) {
                throw new WebcamException("No such device: " + name + " was disconnected");
            }
            return null;
        }
        BufferedImage image = new BufferedImage(SIZE.width, SIZE.height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(n * 37 % 256, 90, 160));
            g.fillRect(0, 0, SIZE.width, SIZE.height);
            g.setColor(Color.WHITE);
            g.fillRect(n * 7 % SIZE.width, SIZE.height / 3, 24, 24);
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public void open() {
        if (unplugged.get()) {
            throw new WebcamException(name + " is not connected");
        }
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
