package app.retake.capture;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongSupplier;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.sarxos.webcam.WebcamException;

/**
 * A camera whose pictures come from a video file, decoded with FFmpeg, played in real time at the file's frame
 * rate and looped, so demos and tests can show a face without a webcam.
 */
public final class FileDevice implements VirtualDevice {

    private static final Logger LOG = LoggerFactory.getLogger(FileDevice.class);
    /** Names of file cameras start with this, followed by the file's absolute path. */
    public static final String PREFIX = "file:";
    /** Offered besides the file's own size; the picture is scaled, with black bars if the shape differs. */
    private static final Dimension[] STANDARD_SIZES = {
        new Dimension(640, 480), new Dimension(1280, 720), new Dimension(320, 240)};
    /** Some containers state no rate; this is the common one for webcam-like clips. */
    private static final double FALLBACK_FPS = 25;

    private final Path file;
    private final LongSupplier clock;
    private final FramePacer.Sleeper sleeper;
    private volatile Probe probe;
    private volatile Dimension size;
    private volatile double requestedFps = Double.POSITIVE_INFINITY;
    private volatile boolean open;
    private volatile FramePacer pacer;
    /** Guarded by this, as is everything below: the decoder is touched by the reader and by close(). */
    private FFmpegFrameGrabber grabber;
    private Java2DFrameConverter converter;
    private double paceFps;
    /** Position in the file, in frames since it was opened, counting across loops. */
    private long framesRead;
    private long loops;

    public FileDevice(Path file) {
        this(file, System::nanoTime, FramePacer.THREAD_SLEEP);
    }

    FileDevice(Path file, LongSupplier clock, FramePacer.Sleeper sleeper) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The name webcam-capture lists for {@code file}, which is also the camera setting that picks it. */
    public static String nameFor(Path file) {
        return PREFIX + file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public String getName() {
        return nameFor(file);
    }

    /** The file's own size first, then the standard sizes; only the standard ones if the file cannot be read. */
    @Override
    public Dimension[] getResolutions() {
        Set<Dimension> sizes = new LinkedHashSet<>();
        Probe facts = probe();
        if (facts.size != null) {
            sizes.add(new Dimension(facts.size));
        }
        for (Dimension standard : STANDARD_SIZES) {
            sizes.add(new Dimension(standard));
        }
        return sizes.toArray(Dimension[]::new);
    }

    @Override
    public Dimension getResolution() {
        Dimension chosen = size;
        return chosen == null ? null : new Dimension(chosen);
    }

    @Override
    public void setResolution(Dimension resolution) {
        if (open) {
            throw new IllegalStateException("close the file camera before changing its size");
        }
        if (resolution.width <= 0 || resolution.height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + resolution);
        }
        size = new Dimension(resolution);
    }

