package app.retake.capture;

/**
 * Measures audio levels for the meter on screen, and holds the recent peak so a short shout stays visible.
 *
 * <p>{@link #update} is meant for the one thread that receives the audio; {@link #latest()} and
 * {@link #heldPeakDbfs()} may be read from any thread. Time is counted in audio played, not on a wall clock, so
 * the meter behaves the same whether chunks arrive live or in a burst.
 */
public final class LevelMeter {

    /** The lowest level reported; digital silence reads as this rather than as minus infinity. */
    public static final double FLOOR_DBFS = -90;
    private static final double FULL_SCALE = 32768;

    private final double holdSeconds;
    private final double fallDbPerSecond;

    private volatile AudioLevel latest = AudioLevel.SILENCE;
    private volatile double heldPeak = FLOOR_DBFS;
    private double holdLeft;

    /** A meter that holds a peak for 1.5 s, then lets it fall at 20 dB a second. */
    public LevelMeter() {
        this(1.5, 20);
    }

    public LevelMeter(double holdSeconds, double fallDbPerSecond) {
        if (holdSeconds < 0 || fallDbPerSecond <= 0) {
            throw new IllegalArgumentException("hold must be >= 0 and fall > 0: " + holdSeconds + ", "
                    + fallDbPerSecond);
        }
        this.holdSeconds = holdSeconds;
        this.fallDbPerSecond = fallDbPerSecond;
    }

    /** The RMS and peak level of some samples. */
    public static AudioLevel measure(short[] samples) {
        if (samples.length == 0) {
            return AudioLevel.SILENCE;
        }
        double sumOfSquares = 0;
        int peak = 0;
        for (short s : samples) {
            sumOfSquares += (double) s * s;
            peak = Math.max(peak, Math.abs((int) s));
        }
        double rms = Math.sqrt(sumOfSquares / samples.length);
        return new AudioLevel(dbfs(rms), dbfs(peak));
    }

    public static AudioLevel measure(AudioChunk chunk) {
        return measure(chunk.samples());
    }

    /** Measures a chunk, remembers it as the latest level and moves the held peak on by the chunk's duration. */
    public AudioLevel update(AudioChunk chunk) {
        AudioLevel level = measure(chunk);
        double seconds = chunk.seconds();
        double held = heldPeak;
        if (level.peakDbfs() >= held) {
            held = level.peakDbfs();
            holdLeft = holdSeconds;
        } else if (holdLeft >= seconds) {
            holdLeft -= seconds;
        } else {
            double falling = seconds - holdLeft;
            holdLeft = 0;
            held = Math.max(level.peakDbfs(), held - fallDbPerSecond * falling);
        }
        heldPeak = held;
        latest = level;
        return level;
    }

    /** The level of the last chunk measured, silence before the first. */
    public AudioLevel latest() {
        return latest;
    }

    /** The highest recent peak, held for a while and then falling back towards the current level. */
    public double heldPeakDbfs() {
        return heldPeak;
    }

    private static double dbfs(double amplitude) {
        if (amplitude <= 0) {
            return FLOOR_DBFS;
        }
        return Math.max(FLOOR_DBFS, 20 * Math.log10(amplitude / FULL_SCALE));
    }
}
