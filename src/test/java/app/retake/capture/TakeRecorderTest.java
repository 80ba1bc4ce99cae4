package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.history.TakeFiles;

/** Feeds the recorder frames and audio stamped on a virtual capture clock, then reads the file back. */
class TakeRecorderTest {

    static final long T0 = 5_000_000_000L;
    static final int RATE = 48_000;

    @TempDir
    Path dir;

    record Probe(String videoCodec, String audioCodec, double seconds, int frames, double audioSeconds) {
    }

    static Probe probe(Path file) throws IOException {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            int frames = 0;
            long audioSamples = 0;
            Frame f;
            while ((f = g.grab()) != null) {
                if (f.image != null) {
                    frames++;
                }
                if (f.samples != null) {
                    audioSamples += f.samples[0].limit() / (f.samples.length == 1 ? Math.max(1, f.audioChannels) : 1);
                }
            }
            return new Probe(g.hasVideo() ? g.getVideoCodecName() : null, g.hasAudio() ? g.getAudioCodecName() : null,
                    g.getLengthInTime() / 1e6, frames, g.hasAudio() ? audioSamples / (double) g.getSampleRate() : 0);
        }
    }

    static BufferedImage image(int n) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(new Color((n * 7) % 256, 80, 160));
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return image;
    }

    static AudioChunk tone(long nanos, int samples, long firstSample) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (firstSample + i) / RATE));
        }
        return new AudioChunk(nanos, RATE, s);
    }

    private TakeFiles files() {
        return TakeFiles.of(dir, LocalDate.of(2026, 11, 22), "s1", "take-1");
    }

    /** Records {@code seconds} of 30 fps video and 20 ms audio chunks, skipping audio between the given times. */
    private TakeStats record(TakeFiles files, double seconds, double muteFrom, double muteTo) throws IOException {
        TakeRecorder recorder = new TakeRecorder(files, RecorderSettings.of(new Resolution(320, 240), 30, RATE), 1000);
        recorder.start(T0);
        int frames = (int) Math.round(seconds * 30);
        int chunk = RATE / 50;
        long sample = 0;
        for (int i = 0; i < frames; i++) {
            recorder.offerVideo(new VideoFrame(T0 + Math.round(i * 1e9 / 30), i, image(i)));
            while (sample < Math.round((i + 1) * RATE / 30.0)) {
                double t = sample / (double) RATE;
                if (t < muteFrom || t >= muteTo) {
                    recorder.offerAudio(tone(T0 + Math.round(t * 1e9), chunk, sample));
                }
                sample += chunk;
            }
        }
        return recorder.stop();
    }

    @Test
    void aTakeIsAnH264AndAacMp4OfTheRightLengthWithEveryFrame() throws IOException {
        TakeFiles files = files();
        TakeStats stats = record(files, 3, -1, -1);
        assertThat(stats.file()).isEqualTo(files.video());
        assertThat(Files.exists(files.recording())).as("the fragmented recording is replaced").isFalse();
        assertThat(stats.framesCaptured()).isEqualTo(90);
        assertThat(stats.framesEncoded()).isEqualTo(90);
        assertThat(stats.framesDropped()).isZero();
        assertThat(stats.stopReason()).isEmpty();
        Probe probe = probe(files.video());
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.frames()).isEqualTo(90);
        assertThat(probe.seconds()).isCloseTo(3.0, within(0.1));
        assertThat(probe.audioSeconds()).isCloseTo(3.0, within(0.05));
    }

    @Test
    void missingAudioIsFilledWithSilenceSoTheStreamsStayInStep() throws IOException {
        TakeStats stats = record(files(), 3, 1.0, 1.5);
        assertThat(stats.audioSeconds()).isCloseTo(3.0, within(0.03));
        assertThat(Math.abs(stats.avDriftMs())).isLessThan(1000.0 / 30);
        assertThat(probe(stats.file()).audioSeconds()).isCloseTo(3.0, within(0.05));
    }

    @Test
    void framesStampedInTheSameSlotAreBothKept() throws IOException {
        TakeRecorder recorder = new TakeRecorder(files(), RecorderSettings.of(new Resolution(320, 240), 30, 0), 100);
        recorder.start(T0);
        for (int i = 0; i < 10; i++) {
            recorder.offerVideo(new VideoFrame(T0 + Math.round(i / 2 * 1e9 / 30), i, image(i)));
        }
        TakeStats stats = recorder.stop();
        assertThat(stats.framesEncoded()).isEqualTo(10);
        assertThat(probe(stats.file()).frames()).isEqualTo(10);
        assertThat(probe(stats.file()).audioCodec()).isNull();
    }

    @Test
    void anAudioOnlyTakeIsRecorded() throws IOException {
        TakeRecorder recorder = new TakeRecorder(files(), RecorderSettings.of(null, 30, RATE), 1000);
        recorder.start(T0);
        for (int i = 0; i < 100; i++) {
            recorder.offerAudio(tone(T0 + i * 20_000_000L, RATE / 50, (long) i * RATE / 50));
        }
        TakeStats stats = recorder.stop();
        Probe probe = probe(stats.file());
        assertThat(probe.videoCodec()).isNull();
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.audioSeconds()).isCloseTo(2.0, within(0.05));
    }

    @Test
    void aRecordingInterruptedMidTakeIsPlayableAndRepaired() throws IOException, InterruptedException {
        TakeFiles files = files();
        TakeRecorder recorder = new TakeRecorder(files, RecorderSettings.of(new Resolution(320, 240), 30, RATE), 1000);
        recorder.start(T0);
        for (int i = 0; i < 90; i++) {
            recorder.offerVideo(new VideoFrame(T0 + Math.round(i * 1e9 / 30), i, image(i)));
            recorder.offerAudio(tone(T0 + Math.round(i * 1e9 / 30), RATE / 30, (long) i * RATE / 30));
        }
        // Wait until the encoder has written at least two fragments, then copy the file as a crash would leave it.
        Path crashed = dir.resolve("crash").resolve("2026-11-22").resolve("s1");
        Files.createDirectories(crashed);
        for (int tries = 0; tries < 200 && Files.size(files.recording()) < 30_000; tries++) {
            Thread.sleep(20);
        }
        Path left = crashed.resolve("take-1" + TakeFiles.RECORDING_SUFFIX);
        Files.copy(files.recording(), left);
        recorder.stop();

        Probe asLeft = probe(left);
        assertThat(asLeft.videoCodec()).isEqualTo("h264");
        assertThat(asLeft.frames()).isGreaterThanOrEqualTo(30);
        assertThat(TakeRecorder.repair(dir.resolve("crash"))).containsExactly(crashed.resolve("take-1.mp4"));
        assertThat(Files.exists(left)).isFalse();
        assertThat(probe(crashed.resolve("take-1.mp4")).frames()).isEqualTo(asLeft.frames());
    }

    @Test
    void framesTheEncoderCannotTakeAreCountedNotLostSilently() throws IOException {
        // A queue of two frames and a burst far faster than the encoder: most of the burst cannot be queued.
        TakeRecorder recorder = new TakeRecorder(files(), RecorderSettings.of(new Resolution(320, 240), 30, 0), 0.01);
        recorder.start(T0);
        BufferedImage image = image(1);
        for (int i = 0; i < 500; i++) {
            recorder.offerVideo(new VideoFrame(T0 + Math.round(i * 1e9 / 30), i, image));
        }
        TakeStats stats = recorder.stop();
        assertThat(stats.framesCaptured()).isEqualTo(500);
        assertThat(stats.framesDropped()).isPositive();
        assertThat(stats.framesEncoded() + stats.framesDropped()).isEqualTo(500);
        assertThat(probe(stats.file()).frames()).isEqualTo((int) stats.framesEncoded());
    }

    @Test
    void recordingStopsCleanlyWhenTheDiskFillsUpAndKeepsTheTakeSoFar() throws IOException {
        TakeFiles files = files();
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        // Plenty of space at 0 s and 1 s of recording; at 2 s less than the reserve is left.
        TakeRecorder.FreeSpace filling = () -> checks.getAndIncrement() < 2 ? 50L << 30
                : TakeRecorder.RESERVE_BYTES - 1;
        TakeRecorder recorder = new TakeRecorder(files, RecorderSettings.of(new Resolution(320, 240), 30, 0), 1000,
                filling);
        recorder.start(T0);
        for (int i = 0; i < 150; i++) {
            recorder.offerVideo(new VideoFrame(T0 + Math.round(i * 1e9 / 30), i, image(i)));
        }
        TakeStats stats = recorder.stop();
        assertThat(stats.stopReason()).contains("the disk is full: recording stopped at 0:02; the take so far is kept");
        assertThat(stats.file()).isEqualTo(files.video());
        Probe probe = probe(files.video());
        assertThat(probe.frames()).as("the take so far plays").isBetween(60, 62);
        assertThat(stats.framesDropped()).as("what could not be written is counted").isEqualTo(150 - probe.frames());
    }

    @Test
    void aTakeIsRefusedWhenTheDiskIsNearlyFull() {
        RecorderSettings settings = RecorderSettings.of(new Resolution(640, 480), 30, RATE);
        assertThatThrownBy(() -> TakeRecorder.checkSpace(20L << 20, dir, settings))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Only 20 MB free in " + dir + "; a take needs at least");
        org.assertj.core.api.Assertions.assertThatCode(() -> TakeRecorder.checkSpace(10L << 30, dir, settings))
                .doesNotThrowAnyException();
    }
}
