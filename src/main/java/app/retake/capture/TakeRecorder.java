package app.retake.capture;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.history.TakeFiles;
import app.retake.storage.AtomicFiles;

/**
 * Records one take to MP4 (H.264 video, AAC audio) on its own encoder thread.
 *
 * <p>Sources hand frames and audio over through bounded queues and never wait for the encoder; what does not
 * fit is counted as dropped. Timestamps come from the capture clock, not from counting frames: a frame's
 * position is its capture time, and audio gaps (dropped chunks, a late start) are filled with silence so the
 * two streams stay in step.
 *
 * <p>While recording, the file is a fragmented MP4 ({@code <take>.recording.mp4}) with a fragment at every key
 * frame, one a second: a killed process leaves a file that players read, missing at most the last second.
 * Stopping remuxes it, without re-encoding, into an ordinary MP4 ({@code <take>.mp4}) that every player handles;
 * {@link #repair} does the same for a take a crash interrupted.
 */
public final class TakeRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TakeRecorder.class);
    /** A take needs at least this many minutes of recording space before it may start. */
    public static final int MINUTES_REQUIRED = 5;
    /** Audio that drifts from the capture clock by more than this is realigned (silence inserted or skipped). */
    static final double REALIGN_SECONDS = 0.02;

    /**
     * Free space kept while recording: when less than this plus the size of the recording so far is left (stopping
     * copies the recording once into an ordinary MP4), recording stops cleanly and keeps what it has, rather than
     * running into a full disk.
     */
    public static final long RESERVE_BYTES = 200L << 20;

    /** Usable bytes where a take is written. A fault trial or test passes its own to play a disk filling up. */
    @FunctionalInterface
    public interface FreeSpace {
        long bytes() throws IOException;

        /** The free space of the file system holding {@code dir} (or its nearest existing parent). */
        static FreeSpace of(Path dir) {
            return () -> {
                Path existing = dir;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null) {
                    throw new IOException(dir + " does not exist");
                }
                return Files.getFileStore(existing).getUsableSpace();
            };
        }
    }

    private final TakeFiles files;
    private final RecorderSettings settings;
    private final FreeSpace space;
    private final BlockingQueue<VideoFrame> video;
    private final BlockingQueue<AudioChunk> audio;
    private final AtomicLong framesCaptured = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong audioDropped = new AtomicLong();
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private volatile boolean accepting;
    private volatile String failure;
    private boolean diskFull;
    private FFmpegFrameRecorder recorder;
    private Thread encoder;
    private long startNanos;
    private long framesEncoded;
    private long lastFrameNumber = -1;
    private long samplesWritten;
    private long audioEndNanos;
    private boolean stopped;

    /**
     * @param queueSeconds how much capture the queues hold while the encoder is busy
     */
    public TakeRecorder(TakeFiles files, RecorderSettings settings, double queueSeconds) {
        this(files, settings, queueSeconds, FreeSpace.of(files.dir()));
    }

    /**
     * @param queueSeconds how much capture the queues hold while the encoder is busy
     * @param space        the free space, checked once a second of recording
     */
    public TakeRecorder(TakeFiles files, RecorderSettings settings, double queueSeconds, FreeSpace space) {
        this.files = files;
        this.settings = settings;
        this.space = space;
        this.video = new ArrayBlockingQueue<>(Math.max(2, (int) Math.ceil(queueSeconds * settings.fps())));
        this.audio = new ArrayBlockingQueue<>(Math.max(8, (int) Math.ceil(queueSeconds * 100)));
    }

    public TakeRecorder(TakeFiles files, RecorderSettings settings) {
        this(files, settings, 2.0);
    }

    /** Refuses to start when the folder lacks space for {@link #MINUTES_REQUIRED} minutes of recording. */
    public static void checkSpace(Path dir, RecorderSettings settings) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        checkSpace(Files.getFileStore(existing).getUsableSpace(), existing, settings);
    }

    static void checkSpace(long freeBytes, Path shown, RecorderSettings settings) throws IOException {
        long needed = settings.bytesPerMinute() * MINUTES_REQUIRED;
        if (freeBytes < needed) {
            throw new IOException(String.format(Locale.ROOT, "Only %d MB free in %s; a take needs at least %d MB "
                    + "(%d minutes of recording). Free some space or choose another data folder.",
                    freeBytes >> 20, shown, needed >> 20, MINUTES_REQUIRED));
        }
    }

    /** Opens the file and starts recording from {@code startNanos}: {@link #open} then {@link #begin}. */
    public void start(long startNanos) throws IOException {
        open();
        begin(startNanos);
    }

    /**
     * Checks the space, creates the file and sets up the encoder: the slow part (a few hundred milliseconds), done
     * before the devices start so it never eats into the take.
     */
    public void open() throws IOException {
        Files.createDirectories(files.dir());
        checkSpace(files.dir(), settings);
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Resolution size = settings.hasVideo() ? settings.size() : new Resolution(0, 0);
        recorder = new FFmpegFrameRecorder(files.recording().toFile(), size.width(), size.height(),
                settings.hasAudio() ? 1 : 0);
        recorder.setFormat("mp4");
        // One fragment per key frame and a key frame a second (audio alone: a fragment a second), each handed to the
        // operating system as soon as it is complete: a killed process loses at most the last second.
        recorder.setOption("movflags", settings.hasVideo() ? "frag_keyframe+empty_moov+default_base_moof"
                : "empty_moov+default_base_moof");
        if (!settings.hasVideo()) {
            recorder.setOption("frag_duration", "1000000");
        }
        recorder.setOption("flush_packets", "1");
        if (settings.hasVideo()) {
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setFrameRate(settings.fps());
            recorder.setGopSize((int) Math.max(1, Math.round(settings.fps())));
            recorder.setVideoBitrate(settings.videoBitrate());
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        }
        if (settings.hasAudio()) {
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(settings.audioSampleRate());
            recorder.setAudioBitrate(settings.audioBitrate());
        }
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            release();
            throw new IOException("Could not start recording to " + files.recording() + ": " + e.getMessage(), e);
        }
    }

    /** From now on frames and audio stamped after {@code startNanos} are recorded, {@code startNanos} being time 0. */
    public void begin(long startNanos) {
        this.startNanos = startNanos;
        accepting = true;
        encoder = new Thread(this::encodeLoop, "take-encoder");
        encoder.setDaemon(true);
        encoder.start();
    }

    /** Hands a frame to the encoder; never blocks. */
    public void offerVideo(VideoFrame frame) {
        if (accepting && frame.captureNanos() < startNanos) {
            return; // taken before the take began: not part of it
        }
        framesCaptured.incrementAndGet();
        if (!accepting || !video.offer(frame)) {
            framesDropped.incrementAndGet();
        }
    }

    /** Hands audio to the encoder; never blocks. */
    public void offerAudio(AudioChunk chunk) {
        if (!accepting || !audio.offer(chunk)) {
            audioDropped.incrementAndGet();
        }
    }

    /** Why recording stopped early, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void encodeLoop() {
        double nextSpaceCheck = 0;
        try {
            while (!diskFull && (accepting || !video.isEmpty() || !audio.isEmpty())) {
                AudioChunk chunk;
                while ((chunk = audio.poll()) != null) {
                    writeAudio(chunk);
                }
                VideoFrame frame = video.poll(10, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    writeVideo(frame);
                }
                // Once a second of recording, not of wall time: what is checked depends only on what was recorded.
                if (recordedSeconds() >= nextSpaceCheck) {
                    nextSpaceCheck = Math.floor(recordedSeconds()) + 1;
                    checkSpaceLeft();
                }
            }
        } catch (FrameRecorder.Exception e) {
            String why = describe(e);
            failure = DISK_FULL.equals(why) ? diskFull() : "recording stopped: " + why;
            LOG.error("Recording {} stopped", files.recording(), e);
            accepting = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = "recording stopped: " + e;
            LOG.error("Recording {} stopped", files.recording(), e);
            accepting = false;
        }
    }

    /** Stops recording, keeping the take so far, when the disk is about to fill up. */
    private void checkSpaceLeft() {
        long free;
        long recorded;
        try {
            free = space.bytes();
            recorded = Files.size(files.recording());
        } catch (IOException e) {
            LOG.debug("Could not check the free space for {}: {}", files.recording(), e.toString());
            return;
        }
        if (free < RESERVE_BYTES + recorded) {
            failure = diskFull();
            accepting = false;
            diskFull = true;
            // What is still queued is not written: the take ends where the space ran out.
            framesDropped.addAndGet(video.size());
            audioDropped.addAndGet(audio.size());
            video.clear();
            audio.clear();
            LOG.error("Recording {} stopped: {} MB free, {} MB recorded", files.recording(), free >> 20,
                    recorded >> 20);
        }
    }

    private String diskFull() {
        long s = Math.round(recordedSeconds());
        return String.format(Locale.ROOT, "the disk is full: recording stopped at %d:%02d; the take so far is kept",
                s / 60, s % 60);
    }

    /** Seconds of picture or sound written so far, whichever is longer. */
    private double recordedSeconds() {
        return Math.max(framesEncodedSeconds(), samplesWritten / (double) Math.max(1, settings.audioSampleRate()));
    }

    private void writeVideo(VideoFrame frame) throws FrameRecorder.Exception {
        if (!settings.hasVideo() || frame.captureNanos() < startNanos) {
            return;
        }
        // The frame's place on the timeline is its capture time; two frames never share a slot.
        long number = Math.round((frame.captureNanos() - startNanos) / 1e9 * settings.fps());
        if (number <= lastFrameNumber) {
            number = lastFrameNumber + 1;
        }
        recorder.setFrameNumber((int) number);
        recorder.record(converter.convert(frame.image()));
        lastFrameNumber = number;
        framesEncoded++;
    }

    private void writeAudio(AudioChunk chunk) throws FrameRecorder.Exception {
        if (!settings.hasAudio()) {
            return;
        }
        int rate = settings.audioSampleRate();
        short[] samples = chunk.samples();
        long position = Math.round((chunk.captureNanos() - startNanos) / 1e9 * rate);
        int skip = 0;
        long gap = position - samplesWritten;
        if (gap > REALIGN_SECONDS * rate) {
            // A late start or a dropped chunk: silence keeps what follows in step with the video.
            writeSamples(new short[(int) Math.min(gap, (long) rate * 10)]);
        } else if (-gap > REALIGN_SECONDS * rate || position < 0) {
            skip = (int) Math.min(samples.length, Math.max(-gap, -position));
        }
        if (skip < samples.length) {
            short[] rest = skip == 0 ? samples : java.util.Arrays.copyOfRange(samples, skip, samples.length);
            writeSamples(rest);
        }
        audioEndNanos = chunk.captureNanos() + Math.round(samples.length * 1e9 / rate);
    }

    private void writeSamples(short[] samples) throws FrameRecorder.Exception {
        recorder.recordSamples(settings.audioSampleRate(), 1, ShortBuffer.wrap(samples));
        samplesWritten += samples.length;
    }

    /**
     * Stops accepting input, writes out what is queued, closes the file and turns it into an ordinary MP4.
     * If that last step fails, the fragmented recording is kept as it is (it plays) and the reason is reported.
     */
    public synchronized TakeStats stop() {
        if (stopped) {
            throw new IllegalStateException("already stopped");
        }
        stopped = true;
        accepting = false;
        if (encoder != null) {
            try {
                encoder.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            if (failure == null) {
                failure = "closing the recording failed: " + describe(e);
            }
            LOG.error("Closing {} failed", files.recording(), e);
        }
        release();
        double seconds = Math.max(framesEncodedSeconds(), samplesWritten / (double) Math.max(1, settings.audioSampleRate()));
        double drift = settings.hasAudio() && audioEndNanos > 0
                ? (samplesWritten / (double) settings.audioSampleRate() - (audioEndNanos - startNanos) / 1e9) * 1000
                : 0;
        if (framesDropped.get() > 0 || audioDropped.get() > 0) {
            LOG.warn("{}: the encoder could not keep up; {} frames and {} audio chunks were dropped", files.video(),
                    framesDropped.get(), audioDropped.get());
        }
        Path result = files.recording();
        try {
            finish(files.recording(), files.video());
            result = files.video();
        } catch (IOException e) {
            LOG.error("Could not finish {}; the fragmented recording is kept", files.recording(), e);
            if (failure == null) {
                failure = "the recording was kept as " + files.recording().getFileName() + " (" + e.getMessage() + ")";
            }
        }
        long slotsMissed = settings.hasVideo() && framesEncoded > 0 ? Math.max(0, lastFrameNumber + 1 - framesEncoded) : 0;
        return new TakeStats(result, framesCaptured.get(), framesEncoded, framesDropped.get(), slotsMissed,
                samplesWritten / (double) Math.max(1, settings.audioSampleRate()), audioDropped.get(), drift, seconds,
                Optional.ofNullable(failure));
    }

    private double framesEncodedSeconds() {
        return settings.hasVideo() ? (lastFrameNumber + 1) / settings.fps() : 0;
    }

    private void release() {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            LOG.warn("Releasing the recorder failed", e);
        }
    }

    /** Gives up a recorder that was opened but never begun: closes the encoder and deletes the empty file. */
    public void discard() {
        stopped = true;
        accepting = false;
        if (recorder != null) {
            release();
        }
        try {
            Files.deleteIfExists(files.recording());
        } catch (IOException e) {
            LOG.warn("Could not delete the unused recording {}", files.recording(), e);
        }
    }

    @Override
    public void close() {
        if (!stopped && recorder != null) {
            stop();
        }
    }

    /**
     * Turns a fragmented recording into an ordinary MP4 at {@code target} without re-encoding (temp file, then
     * rename), and deletes the fragmented one.
     */
    public static void finish(Path recording, Path target) throws IOException {
        AtomicFiles.replace(target, temp -> remux(recording, temp));
        Files.delete(recording);
    }

    /**
     * Copies the picture of a finished take, without its sound and without re-encoding, to {@code out}: for
     * players that cannot open a file with sound on a machine without a sound output.
     */
    public static void pictureOnly(Path video, Path out) throws IOException {
        AtomicFiles.replace(out, temp -> remux(video, temp, false));
    }

    private static void remux(Path recording, Path out) throws IOException {
        remux(recording, out, true);
    }

    private static void remux(Path recording, Path out, boolean withSound) throws IOException {
        // Quiet: a recording a crash or a full disk cut short ends mid-packet, which the copy stops at, as it should.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(recording.toFile())) {
            grabber.setFormat("mp4");
            grabber.start();
            // With no audio channels the recorder makes no audio stream, and copying skips the sound's packets.
            FFmpegFrameRecorder copy = new FFmpegFrameRecorder(out.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight(), withSound ? grabber.getAudioChannels() : 0);
            copy.setFormat("mp4");
            copy.setOption("movflags", "+faststart");
            if (grabber.hasVideo()) {
                copy.setVideoCodec(grabber.getVideoCodec());
                copy.setFrameRate(grabber.getFrameRate());
            }
            if (withSound && grabber.hasAudio()) {
                copy.setAudioCodec(grabber.getAudioCodec());
                copy.setSampleRate(grabber.getSampleRate());
            }
            try {
                copy.start(grabber.getFormatContext());
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    copy.recordPacket(packet);
                }
                copy.stop();
            } finally {
                copy.release();
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException(describe(e), e);
        }
    }

    /**
     * Finds takes a crash interrupted under {@code dataRoot} and turns each into an ordinary MP4. Never throws;
     * a recording that cannot be repaired is left where it is.
     *
     * @return the repaired videos
     */
    public static java.util.List<Path> repair(Path dataRoot) {
        java.util.List<Path> repaired = new java.util.ArrayList<>();
        if (!Files.isDirectory(dataRoot)) {
            return repaired;
        }
        try (var walk = Files.walk(dataRoot, 3)) {
            for (Path recording : walk.filter(p -> p.getFileName().toString().endsWith(TakeFiles.RECORDING_SUFFIX))
                    .toList()) {
                String name = recording.getFileName().toString();
                Path target = recording.resolveSibling(
                        name.substring(0, name.length() - TakeFiles.RECORDING_SUFFIX.length()) + ".mp4");
                try {
                    finish(recording, target);
                    repaired.add(target);
                    LOG.warn("Repaired interrupted take {}", target);
                } catch (IOException e) {
                    LOG.error("Could not repair interrupted take {}; it is left as it is", recording, e);
                }
            }
        } catch (IOException e) {
            LOG.error("Could not look for interrupted takes under {}", dataRoot, e);
        }
        return repaired;
    }

    private static final String DISK_FULL = "the disk is full";
    /** FFmpeg's error code for a full disk, as JavaCV words its errors ("... error -28 while writing ..."). */
    private static final java.util.regex.Pattern ENOSPC = java.util.regex.Pattern.compile("(?<![0-9])-28(?![0-9])");

    private static String describe(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || ENOSPC.matcher(message).find()) {
            return DISK_FULL;
        }
        return message;
    }
}
