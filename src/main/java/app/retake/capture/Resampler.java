package app.retake.capture;

import java.util.Arrays;

/**
 * Streaming sample-rate converter for mono 16-bit audio: a Kaiser-windowed sinc low-pass evaluated polyphase.
 *
 * <p>The low-pass is designed against the lower of the two rates, so the narrower side decides what may pass. For
 * 16 kHz it is flat to 7 kHz (ripple far below 0.01 dB), -6 dB at 7.5 kHz and at least 80 dB down from 8 kHz, the
 * output's Nyquist frequency, on: nothing folds back into the band the output can carry, at the cost of the top
 * 1 kHz, where speech carries little energy. 80 dB puts what remains of an alias below a real microphone's noise.
 *
 * <p>Keeps the last input samples between calls, so the split of a stream into chunks never changes the output.
 * Output is held back by {@link #latencySeconds()} because each output sample needs input from just after its
 * own instant; over any stream, N input samples yield N × out/in output samples, less that fixed lag, and
 * {@link #flush()} releases the lag at the end. Not thread-safe: one stream, one thread.
 */
public final class Resampler {

    /** Stopband attenuation the window is designed for, in dB. */
    static final double STOPBAND_DB = 80;
    /** Transition band width as a fraction of the lower rate: passband ends at 7/16, stopband starts at 8/16. */
    private static final double TRANSITION = 1.0 / 16;
    /** More phases than this means the two rates have no small common ratio; standard rates need at most 441. */
    private static final int MAX_PHASES = 4096;

    private final int inputRate;
    private final int outputRate;
    /** The output advances by {@code step} input samples every {@code phases} output samples. */
    private final int phases;
    private final int step;
    /** Half the filter length, in input samples. */
    private final int halfWidth;
    private final int taps;
    /** {@code taps} coefficients for each phase, phase after phase. */
    private final double[] coefficients;

    /** Input samples from absolute index {@code bufferStart} on; indices below 0 are the silence before the start. */
    private double[] buffer;
    private int buffered;
    private long bufferStart;
    private long received;
    private long produced;
    /** The next output sample lies at input position {@code whole + phase / phases}. */
    private long whole;
    private int phase;

