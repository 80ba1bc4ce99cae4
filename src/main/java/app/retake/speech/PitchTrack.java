package app.retake.speech;

import java.util.OptionalDouble;

/** Per-frame pitch, aperiodicity and level of one stretch of audio, as measured by {@link PitchTracker}. */
public final class PitchTrack {

    private final double hopSeconds;
    private final double frameSeconds;
    // NaN marks an unvoiced frame; kept internal so callers cannot mistake it for a number.
    private final double[] pitchHz;
    private final double[] aperiodicity;
    private final double[] levelDbfs;

    PitchTrack(double hopSeconds, double frameSeconds, double[] pitchHz, double[] aperiodicity, double[] levelDbfs) {
        this.hopSeconds = hopSeconds;
        this.frameSeconds = frameSeconds;
        this.pitchHz = pitchHz;
        this.aperiodicity = aperiodicity;
        this.levelDbfs = levelDbfs;
    }

    public int frameCount() {
        return pitchHz.length;
    }

    public double hopSeconds() {
        return hopSeconds;
    }

    public double frameSeconds() {
        return frameSeconds;
    }

    /** Seconds from the start of the audio to the middle of frame {@code i}. */
    public double timeSeconds(int i) {
        return i * hopSeconds + frameSeconds / 2;
    }

    public boolean isVoiced(int i) {
        return !Double.isNaN(pitchHz[i]);
    }

    /** The fundamental frequency of frame {@code i}, empty when the frame is unvoiced. */
    public OptionalDouble pitchHz(int i) {
        return isVoiced(i) ? OptionalDouble.of(pitchHz[i]) : OptionalDouble.empty();
    }

    /**
     * YIN's aperiodicity of frame {@code i}: the cumulative mean normalized difference at the chosen period (voiced)
     * or its lowest value in the search range (unvoiced); 0 is perfectly periodic, around 1 is noise. Frames below
     * the energy gate report 1 because they were not analysed.
     */
    public double aperiodicity(int i) {
        return aperiodicity[i];
    }

    /** RMS level of frame {@code i} in dB relative to full scale; negative infinity for digital silence. */
    public double levelDbfs(int i) {
        return levelDbfs[i];
    }

    public int voicedFrameCount() {
        int count = 0;
        for (double p : pitchHz) {
            if (!Double.isNaN(p)) {
                count++;
            }
        }
        return count;
    }

    /** Share of frames that are voiced, 0 when there are no frames. */
    public double voicedShare() {
        return pitchHz.length == 0 ? 0 : voicedFrameCount() / (double) pitchHz.length;
    }
}
