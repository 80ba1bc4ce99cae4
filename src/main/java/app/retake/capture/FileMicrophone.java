package app.retake.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WAV file played into the pipeline as if a microphone were hearing it: in real time, in 20 ms chunks, at the
 * file's sample rate, stereo mixed down to mono. Plays once and then {@link #finished()}, or loops for ever.
 *
 * <p>Each chunk is released once the capture clock reaches the time its last sample would have been heard, like a
 * sound card's; release times are computed from the start, so pacing does not drift however late a chunk goes.
 * Stamps are exact: chunk k begins {@code samples before it / rate} seconds after the start.
 */
public final class FileMicrophone implements Microphone {

    private static final Logger LOG = LoggerFactory.getLogger(FileMicrophone.class);
    private static final int CHUNKS_PER_SECOND = 50;
    /** Longest single wait, so a stop is noticed promptly whatever clock is in use. */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final Path file;
    private final boolean loop;
    /** Waits up to the given nanoseconds; tests with a fake clock replace it so that nothing waits for real. */
    private final LongConsumer pause;
    private final AudioFormat sourceFormat;
    private final int sampleRate;
    private final Object lock = new Object();
    private Thread thread;
    private volatile boolean running;
    private volatile boolean finished;
    private volatile long samplesCaptured;
    private volatile String failure;

    /**
     * Reads the file's header, so a missing or unreadable file is reported now rather than at start.
     *
     * @param loop whether to start again from the beginning at the end of the file
     */
    public FileMicrophone(Path file, boolean loop) throws DeviceException {
        this(file, loop, LockSupport::parkNanos);
    }

    FileMicrophone(Path file, boolean loop, LongConsumer pause) throws DeviceException {
        this.file = file;
        this.loop = loop;
        this.pause = pause;
        if (!Files.isRegularFile(file)) {
            throw new DeviceException("The sound file " + file + " does not exist.");
        }
        AudioFileFormat fileFormat;
        try {
            fileFormat = AudioSystem.getAudioFileFormat(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new DeviceException("The file " + file + " is not a WAV file Retake can play.", e);
        } catch (IOException e) {
            throw new DeviceException("The sound file " + file + " could not be read: " + e.getMessage(), e);
        }
        this.sourceFormat = fileFormat.getFormat();
        float rate = sourceFormat.getSampleRate();
        if (rate <= 0 || rate != Math.rint(rate) || sourceFormat.getChannels() <= 0) {
            throw new DeviceException("The sound file " + file + " does not say its sample rate or channels.");
        }
        if (!AudioSystem.isConversionSupported(pcm16(sourceFormat), sourceFormat)
                && !isPcm16(sourceFormat)) {
            throw new DeviceException("The sound file " + file + " is not PCM audio Retake can play (it is "
                    + sourceFormat + "); convert it to 16-bit PCM WAV.");
        }
        this.sampleRate = (int) rate;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    /** Starts playing from the beginning of the file. */
    @Override
    public void start(CaptureClock clock, Consumer<AudioChunk> sink) throws DeviceException {
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException(name() + " is already playing");
            }
            if (thread != null) {
                stop();
            }
            AudioInputStream opened = openStream();
            running = true;
            finished = false;
            failure = null;
            samplesCaptured = 0;
            thread = new Thread(() -> play(opened, clock, sink), "microphone-file");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread playing;
        synchronized (lock) {
            if (thread == null) {
                return;
            }
            running = false;
            playing = thread;
            thread = null;
        }
        LockSupport.unpark(playing);
        try {
            playing.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (playing.isAlive()) {
            LOG.warn("The playing thread of {} did not end within {} ms", file, STOP_WAIT_MILLIS);
        }
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether a file that does not loop has been played to its end. */
    public boolean finished() {
        return finished;
    }

    /**
     * Waits for a file that does not loop to play to its end.
     *
     * @return whether it has; false when the wait ran out, or playing stopped or failed first
     */
    public boolean awaitFinished(Duration limit) throws InterruptedException {
        Thread playing;
        synchronized (lock) {
            playing = thread;
        }
        if (playing != null) {
            playing.join(Math.max(1, limit.toMillis()));
        }
        return finished;
    }

    /** Samples delivered to the sink since the last start. */
    public long samplesCaptured() {
        return samplesCaptured;
    }

    private void play(AudioInputStream opened, CaptureClock clock, Consumer<AudioChunk> sink) {
        AudioInputStream in = opened;
        AudioFormat format = in.getFormat();
        int channels = format.getChannels();
        int frameSize = format.getFrameSize();
        byte[] block = new byte[Math.max(1, sampleRate / CHUNKS_PER_SECOND) * frameSize];
        long start = clock.nanos();
        long played = 0;
        long playedThisPass = 0;
        boolean sinkFailed = false;
        try {
            while (running) {
                int bytes = readFully(in, block);
                int frames = bytes / frameSize;
                if (frames == 0) {
                    if (!loop) {
                        finished = true;
                        return;
                    }
                    if (playedThisPass == 0) {
                        fail("The sound file " + file + " has no sound in it.", null);
                        return;
                    }
                    in.close();
                    in = openStream();
                    playedThisPass = 0;
                    continue;
                }
                short[] samples = Pcm.toMono(block, frames, channels, format.isBigEndian());
                long first = start + nanos(played);
                if (!waitUntil(clock, start + nanos(played + frames))) {
                    return;
                }
                samplesCaptured = played + frames;
                try {
                    sink.accept(new AudioChunk(first, sampleRate, samples));
                } catch (RuntimeException e) {
                    if (!sinkFailed) {
                        sinkFailed = true;
                        LOG.error("The receiver of {}'s audio failed; playing continues", name(), e);
                    }
                }
                played += frames;
                playedThisPass += frames;
            }
        } catch (IOException e) {
            fail("The sound file " + file + " could not be read: " + e.getMessage(), e);
        } catch (DeviceException e) {
            fail(e.getMessage(), e);
        } finally {
            running = false;
            closeQuietly(in);
        }
    }

    /** Waits for the clock to reach {@code due}; false if stopped meanwhile. */
    private boolean waitUntil(CaptureClock clock, long due) {
        while (running) {
            long left = due - clock.nanos();
            if (left <= 0) {
                return true;
            }
            pause.accept(Math.min(left, MAX_WAIT_NANOS));
        }
        return false;
    }

    private long nanos(long samples) {
        return samples / sampleRate * 1_000_000_000L + samples % sampleRate * 1_000_000_000L / sampleRate;
    }

    private AudioInputStream openStream() throws DeviceException {
        InputStream bytes = null;
        try {
            bytes = new BufferedInputStream(Files.newInputStream(file));
            AudioInputStream in = AudioSystem.getAudioInputStream(bytes);
            return isPcm16(in.getFormat()) ? in : AudioSystem.getAudioInputStream(pcm16(in.getFormat()), in);
        } catch (UnsupportedAudioFileException e) {
            closeQuietly(bytes);
            throw new DeviceException("The file " + file + " is not a WAV file Retake can play.", e);
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(bytes);
            throw new DeviceException("The sound file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", file, e);
        }
    }

    private void fail(String message, Throwable cause) {
        failure = message;
        running = false;
        LOG.warn("{}", message, cause);
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n <= 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static boolean isPcm16(AudioFormat format) {
        return format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) && format.getSampleSizeInBits() == 16;
    }

    private static AudioFormat pcm16(AudioFormat source) {
        return new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
    }
}
