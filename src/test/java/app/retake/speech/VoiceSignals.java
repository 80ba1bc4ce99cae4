package app.retake.speech;

import java.util.Random;

/** Synthetic 16-bit test signals whose pitch and level are known in advance. */
final class VoiceSignals {

    static final int RATE = 16_000;
    static final double FULL_SCALE = 32767;

    private VoiceSignals() {
    }

    static short[] sine(double hertz, double amplitude, double seconds) {
        return harmonics(hertz, amplitude, seconds, 1.0);
    }

    /** Sum of harmonics {@code k} of {@code hertz} with weights {@code weights[k - 1]}, peak scaled to amplitude. */
    static short[] harmonics(double hertz, double amplitude, double seconds, double... weights) {
        int count = (int) Math.round(seconds * RATE);
        double[] signal = new double[count];
        double peak = 0;
        for (int i = 0; i < count; i++) {
            double t = i / (double) RATE;
            double x = 0;
            for (int k = 1; k <= weights.length; k++) {
                x += weights[k - 1] * Math.sin(2 * Math.PI * k * hertz * t);
            }
            signal[i] = x;
            peak = Math.max(peak, Math.abs(x));
        }
        return scale(signal, amplitude / peak);
    }

    /** Band-limited sawtooth: every harmonic below 7 kHz at weight 1/k. */
    static short[] sawtooth(double hertz, double amplitude, double seconds) {
        int harmonics = (int) (7000 / hertz);
        double[] weights = new double[harmonics];
        for (int k = 1; k <= harmonics; k++) {
            weights[k - 1] = 1.0 / k;
        }
        return harmonics(hertz, amplitude, seconds, weights);
    }

    /** Sine whose frequency rises from {@code from} to {@code to} evenly in semitones, i.e. exponentially in Hz. */
    static short[] glide(double from, double to, double amplitude, double seconds) {
        int count = (int) Math.round(seconds * RATE);
        double octaves = Math.log(to / from) / Math.log(2);
        double rate = octaves * Math.log(2) / seconds;
        double[] signal = new double[count];
        for (int i = 0; i < count; i++) {
            double t = i / (double) RATE;
            // Phase is the integral of f(t) = from * e^(rate t), so the glide has no clicks.
            signal[i] = Math.sin(2 * Math.PI * from * (Math.exp(rate * t) - 1) / rate);
        }
        return scale(signal, amplitude);
    }

    /** Formants (Hz) of a neutral, schwa-like vowel: the "uh" of a hesitation. */
    static final double[] SCHWA = {500, 1500, 2500};
    /** Formants of an open "ah" and a close "ee": far apart, so a glide between them is a diphthong-like change. */
    static final double[] AH = {750, 1100, 2500};
    static final double[] EE = {300, 2300, 3000};

    /**
     * A vowel-like sound: harmonics of a fundamental that moves evenly in semitones from {@code fromHz} to
     * {@code toHz}, shaped by three formant peaks that move linearly from {@code fromFormants} to
     * {@code toFormants}, with the spectrum falling 6 dB per octave as a voice's does. Peak scaled to amplitude.
     */
    static short[] vowel(double fromHz, double toHz, double[] fromFormants, double[] toFormants, double amplitude,
                         double seconds) {
        int count = (int) Math.round(seconds * RATE);
        double rate = Math.log(toHz / fromHz) / seconds;
        double[] signal = new double[count];
        double peak = 0;
        double[] formants = new double[3];
        for (int i = 0; i < count; i++) {
            double t = i / (double) RATE;
            double share = t / seconds;
            for (int j = 0; j < 3; j++) {
                formants[j] = fromFormants[j] + (toFormants[j] - fromFormants[j]) * share;
            }
            double f0 = fromHz * Math.exp(rate * t);
            // Phase of the fundamental is the integral of f0, so a glide has no clicks.
            double phase = rate == 0 ? 2 * Math.PI * fromHz * t
                    : 2 * Math.PI * fromHz * (Math.exp(rate * t) - 1) / rate;
            double x = 0;
            for (int k = 1; k * f0 < 4000; k++) {
                double f = k * f0;
                double envelope = 0;
                for (double formant : formants) {
                    double d = (f - formant) / 120;
                    envelope += Math.exp(-d * d / 2);
                }
                x += (0.05 + envelope) / k * Math.sin(k * phase);
            }
            signal[i] = x;
            peak = Math.max(peak, Math.abs(x));
        }
        return scale(signal, amplitude / peak);
    }

    static short[] steadyVowel(double hertz, double[] formants, double amplitude, double seconds) {
        return vowel(hertz, hertz, formants, formants, amplitude, seconds);
    }

    static short[] whiteNoise(double rms, double seconds, long seed) {
        Random random = new Random(seed);
        double[] signal = new double[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = random.nextGaussian() * rms;
        }
        return scale(signal, 1);
    }

    static short[] silence(double seconds) {
        return new short[(int) Math.round(seconds * RATE)];
    }

    static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] part : parts) {
            length += part.length;
        }
        short[] all = new short[length];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static short[] scale(double[] signal, double factor) {
        short[] samples = new short[signal.length];
        for (int i = 0; i < signal.length; i++) {
            double v = Math.max(-1, Math.min(1, signal[i] * factor));
            samples[i] = (short) Math.round(v * FULL_SCALE);
        }
        return samples;
    }
}