    public Resampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inputRate + " -> " + outputRate);
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        int gcd = gcd(inputRate, outputRate);
        this.phases = outputRate / gcd;
        this.step = inputRate / gcd;
        if (phases > MAX_PHASES) {
            throw new IllegalArgumentException("cannot convert " + inputRate + " Hz to " + outputRate
                    + " Hz: the rates have no small common ratio");
        }
        if (inputRate == outputRate) {
            halfWidth = 0;
            taps = 0;
            coefficients = new double[0];
        } else {
            double narrower = Math.min(inputRate, outputRate);
            double transition = narrower * TRANSITION;
            double cutoff = narrower / 2 - transition / 2;
            // Kaiser's estimate of the length that reaches STOPBAND_DB over this transition width.
            double length = (STOPBAND_DB - 7.95) / (14.36 * transition / inputRate) + 1;
            halfWidth = (int) Math.ceil(length / 2);
            taps = 2 * halfWidth;
            coefficients = design(cutoff / inputRate, halfWidth, phases, kaiserBeta(STOPBAND_DB));
        }
        reset();
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    /** Filter length in input samples; 0 when the rates are equal. */
    public int taps() {
        return taps;
    }

    /** How far the output lags the input it has been given, because the filter must see ahead. */
    public double latencySeconds() {
        return halfWidth / (double) inputRate;
    }

    /** Converts the next stretch of the stream; may return fewer samples than the ratio implies, never more. */
    public short[] process(short[] in) {
        if (taps == 0) {
            received += in.length;
            produced += in.length;
            return in.clone();
        }
        append(in, in.length);
        return drain(received);
    }

    /**
     * Converts a chunk, stamping the result with the capture time of its first output sample. That sample stands
     * for an instant a little before the chunk began (the held-back part of the previous chunk), so the stamp is
     * earlier than the chunk's own; the result may be empty.
     */
    public AudioChunk process(AudioChunk chunk) {
        if (chunk.sampleRate() != inputRate) {
            throw new IllegalArgumentException("expected " + inputRate + " Hz audio, got " + chunk.sampleRate()
                    + " Hz");
        }
        long firstInput = received;
        long firstOutput = produced;
        short[] out = process(chunk.samples());
        // Output sample m lies at input position m * step / phases; the filter is symmetric, so it adds no delay.
        long offsetTimesPhases = firstOutput * step - firstInput * phases;
        long offsetNanos = Math.round(offsetTimesPhases * 1e9 / ((double) phases * inputRate));
        return new AudioChunk(chunk.captureNanos() + offsetNanos, outputRate, out);
    }

    /**
     * Ends the stream: returns the held-back tail as if silence followed, and starts afresh, so that in total
     * N input samples have given exactly ceil(N × out / in) output samples.
     */
    public short[] flush() {
        if (taps == 0) {
            reset();
            return new short[0];
        }
        long end = received;
        append(new short[halfWidth], halfWidth);
        short[] tail = drain(end + halfWidth);
        reset();
        return tail;
    }

    private void reset() {
        buffer = new double[Math.max(taps, 1) * 4 + 4096];
        // The samples before the start of the stream count as silence.
        buffered = Math.max(halfWidth - 1, 0);
        bufferStart = -buffered;
        Arrays.fill(buffer, 0);
        received = 0;
        produced = 0;
        whole = 0;
        phase = 0;
    }

    private void append(short[] in, int count) {
        if (buffered + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + count));
        }
        for (int i = 0; i < count; i++) {
            buffer[buffered + i] = in[i];
        }
        buffered += count;
        received += count;
    }

    /** Emits every output sample whose filter window ends before {@code available} input samples. */
    private short[] drain(long available) {
        // The next output needs input up to whole + halfWidth; each further one lies step / phases samples on.
        long readyInput = available - halfWidth - whole;
        if (readyInput <= 0) {
            compact();
            return new short[0];
        }
        short[] out = new short[(int) Math.min(Integer.MAX_VALUE - 8, (readyInput * phases + step - 1) / step + 1)];
        int n = 0;
        double[] c = coefficients;
        double[] x = buffer;
        while (whole + halfWidth < available) {
            int base = (int) (whole - halfWidth + 1 - bufferStart);
            int k = phase * taps;
            // Four partial sums let the CPU overlap the additions; the order is fixed, so results are reproducible.
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < taps; j += 4) {
                s0 += c[k + j] * x[base + j];
                s1 += c[k + j + 1] * x[base + j + 1];
                s2 += c[k + j + 2] * x[base + j + 2];
                s3 += c[k + j + 3] * x[base + j + 3];
            }
            for (; j < taps; j++) {
                s0 += c[k + j] * x[base + j];
            }
            out[n++] = clamp((s0 + s1) + (s2 + s3));
            phase += step;
            whole += phase / phases;
            phase %= phases;
        }
        produced += n;
        compact();
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Forgets input the next output no longer needs. */
    private void compact() {
        long keepFrom = whole - halfWidth + 1;
        int drop = (int) (keepFrom - bufferStart);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
            buffered -= drop;
            bufferStart = keepFrom;
        }
    }

    private static short clamp(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }

    /**
     * Coefficients of a Kaiser-windowed sinc with the given cutoff (a fraction of the input rate), sampled at
     * {@code phases} fractional offsets. Each phase is scaled to a DC gain of exactly 1, so a constant input stays
     * constant whatever the offset of an output sample.
     */
    private static double[] design(double cutoff, int halfWidth, int phases, double beta) {
        int taps = 2 * halfWidth;
        double[] h = new double[phases * taps];
        double i0Beta = besselI0(beta);
        for (int p = 0; p < phases; p++) {
            double fraction = p / (double) phases;
            double sum = 0;
            for (int j = 0; j < taps; j++) {
                // Distance, in input samples, from the output instant back to the input sample this tap weighs.
                double t = fraction + halfWidth - 1 - j;
                double ratio = t / halfWidth;
                double window = Math.abs(ratio) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - ratio * ratio)) / i0Beta;
                double v = 2 * cutoff * sinc(2 * cutoff * t) * window;
                h[p * taps + j] = v;
                sum += v;
            }
            for (int j = 0; j < taps; j++) {
                h[p * taps + j] /= sum;
            }
        }
        return h;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Kaiser's formula for the window shape that reaches a stopband attenuation above 50 dB. */
    private static double kaiserBeta(double attenuationDb) {
        return 0.1102 * (attenuationDb - 8.7);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 200; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
