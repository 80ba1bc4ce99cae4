package app.retake.capture;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongSupplier;

import com.github.sarxos.webcam.WebcamDevice;

/**
 * A camera that films a generated test pattern: scrolling colour bars, a moving square, a large frame counter and
 * the time since it opened. It delivers frames at its set rate like a real camera, so the app can run, be shown
 * and be tested on a machine with no webcam.
 */
public final class SyntheticDevice implements VirtualDevice, WebcamDevice.Configurable {

    /** Its name in webcam-capture's list, and the camera setting that picks it. */
    public static final String NAME = "synthetic";
    /** The {@link #setParameters} key for the frame rate, a positive number. */
    public static final String FPS = "fps";
    static final double DEFAULT_FPS = 30;
    /** The first is what webcam-capture opens when nobody picks a size. */
    private static final Dimension[] SIZES = {
        new Dimension(640, 480), new Dimension(1280, 720), new Dimension(320, 240)};
    /** Colour bars at 75 % intensity, as on a broadcast test card. */
    private static final Color[] BARS = {
        new Color(191, 191, 191), new Color(191, 191, 0), new Color(0, 191, 191), new Color(0, 191, 0),
        new Color(191, 0, 191), new Color(191, 0, 0), new Color(0, 0, 191), new Color(16, 16, 16)};
    private static final double SWEEP_SECONDS = 4;
    /** Seven-segment patterns for 0-9; bit 0 is the top bar, then clockwise, bit 6 the middle bar. */
    private static final int[] SEGMENTS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

    private final LongSupplier clock;
    private final FramePacer.Sleeper sleeper;
    private volatile Dimension size = SIZES[0];
    private volatile double fps = DEFAULT_FPS;
    private volatile FramePacer pacer;
    private volatile boolean open;

    public SyntheticDevice() {
        this(System::nanoTime, FramePacer.THREAD_SLEEP);
    }

    SyntheticDevice(LongSupplier clock, FramePacer.Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Dimension[] getResolutions() {
        return Arrays.stream(SIZES).map(Dimension::new).toArray(Dimension[]::new);
    }

    @Override
    public Dimension getResolution() {
        return new Dimension(size);
    }

    @Override
    public void setResolution(Dimension resolution) {
        if (open) {
            throw new IllegalStateException("close the synthetic camera before changing its size");
        }
        if (resolution.width <= 0 || resolution.height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + resolution);
        }
        size = new Dimension(resolution);
    }

