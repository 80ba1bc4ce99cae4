package app.retake.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sound card's capture line, through {@code javax.sound.sampled}: 16-bit mono at 48, 44.1 or 16 kHz, whichever
 * the device offers first, delivered in blocks of about 20 ms.
 */
public final class LineMicrophone implements Microphone {

    private static final Logger LOG = LoggerFactory.getLogger(LineMicrophone.class);
    private static final int[] RATES = {48_000, 44_100, 16_000};
    /** Channel counts to try at each rate; a stereo-only device is downmixed rather than refused. */
    private static final int[] CHANNELS = {1, 2};
    private static final int BLOCKS_PER_SECOND = 50;
    /** Room in the driver's buffer, so a capture thread held up for a moment loses nothing. */
    private static final int BUFFER_MILLIS = 500;
    /** Empty reads in a row, 10 ms apart, after which the device is taken to be gone. */
    private static final int MAX_EMPTY_READS = 100;
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final String mixerName;
    private final Object lock = new Object();
    private TargetDataLine line;
    private Thread thread;
    private volatile boolean running;
    private volatile int sampleRate;
    private volatile long samplesCaptured;
    private volatile String failure;

    /**
     * Names the device without opening it; the device is claimed by {@link #start}.
     *
     * @param mixerName the sound-system mixer to capture from, as {@link MicrophoneDiscovery} names it (a unique
     *                  part of the name will do); null for the system's default
     */
    public LineMicrophone(String mixerName) {
        this.mixerName = mixerName;
    }

    @Override
    public String name() {
        return mixerName == null ? "Default microphone" : mixerName;
    }

    /** The rate capture runs at; before {@link #start}, the rate it would pick, or 48 kHz if there is no device. */
    @Override
    public int sampleRate() {
        int rate = sampleRate;
        if (rate > 0) {
            return rate;
        }
        try {
            Mixer mixer = mixerName == null ? null : findMixer(mixerName);
            for (int r : RATES) {
                for (int channels : CHANNELS) {
                    if (supports(mixer, format(r, channels))) {
                        return r;
                    }
                }
            }
        } catch (DeviceException | RuntimeException e) {
            LOG.debug("Could not ask {} for its sample rates", name(), e);
        }
        return RATES[0];
    }

