package app.retake.capture;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;

/**
 * A stand-in for a real webcam that does what a test tells it: opens at once or hangs, sends a number of pictures,
 * then nothing or an error. Like a real webcam, it returns at once from getImage().
 */
final class ScriptedDevice implements WebcamDevice {

    private final String name = "Scripted camera " + UUID.randomUUID();
    private final Dimension[] sizes;
    private final int pictures;
    private final RuntimeException afterwards;
    private final CountDownLatch openGate;
    private final AtomicInteger served = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Dimension size;
    private volatile boolean open;

    /**
     * @param pictures   how many pictures it sends before it stops
     * @param afterwards thrown by getImage() once it has stopped; null to return null instead
     * @param openGate   open() waits for it; null to open at once
     */
    ScriptedDevice(Dimension[] sizes, int pictures, RuntimeException afterwards, CountDownLatch openGate) {
        this.sizes = sizes;
        this.pictures = pictures;
        this.afterwards = afterwards;
        this.openGate = openGate;
    }

    static ScriptedDevice sending(int pictures) {
        return new ScriptedDevice(new Dimension[] {new Dimension(320, 240)}, pictures, null, null);
    }

    /** A webcam-capture Webcam around it, as the discovery service would make one. */
    Webcam webcam() {
        return new Webcam(this) {
        };
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Dimension[] getResolutions() {
        return Arrays.stream(sizes).map(Dimension::new).toArray(Dimension[]::new);
    }

    @Override
    public Dimension getResolution() {
        return size;
    }

    @Override
    public void setResolution(Dimension resolution) {
        size = resolution;
    }

    @Override
    public BufferedImage getImage() {
        if (!open) {
            return null;
        }
        int n = served.getAndIncrement();
        if (n >= pictures) {
            if (afterwards != null) {
                throw afterwards;
            }
            return null;
        }
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(n * 10 % 256, 0, 0));
        g.fillRect(0, 0, size.width, size.height);
        g.dispose();
        return image;
    }

    @Override
    public void open() {
        if (openGate != null) {
            try {
                openGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        open = true;
    }

    @Override
    public void close() {
        open = false;
        closed.countDown();
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    boolean awaitClosed(long seconds) throws InterruptedException {
        return closed.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }
}
