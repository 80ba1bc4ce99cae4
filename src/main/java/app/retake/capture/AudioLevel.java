package app.retake.capture;

/**
 * How loud a stretch of audio is, in dB relative to full scale (a square wave at the 16-bit limit is 0 dBFS, so a
 * full-scale sine has an RMS of -3.01 dBFS). Never below {@link LevelMeter#FLOOR_DBFS}.
 */
public record AudioLevel(double rmsDbfs, double peakDbfs) {

    /** The level of digital silence. */
    public static final AudioLevel SILENCE = new AudioLevel(LevelMeter.FLOOR_DBFS, LevelMeter.FLOOR_DBFS);
}
