package app.retake.speech;

import static app.retake.speech.VoiceSignals.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PitchTrackerTest {

    private final PitchTracker tracker = new PitchTracker(RATE);

    @ParameterizedTest
    @ValueSource(doubles = {110, 220, 330})
    void pureSineIsTrackedWithinOnePercentOnEveryFrame(double hertz) {
        PitchTrack track = tracker.track(VoiceSignals.sine(hertz, 0.5, 1.0));

        assertThat(track.voicedShare()).isEqualTo(1.0);
        assertThat(voicedPitches(track)).allSatisfy(p -> assertThat(p).isCloseTo(hertz, within(hertz * 0.01)));
    }

    @Test
    void cleanSineIsNearlyPerfectlyPeriodic() {
        PitchTrack track = tracker.track(VoiceSignals.sine(220, 0.5, 0.5));

        for (int i = 0; i < track.frameCount(); i++) {
            assertThat(track.aperiodicity(i)).isLessThan(0.02);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.0})
    void harmonicToneWithWeakOrMissingFundamentalIsTrackedAtTheFundamental(double fundamentalWeight) {
        short[] tone = VoiceSignals.harmonics(150, 0.5, 1.0, fundamentalWeight, 1.0, 0.8, 0.6, 0.5, 0.4);

        PitchTrack track = tracker.track(tone);

        assertThat(track.voicedShare()).isEqualTo(1.0);
        assertThat(voicedPitches(track)).allSatisfy(p -> assertThat(p).isCloseTo(150, within(1.5)));
    }

    @Test
    void harmonicRichToneHasNoOctaveErrors() {
        PitchTrack track = tracker.track(VoiceSignals.sawtooth(200, 0.5, 2.0));

        assertThat(track.voicedShare()).isEqualTo(1.0);
        assertThat(voicedPitches(track)).allSatisfy(p -> assertThat(p).isCloseTo(200, within(2.0)));
    }

    @Test
    void silenceIsUnvoiced() {
        PitchTrack track = tracker.track(VoiceSignals.silence(1.0));

        assertThat(track.frameCount()).isPositive();
        assertThat(track.voicedFrameCount()).isZero();
        assertThat(track.pitchHz(0)).isEmpty();
    }

    @Test
    void toneBelowTheVoicingGateIsUnvoiced() {
        // Peak 0.004 of full scale is about -51 dBFS RMS, under the -45 dBFS gate.
        PitchTrack track = tracker.track(VoiceSignals.sine(200, 0.004, 1.0));

        assertThat(track.voicedFrameCount()).isZero();
    }

    @Test
    void whiteNoiseIsMostlyUnvoiced() {
        PitchTrack track = tracker.track(VoiceSignals.whiteNoise(0.2, 3.0, 42));

        assertThat(track.voicedShare()).isLessThanOrEqualTo(0.10);
        double aperiodicitySum = 0;
        for (int i = 0; i < track.frameCount(); i++) {
            aperiodicitySum += track.aperiodicity(i);
        }
        assertThat(aperiodicitySum / track.frameCount()).isGreaterThan(0.3);
    }

    @Test
    void framesAreFortyMillisecondsEveryTenMilliseconds() {
        PitchTrack track = tracker.track(VoiceSignals.sine(200, 0.5, 1.0));

        // (16000 - 640) / 160 + 1 whole frames fit in one second.
        assertThat(track.frameCount()).isEqualTo(97);
        assertThat(track.hopSeconds()).isEqualTo(0.010);
        assertThat(track.timeSeconds(0)).isCloseTo(0.020, within(1e-9));
        assertThat(track.timeSeconds(1)).isCloseTo(0.030, within(1e-9));
    }

    @Test
    void audioShorterThanOneFrameHasNoFrames() {
        assertThat(tracker.track(new short[100]).frameCount()).isZero();
    }

    private static List<Double> voicedPitches(PitchTrack track) {
        List<Double> pitches = new ArrayList<>();
        for (int i = 0; i < track.frameCount(); i++) {
            track.pitchHz(i).ifPresent(pitches::add);
        }
        return pitches;
    }
}