    /**
     * Starts decoding. A file that is missing, unreadable or has no video throws a {@link WebcamException} whose
     * message says so in plain words, naming the file.
     */
    @Override
    public synchronized void open() {
        if (open) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new WebcamException("the video file \"" + file + "\" does not exist");
        }
        FFmpegFrameGrabber started = startGrabber();
        double fileFps = frameRate(started);
        grabber = started;
        converter = new Java2DFrameConverter();
        probe = new Probe(new Dimension(started.getImageWidth(), started.getImageHeight()), fileFps, null);
        if (size == null) {
            size = new Dimension(probe.size);
        }
        paceFps = Math.min(fileFps, requestedFps);
        pacer = new FramePacer(paceFps, clock, sleeper);
        framesRead = 0;
        loops = 0;
        open = true;
    }

    /**
     * Blocks until the next frame is due and returns it as a new image of the chosen size. A reader that comes
     * back late gets the frame of the current moment, so the file keeps playing in real time.
     */
    @Override
    public BufferedImage getImage() {
        FramePacer current = pacer;
        if (!open || current == null) {
            return null;
        }
        long slot;
        try {
            slot = current.awaitSlot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        synchronized (this) {
            if (!open) {
                return null;
            }
            try {
                return decodeFor(slot);
            } catch (FrameGrabber.Exception e) {
                throw new WebcamException("the video file \"" + file + "\" could not be decoded: "
                        + describe(e), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        pacer = null;
        release(grabber);
        grabber = null;
        converter.close();
        converter = null;
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** The rate it paces at once open; before that, the file's own rate (or the fallback if unreadable). */
    @Override
    public double getFPS() {
        FramePacer current = pacer;
        if (current != null) {
            return current.fps();
        }
        Probe facts = probe();
        return Math.min(facts.fps, requestedFps);
    }

    @Override
    public double requestFps(double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("frame rate must be positive: " + fps);
        }
        requestedFps = fps;
        return Math.min(probe().fps, fps);
    }

    /** Times the file has started over since it was opened. */
    synchronized long loops() {
        return loops;
    }

    private BufferedImage decodeFor(long slot) throws FrameGrabber.Exception {
        // Slot n at the pacing rate shows the file's frame at the same moment; when pacing slower than the file
        // or after a late reader, the frames in between are decoded but not converted, which is the cheap part.
        long wanted = (long) Math.floor(slot * probe.fps / paceFps + 1e-9);
        long skip = Math.max(0, wanted - framesRead);
        // After a long stall, decoding everything missed would only make the reader later still: jump instead.
        long maxSkip = (long) Math.ceil(probe.fps);
        if (skip > maxSkip) {
            framesRead += skip - maxSkip;
            skip = maxSkip;
        }
        for (long i = 0; i < skip; i++) {
            nextFrame(false);
        }
        return copy(converter.convert(nextFrame(true)));
    }

    private Frame nextFrame(boolean convert) throws FrameGrabber.Exception {
        Frame frame = grabber.grabFrame(false, true, convert, false, false);
        if (frame == null) {
            // End of file: start over. Reopening costs a few milliseconds once a loop and, unlike a seek, works the
            // same for every container, including ones that cannot seek.
            grabber.restart();
            loops++;
            frame = grabber.grabFrame(false, true, convert, false, false);
            if (frame == null) {
                throw new FrameGrabber.Exception("it has no video frames");
            }
        }
        framesRead++;
        return frame;
    }

    /** The converter lends out its own buffer, refilled by the next decode; the caller keeps ours. */
    private BufferedImage copy(BufferedImage decoded) {
        Dimension target = size;
        BufferedImage image = new BufferedImage(target.width, target.height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            if (decoded.getWidth() == target.width && decoded.getHeight() == target.height) {
                g.drawImage(decoded, 0, 0, null);
            } else {
                double scale = Math.min((double) target.width / decoded.getWidth(),
                        (double) target.height / decoded.getHeight());
                int w = (int) Math.round(decoded.getWidth() * scale);
                int h = (int) Math.round(decoded.getHeight() * scale);
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, target.width, target.height);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(decoded, (target.width - w) / 2, (target.height - h) / 2, w, h, null);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private FFmpegFrameGrabber startGrabber() {
        // FFmpeg prints every file's stream details to stderr otherwise, at every loop; the recorder does the same.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegFrameGrabber candidate = new FFmpegFrameGrabber(file.toFile());
        try {
            candidate.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(candidate);
            throw new WebcamException("the video file \"" + file + "\" could not be read as a video: "
                    + describe(e), e);
        }
        if (!candidate.hasVideo() || candidate.getImageWidth() <= 0 || candidate.getImageHeight() <= 0) {
            release(candidate);
            throw new WebcamException("the file \"" + file + "\" has no video in it");
        }
        return candidate;
    }

    /** The file's size and rate, read once; a file that cannot be read gets the defaults and fails at open. */
    private Probe probe() {
        Probe facts = probe;
        if (facts == null) {
            synchronized (this) {
                if (probe == null) {
                    probe = readProbe();
                }
                facts = probe;
            }
        }
        return facts;
    }

    private Probe readProbe() {
        if (!Files.isRegularFile(file)) {
            return new Probe(null, FALLBACK_FPS, "does not exist");
        }
        try {
            FFmpegFrameGrabber reader = startGrabber();
            try {
                return new Probe(new Dimension(reader.getImageWidth(), reader.getImageHeight()),
                        frameRate(reader), null);
            } finally {
                release(reader);
            }
        } catch (WebcamException e) {
            return new Probe(null, FALLBACK_FPS, e.getMessage());
        }
    }

    private static double frameRate(FFmpegFrameGrabber grabber) {
        double rate = grabber.getVideoFrameRate();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            rate = grabber.getFrameRate();
        }
        return rate > 0 && !Double.isInfinite(rate) ? rate : FALLBACK_FPS;
    }

    private void release(FFmpegFrameGrabber toRelease) {
        if (toRelease == null) {
            return;
        }
        try {
            toRelease.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            LOG.debug("Closing the decoder of {} failed", file, e);
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** What a look into the file found; {@code size} is null when it could not be read. */
    private record Probe(Dimension size, double fps, String problem) {
    }
}
