package app.retake.capture;

/**
 * A run of mono, signed 16-bit samples.
 *
 * @param captureNanos capture-clock time of the first sample
 */
public record AudioChunk(long captureNanos, int sampleRate, short[] samples) {

    /** How long the chunk lasts. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