    /** Blocks until the next frame is due at the set rate; null once closed or when the reader is interrupted. */
    @Override
    public BufferedImage getImage() {
        FramePacer current = pacer;
        if (!open || current == null) {
            return null;
        }
        long frame;
        try {
            frame = current.awaitSlot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (!open) {
            return null;
        }
        Dimension frameSize = size;
        return render(frameSize.width, frameSize.height, frame, current.fps());
    }

    @Override
    public void open() {
        pacer = new FramePacer(fps, clock, sleeper);
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

    @Override
    public double getFPS() {
        return fps;
    }

    @Override
    public double requestFps(double requested) {
        if (!(requested > 0) || Double.isInfinite(requested)) {
            throw new IllegalArgumentException("frame rate must be positive: " + requested);
        }
        fps = requested;
        return requested;
    }

    /** Takes {@value #FPS}; it applies from the next open. Other keys are ignored, as webcam-capture expects. */
    @Override
    public void setParameters(Map<String, ?> parameters) {
        if (parameters.get(FPS) instanceof Number rate) {
            requestFps(rate.doubleValue());
        }
    }

    /** Frames a slow reader missed since the last open. */
    long skippedFrames() {
        FramePacer current = pacer;
        return current == null ? 0 : current.skippedSlots();
    }

    /** Draws frame number {@code frame}; the same arguments always give the same picture. */
    static BufferedImage render(int width, int height, long frame, double fps) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            double seconds = frame / fps;
            drawBars(g, width, height, seconds);
            drawSquare(g, width, height, seconds);
            drawCounter(g, width, height, frame, seconds);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawBars(Graphics2D g, int width, int height, double seconds) {
        int offset = (int) Math.round(seconds / SWEEP_SECONDS % 1.0 * width);
        for (int i = 0; i < BARS.length; i++) {
            int left = i * width / BARS.length;
            int barWidth = (i + 1) * width / BARS.length - left;
            int x = (left + offset) % width;
            g.setColor(BARS[i]);
            g.fillRect(x, 0, barWidth, height);
            // The bar that scrolls off the right edge comes back in on the left.
            g.fillRect(x - width, 0, barWidth, height);
        }
    }

    private static void drawSquare(Graphics2D g, int width, int height, double seconds) {
        int side = Math.max(4, height / 6);
        double angle = 2 * Math.PI * seconds / 3;
        int x = (int) Math.round((width - side) / 2.0 * (1 + Math.sin(angle)));
        int y = (int) Math.round((height - side) / 2.0 * (1 + Math.sin(angle * 1.5)));
        g.setColor(Color.WHITE);
        g.fillRect(x, y, side, side);
    }

    private static void drawCounter(Graphics2D g, int width, int height, long frame, double seconds) {
        String counter = String.format("%06d", frame % 1_000_000);
        long hundredths = Math.round(seconds * 100);
        String time = String.format("%02d:%02d.%02d", hundredths / 6000 % 100, hundredths / 100 % 60, hundredths % 100);
        int panelWidth = width * 3 / 4;
        int digitWidth = Math.max(3, (int) (panelWidth * 0.85 / (counter.length() * 1.4)));
        int digitHeight = digitWidth * 2;
        int smallWidth = Math.max(2, digitWidth / 2);
        int pad = Math.max(2, digitWidth / 3);
        int panelHeight = pad + digitHeight + pad + smallWidth * 2 + pad;
        int panelX = (width - panelWidth) / 2;
        int panelY = Math.max(0, height - panelHeight - height / 12);
        g.setColor(new Color(0, 0, 0, 200));
        g.fillRect(panelX, panelY, panelWidth, panelHeight);
        g.setColor(Color.WHITE);
        drawText(g, counter, centred(counter, digitWidth, panelX, panelWidth), panelY + pad, digitWidth);
        g.setColor(new Color(255, 220, 0));
        drawText(g, time, centred(time, smallWidth, panelX, panelWidth), panelY + pad + digitHeight + pad,
                smallWidth);
    }

    private static int centred(String text, int digitWidth, int left, int span) {
        return left + (span - textWidth(text, digitWidth)) / 2;
    }

    private static int textWidth(String text, int digitWidth) {
        int total = 0;
        for (char c : text.toCharArray()) {
            total += advance(c, digitWidth);
        }
        return total;
    }

    private static int advance(char c, int digitWidth) {
        return Character.isDigit(c) ? digitWidth * 7 / 5 : digitWidth * 3 / 5;
    }

    /** Digits, ':' and '.' drawn as filled bars, so no font has to be installed. */
    private static void drawText(Graphics2D g, String text, int x, int y, int digitWidth) {
        int height = digitWidth * 2;
        int stroke = Math.max(1, digitWidth / 5);
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                drawDigit(g, SEGMENTS[c - '0'], x, y, digitWidth, height, stroke);
            } else if (c == ':') {
                g.fillRect(x, y + height / 4, stroke, stroke);
                g.fillRect(x, y + height * 3 / 4 - stroke, stroke, stroke);
            } else if (c == '.') {
                g.fillRect(x, y + height - stroke, stroke, stroke);
            }
            x += advance(c, digitWidth);
        }
    }

    private static void drawDigit(Graphics2D g, int segments, int x, int y, int w, int h, int t) {
        int half = h / 2;
        if ((segments & 0x01) != 0) {
            g.fillRect(x, y, w, t);
        }
        if ((segments & 0x02) != 0) {
            g.fillRect(x + w - t, y, t, half);
        }
        if ((segments & 0x04) != 0) {
            g.fillRect(x + w - t, y + half, t, h - half);
        }
        if ((segments & 0x08) != 0) {
            g.fillRect(x, y + h - t, w, t);
        }
        if ((segments & 0x10) != 0) {
            g.fillRect(x, y + half, t, h - half);
        }
        if ((segments & 0x20) != 0) {
            g.fillRect(x, y, t, half);
        }
        if ((segments & 0x40) != 0) {
            g.fillRect(x, y + half - t / 2, w, t);
        }
    }
}
