package app.retake.speech;

import static app.retake.speech.VoiceSignals.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceMetricsTest {

    @Test
    void octaveGlideVariesByTheAnalyticSpreadOfAnEvenSemitoneRamp() {
        VoiceMetrics metrics = VoiceMetrics.measure(VoiceSignals.glide(150, 300, 0.5, 3.0), RATE).orElseThrow();

        // Uniform over 12 semitones has SD 12 / sqrt(12); its median is halfway, 150 * sqrt(2) Hz.
        assertThat(metrics.pitchVariationSemitones()).isCloseTo(12 / Math.sqrt(12), within(0.3));
        assertThat(metrics.medianPitchHz()).isCloseTo(150 * Math.sqrt(2), within(3.0));
        assertThat(metrics.monotone()).isFalse();
    }

    @Test
    void steadyToneHasNoVariationAndIsFlaggedMonotone() {
        VoiceMetrics metrics = VoiceMetrics.measure(VoiceSignals.sine(200, 0.5, 2.0), RATE).orElseThrow();

        assertThat(metrics.medianPitchHz()).isCloseTo(200, within(1.0));
        assertThat(metrics.pitchVariationSemitones()).isCloseTo(0, within(0.05));
        assertThat(metrics.monotone()).isTrue();
    }

    @Test
    void fullScaleSineIsThreeDecibelsBelowFullScale() {
        VoiceMetrics metrics = VoiceMetrics.measure(VoiceSignals.sine(200, 1.0, 2.0), RATE).orElseThrow();

        assertThat(metrics.meanLevelDbfs()).isCloseTo(-3.01, within(0.1));
        assertThat(metrics.levelVariationDb()).isCloseTo(0, within(0.05));
    }

    @Test
    void halvingTheAmplitudeLowersTheLevelBySixDecibels() {
        double full = VoiceMetrics.measure(VoiceSignals.sine(200, 1.0, 2.0), RATE).orElseThrow().meanLevelDbfs();
        double half = VoiceMetrics.measure(VoiceSignals.sine(200, 0.5, 2.0), RATE).orElseThrow().meanLevelDbfs();

        assertThat(half - full).isCloseTo(-6.02, within(0.1));
    }

    @Test
    void alternatingLoudAndQuietSpeechShowsLevelVariation() {
        short[] take = VoiceSignals.concat(VoiceSignals.sine(200, 1.0, 1.0), VoiceSignals.sine(200, 0.5, 1.0));

        VoiceMetrics metrics = VoiceMetrics.measure(take, RATE).orElseThrow();

        // Half the frames at -3 dBFS and half at -9 dBFS: SD is half the 6 dB gap, give or take the frames that
        // straddle the step.
        assertThat(metrics.levelVariationDb()).isCloseTo(3.01, within(0.15));
        assertThat(metrics.meanLevelDbfs()).isCloseTo(-6.02, within(0.15));
    }

    @Test
    void silenceIsNotEnoughVoicedSpeech() {
        assertThat(VoiceMetrics.measure(VoiceSignals.silence(5.0), RATE)).isEmpty();
    }

    @Test
    void underASecondOfVoicedSpeechIsNotEnough() {
        short[] take = VoiceSignals.concat(VoiceSignals.sine(200, 0.5, 0.8), VoiceSignals.silence(4.0));

        assertThat(VoiceMetrics.measure(take, RATE)).isEmpty();
    }

    @Test
    void voicedSecondsCountOnlyTheVoicedFrames() {
        short[] take = VoiceSignals.concat(VoiceSignals.sine(200, 0.5, 1.5), VoiceSignals.silence(1.5));

        VoiceMetrics metrics = VoiceMetrics.measure(take, RATE).orElseThrow();

        assertThat(metrics.voicedSeconds()).isCloseTo(1.5, within(0.05));
        assertThat(metrics.analysedSeconds()).isCloseTo(3.0, within(0.05));
        assertThat(metrics.voicedFrames()).isEqualTo((int) Math.round(metrics.voicedSeconds() / 0.010));
    }

    @Test
    void espeakVoiceHasAPlausibleMalePitchAndIsLargelyVoiced(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("out.wav");
        Path wav = dir.resolve("in.wav");
        Assumptions.assumeTrue(run(dir, "espeak-ng", "-w", raw.toString(),
                "Tell me about a time you disagreed with your manager and how you resolved it."), "espeak-ng missing");
        Assumptions.assumeTrue(run(dir, "sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", wav.toString()),
                "sox missing");

        PitchTrack track = new PitchTracker(RATE).track(readSamples(wav));
        Optional<VoiceMetrics> metrics = VoiceMetrics.of(track);

        assertThat(track.voicedShare()).isGreaterThan(0.30);
        assertThat(metrics).isPresent();
        assertThat(metrics.get().medianPitchHz()).isBetween(80.0, 180.0);
    }

    private static boolean run(Path dir, String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("process.log").toFile()).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static short[] readSamples(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            assertThat(format.getSampleRate()).isEqualTo(RATE);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(samples);
            return samples;
        }
    }
}
