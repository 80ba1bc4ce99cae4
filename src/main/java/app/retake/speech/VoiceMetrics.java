package app.retake.speech;

import java.util.Arrays;
import java.util.Optional;

/**
 * Measured pitch and loudness of a take's voiced speech: what was heard, with the amount it was measured on.
 *
 * @param medianPitchHz            median fundamental frequency over voiced frames
 * @param pitchVariationSemitones  standard deviation of pitch in semitones relative to the median
 * @param monotone                 whether the variation is below {@link #MONOTONE_BELOW_SEMITONES}
 * @param voicedFrames             frames with a pitch, the sample the numbers rest on
 * @param voicedSeconds            voiced frames times the hop between frames
 * @param analysedSeconds          all frames times the hop, voiced or not
 * @param meanLevelDbfs            mean RMS level of voiced frames, dB relative to full scale
 * @param levelVariationDb         standard deviation of that level in dB
 */
public record VoiceMetrics(
        double medianPitchHz,
        double pitchVariationSemitones,
        boolean monotone,
        int voicedFrames,
        double voicedSeconds,
        double analysedSeconds,
        double meanLevelDbfs,
        double levelVariationDb) {

    /**
     * Studies of conversational and read speech report pitch SDs of roughly 2 to 4 semitones for lively speakers,
     * and listeners start to hear a voice as flat at about 1 semitone or less. 1.5 sits between the two, so the flag
     * only fires on speech that is clearly flatter than ordinary conversation; the number is always shown beside it.
     */
    public static final double MONOTONE_BELOW_SEMITONES = 1.5;

    /** Below one second of voiced speech a median and a spread say more about the few frames than about the voice. */
    public static final double MIN_VOICED_SECONDS = 1.0;

    /** What to show instead of numbers when {@link #measure} or {@link #of} is empty. */
    public static final String NOT_ENOUGH_VOICED_SPEECH = "Not enough voiced speech to measure pitch and loudness.";

    /** Tracks pitch in {@code samples} (16-bit mono) and measures it; empty when under a second is voiced. */
    public static Optional<VoiceMetrics> measure(short[] samples, int sampleRate) {
        return of(new PitchTracker(sampleRate).track(samples));
    }

    /** Measures an existing track; empty when under {@link #MIN_VOICED_SECONDS} of it is voiced. */
    public static Optional<VoiceMetrics> of(PitchTrack track) {
        int voiced = track.voicedFrameCount();
        double voicedSeconds = voiced * track.hopSeconds();
        if (voiced == 0 || voicedSeconds < MIN_VOICED_SECONDS) {
            return Optional.empty();
        }
        double[] pitch = new double[voiced];
        double[] level = new double[voiced];
        for (int i = 0, v = 0; i < track.frameCount(); i++) {
            if (track.isVoiced(i)) {
                pitch[v] = track.pitchHz(i).getAsDouble();
                level[v] = track.levelDbfs(i);
                v++;
            }
        }
        double median = median(pitch);
        double[] semitones = new double[voiced];
        for (int i = 0; i < voiced; i++) {
            semitones[i] = 12 * Math.log(pitch[i] / median) / Math.log(2);
        }
        double variation = standardDeviation(semitones);
        // Level is averaged in dB rather than in power so one loud word does not stand in for the whole answer.
        return Optional.of(new VoiceMetrics(median, variation, variation < MONOTONE_BELOW_SEMITONES, voiced,
                voicedSeconds, track.frameCount() * track.hopSeconds(), mean(level), standardDeviation(level)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    // Population SD: the frames are the whole take, not a sample from a larger one.
    private static double standardDeviation(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
