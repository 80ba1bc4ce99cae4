package app.retake.speech;

/**
 * Fundamental-frequency tracker using YIN (de Cheveigné and Kawahara, 2002) on 16-bit mono audio.
 *
 * <p>Not thread-safe: one tracker reuses its buffers across frames so that long takes do not allocate per frame.
 */
public final class PitchTracker {

    /** Frames quieter than this are unvoiced without analysis: room noise and breath should not get a pitch. */
    public static final double DEFAULT_VOICING_GATE_DBFS = -45;
    /** Within the 0.10 to 0.15 the YIN paper found best; lower rejects more breathy speech, higher admits noise. */
    public static final double DEFAULT_THRESHOLD = 0.12;
    /**
     * When no dip goes below the threshold YIN falls back to the deepest dip; real voices with moving formants and
     * jitter often bottom out between 0.12 and 0.3, while white noise stays near 1. Above this the frame is unvoiced.
     */
    public static final double DEFAULT_APERIODICITY_LIMIT = 0.25;
    /** Speaking voices rarely go below 60 Hz (low male creak) or above 400 Hz (high female/child emphasis). */
    public static final double DEFAULT_MIN_HZ = 60;
    public static final double DEFAULT_MAX_HZ = 400;

    private static final double FRAME_SECONDS = 0.040;
    private static final double HOP_SECONDS = 0.010;
    private static final double FULL_SCALE = 32768.0;

    private final int sampleRate;
    private final int frameLength;
    private final int hop;
    private final int tauMin;
    private final int tauMax;
    private final int window;
    private final double threshold;
    private final double aperiodicityLimit;
    private final double gateDbfs;

    private final double[] frame;
    private final double[] normalized;

    public PitchTracker(int sampleRate) {
        this(sampleRate, DEFAULT_MIN_HZ, DEFAULT_MAX_HZ, DEFAULT_THRESHOLD, DEFAULT_APERIODICITY_LIMIT,
                DEFAULT_VOICING_GATE_DBFS);
    }

    public PitchTracker(int sampleRate, double minHz, double maxHz, double threshold, double aperiodicityLimit,
            double gateDbfs) {
        if (sampleRate <= 0 || minHz <= 0 || maxHz <= minHz || threshold <= 0 || aperiodicityLimit < threshold) {
            throw new IllegalArgumentException(
                    "need sampleRate > 0, 0 < minHz < maxHz and 0 < threshold <= aperiodicityLimit");
        }
        this.sampleRate = sampleRate;
        this.frameLength = (int) Math.round(FRAME_SECONDS * sampleRate);
        this.hop = Math.max(1, (int) Math.round(HOP_SECONDS * sampleRate));
        this.tauMin = Math.max(2, (int) Math.floor(sampleRate / maxHz));
        this.tauMax = (int) Math.ceil(sampleRate / minHz);
        // The integration window plus the longest lag must fit in one frame; at 16 kHz that is 373 + 267 = 640.
        this.window = frameLength - tauMax;
        if (window < tauMax / 2 || tauMin >= tauMax) {
            throw new IllegalArgumentException("pitch range " + minHz + "-" + maxHz + " Hz does not fit a 40 ms frame");
        }
        this.threshold = threshold;
        this.aperiodicityLimit = aperiodicityLimit;
        this.gateDbfs = gateDbfs;
        this.frame = new double[frameLength];
        this.normalized = new double[tauMax + 1];
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Tracks pitch over all whole 40 ms frames of {@code samples}, one frame every 10 ms. */
    public PitchTrack track(short[] samples) {
        int frames = samples.length < frameLength ? 0 : (samples.length - frameLength) / hop + 1;
        double[] pitch = new double[frames];
        double[] aperiodicity = new double[frames];
        double[] level = new double[frames];
        for (int f = 0; f < frames; f++) {
            int start = f * hop;
            double energy = 0;
            for (int i = 0; i < frameLength; i++) {
                double x = samples[start + i] / FULL_SCALE;
                frame[i] = x;
                energy += x * x;
            }
            level[f] = 10 * Math.log10(energy / frameLength);
            if (level[f] < gateDbfs) {
                pitch[f] = Double.NaN;
                aperiodicity[f] = 1;
            } else {
                analyse(pitch, aperiodicity, f);
            }
        }
        return new PitchTrack(hop / (double) sampleRate, frameLength / (double) sampleRate, pitch, aperiodicity, level);
    }

    /** YIN steps 2 to 5 on {@link #frame}, stopping at the first good dip so voiced frames cost less than noise. */
    private void analyse(double[] pitch, double[] aperiodicity, int f) {
        normalized[0] = 1;
        double runningSum = 0;
        int deepest = tauMin;
        int dip = -1;
        for (int tau = 1; tau <= tauMax; tau++) {
            double d = 0;
            for (int j = 0; j < window; j++) {
                double delta = frame[j] - frame[j + tau];
                d += delta * delta;
            }
            runningSum += d;
            normalized[tau] = runningSum == 0 ? 1 : d * tau / runningSum;
            if (tau < tauMin) {
                continue;
            }
            if (normalized[tau] < normalized[deepest]) {
                deepest = tau;
            }
            if (dip < 0) {
                if (normalized[tau] < threshold) {
                    dip = tau;
                }
            } else if (normalized[tau] < normalized[dip]) {
                dip = tau;
            } else {
                break;
            }
        }
        if (dip < 0) {
            if (normalized[deepest] >= aperiodicityLimit) {
                pitch[f] = Double.NaN;
                aperiodicity[f] = normalized[deepest];
                return;
            }
            dip = deepest;
        }
        pitch[f] = sampleRate / refine(dip);
        aperiodicity[f] = normalized[dip];
    }

    /** Parabolic interpolation through the dip and its neighbours, so the period is not quantised to whole samples. */
    private double refine(int tau) {
        if (tau + 1 > tauMax) {
            return tau;
        }
        double before = normalized[tau - 1];
        double at = normalized[tau];
        double after = normalized[tau + 1];
        double curvature = before - 2 * at + after;
        if (curvature <= 0) {
            return tau;
        }
        double shift = (before - after) / (2 * curvature);
        return tau + Math.max(-0.5, Math.min(0.5, shift));
    }
}
