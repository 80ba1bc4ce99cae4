package app.retake.capture;

/** Test signals and the measurements the audio tests make on them. */
final class Tones {

    private Tones() {
    }

    static short[] sine(int rate, double hertz, double amplitude, int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / rate));
        }
        return samples;
    }

    /** Amplitude of one frequency over {@code count} samples from {@code from}, by a single-bin DFT. */
    static double amplitudeAt(short[] samples, int from, int count, double hertz, int rate) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < count; i++) {
            double angle = 2 * Math.PI * hertz * i / rate;
            re += samples[from + i] * Math.cos(angle);
            im -= samples[from + i] * Math.sin(angle);
        }
        return 2 * Math.hypot(re, im) / count;
    }

    /** Frequency from the first and last rising zero crossings, each placed between samples by interpolation. */
    static double frequency(short[] samples, int from, int count, int rate) {
        double first = Double.NaN;
        double last = Double.NaN;
        int crossings = 0;
        for (int i = from + 1; i < from + count; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                double at = i - 1 + samples[i - 1] / (double) (samples[i - 1] - samples[i]);
                if (crossings == 0) {
                    first = at;
                }
                last = at;
                crossings++;
            }
        }
        return (crossings - 1) * rate / (last - first);
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