    @Override
    public void start(CaptureClock clock, Consumer<AudioChunk> sink) throws DeviceException {
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException(name() + " is already capturing");
            }
            if (thread != null) {
                // Capture ended by itself (device gone); release that line before opening a new one.
                stop();
            }
            TargetDataLine opened = open();
            AudioFormat format = opened.getFormat();
            try {
                opened.start();
            } catch (RuntimeException e) {
                opened.close();
                throw new DeviceException(subject() + " could not be started: " + describe(e), e);
            }
            line = opened;
            sampleRate = (int) format.getSampleRate();
            samplesCaptured = 0;
            failure = null;
            running = true;
            thread = new Thread(() -> capture(opened, format, clock, sink), "microphone-capture");
            thread.setDaemon(true);
            thread.start();
            LOG.info("Capturing from {} at {} Hz, {} channel(s)", name(), sampleRate, format.getChannels());
        }
    }

    @Override
    public void stop() {
        Thread capturing;
        synchronized (lock) {
            if (thread == null) {
                return;
            }
            running = false;
            // Closing the line is what wakes a read that is waiting for the device.
            line.stop();
            line.close();
            capturing = thread;
            thread = null;
            line = null;
        }
        try {
            capturing.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (capturing.isAlive()) {
            LOG.warn("The capture thread of {} did not end within {} ms", name(), STOP_WAIT_MILLIS);
        }
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Samples delivered to the sink since the last start. */
    public long samplesCaptured() {
        return samplesCaptured;
    }

    private TargetDataLine open() throws DeviceException {
        try {
            Mixer mixer = mixerName == null ? null : findMixer(mixerName);
            for (int rate : RATES) {
                for (int channels : CHANNELS) {
                    AudioFormat format = format(rate, channels);
                    if (!supports(mixer, format)) {
                        continue;
                    }
                    DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
                    TargetDataLine candidate = (TargetDataLine) (mixer == null
                            ? AudioSystem.getLine(info) : mixer.getLine(info));
                    int bytesPerSecond = rate * format.getFrameSize();
                    candidate.open(format, bytesPerSecond * BUFFER_MILLIS / 1000);
                    return candidate;
                }
            }
            throw new DeviceException(mixer == null ? noMicrophone()
                    : subject() + " cannot record 16-bit sound at 48, 44.1 or 16 kHz. Choose another microphone.");
        } catch (LineUnavailableException e) {
            throw new DeviceException(subject() + " is in use by another program. Close programs that record sound,"
                    + " then try again.", e);
        } catch (SecurityException e) {
            throw new DeviceException("Retake is not allowed to use " + lowerSubject() + ". Allow microphone access"
                    + " in the system's privacy settings, then try again.", e);
        } catch (IllegalArgumentException e) {
            // The sound system's way of saying it has no such line at all.
            throw new DeviceException(noMicrophone(), e);
        } catch (RuntimeException e) {
            throw new DeviceException(subject() + " could not be opened: " + describe(e), e);
        }
    }

    private void capture(TargetDataLine source, AudioFormat format, CaptureClock clock, Consumer<AudioChunk> sink) {
        int rate = (int) format.getSampleRate();
        int channels = format.getChannels();
        int frameSize = format.getFrameSize();
        byte[] block = new byte[rate / BLOCKS_PER_SECOND * frameSize];
        CaptureTimeline timeline = new CaptureTimeline(rate);
        int carried = 0;
        int emptyReads = 0;
        boolean sinkFailed = false;
        while (running) {
            int read;
            try {
                read = source.read(block, carried, block.length - carried);
            } catch (RuntimeException e) {
                if (running) {
                    fail(subject() + " stopped working: " + describe(e), e);
                }
                return;
            }
            long arrival = clock.nanos();
            if (read <= 0) {
                if (!running) {
                    return;
                }
                if (++emptyReads >= MAX_EMPTY_READS) {
                    fail(subject() + " stopped sending sound; it may have been unplugged.", null);
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                continue;
            }
            emptyReads = 0;
            int bytes = carried + read;
            int frames = bytes / frameSize;
            carried = bytes - frames * frameSize;
            if (frames == 0) {
                continue;
            }
            short[] samples = Pcm.toMono(block, frames, channels, format.isBigEndian());
            System.arraycopy(block, frames * frameSize, block, 0, carried);
            AudioChunk chunk = new AudioChunk(timeline.stamp(arrival, frames), rate, samples);
            samplesCaptured += frames;
            try {
                sink.accept(chunk);
            } catch (RuntimeException e) {
                // Capture goes on: losing the rest of the take to one bad hand-off would be worse.
                if (!sinkFailed) {
                    sinkFailed = true;
                    LOG.error("The receiver of {}'s audio failed; capture continues", name(), e);
                }
            }
        }
    }

    private void fail(String message, Throwable cause) {
        failure = message;
        running = false;
        LOG.warn("{}", message, cause);
    }

    private static AudioFormat format(int rate, int channels) {
        return new AudioFormat(rate, 16, channels, true, false);
    }

    private static boolean supports(Mixer mixer, AudioFormat format) {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        return mixer == null ? AudioSystem.isLineSupported(info) : mixer.isLineSupported(info);
    }

    private Mixer findMixer(String wanted) throws DeviceException {
        List<String> names = new ArrayList<>();
        Mixer.Info loose = null;
        int looseMatches = 0;
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            if (!mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, null))) {
                continue;
            }
            if (info.getName().equals(wanted)) {
                return mixer;
            }
            names.add(info.getName());
            if (info.getName().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))) {
                loose = info;
                looseMatches++;
            }
        }
        if (looseMatches == 1) {
            return AudioSystem.getMixer(loose);
        }
        throw new DeviceException(names.isEmpty() ? noMicrophone()
                : "No microphone called \"" + wanted + "\" was found. Microphones on this computer: "
                        + String.join(", ", names) + ".");
    }

    private String noMicrophone() {
        return mixerName == null ? "No microphone found. Connect one and try again, or record without sound."
                : "No microphone found, so \"" + mixerName + "\" cannot be used. Connect one and try again,"
                        + " or record without sound.";
    }

    private String subject() {
        return mixerName == null ? "The default microphone" : "The microphone \"" + mixerName + "\"";
    }

    private String lowerSubject() {
        return mixerName == null ? "the default microphone" : "the microphone \"" + mixerName + "\"";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
