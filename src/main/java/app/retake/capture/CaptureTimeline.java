package app.retake.capture;

/**
 * Stamps blocks of samples read from a sound card with capture-clock times: exact sample spacing from block to block,
 * while following the card's own clock, which runs a little fast or slow against the capture clock.
 *
 * <p>A block that arrives at time {@code t} ends with a sample taken no later than {@code t}, so each arrival gives
 * an upper bound on the time the stream started; the smallest bound seen over the last few seconds is the best
 * estimate (scheduling delays only ever push arrivals later). The start time used for stamping moves towards that
 * estimate by at most {@link #SLEW} of each block's duration, so stamps never jump and a crystal that is off by up
 * to that much is still followed; a card off by 100 ppm would otherwise put audio 60 ms out of step with video
 * after ten minutes.
 */
final class CaptureTimeline {

    /** The largest share of a block's duration by which the stamps may be corrected, 0.5 %. */
    static final double SLEW = 0.005;
    /** How many seconds of arrivals one estimate of the start time looks at. */
    private static final int WINDOW_SECONDS = 2;

    private final int sampleRate;
    private long samples;
    private boolean started;
    /** The first block's estimate of when sample 0 was taken; the times below are relative to it, in nanoseconds. */
    private long origin;
    private double start;
    private double windowMin = Double.POSITIVE_INFINITY;
    private double previousWindowMin = Double.POSITIVE_INFINITY;
    private long windowEnd;

    CaptureTimeline(int sampleRate) {
        this.sampleRate = sampleRate;
        this.windowEnd = (long) sampleRate * WINDOW_SECONDS;
    }

    /** The time of the first of {@code count} samples that the device handed over at {@code arrivalNanos}. */
    long stamp(long arrivalNanos, int count) {
        long end = samples + count;
        if (!started) {
            started = true;
            origin = arrivalNanos - Math.round(end * 1e9 / sampleRate);
        }
        double bound = (arrivalNanos - origin) - end * 1e9 / sampleRate;
        windowMin = Math.min(windowMin, bound);
        if (end >= windowEnd) {
            previousWindowMin = windowMin;
            windowMin = Double.POSITIVE_INFINITY;
            long window = (long) sampleRate * WINDOW_SECONDS;
            windowEnd = (end / window + 1) * window;
        }
        double target = Math.min(windowMin, previousWindowMin);
        double maxStep = SLEW * count * 1e9 / sampleRate;
        start += Math.max(-maxStep, Math.min(maxStep, target - start));
        long first = origin + Math.round(start + samples * 1e9 / sampleRate);
        samples = end;
        return first;
    }
}
