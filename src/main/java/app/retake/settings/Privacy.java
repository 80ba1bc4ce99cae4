package app.retake.settings;

/**
 * What Retake keeps of each take.
 *
 * @param keepVideoDays  how many days a take's video is kept before the clean-up deletes it (transcript,
 *                       measurements and ratings stay); {@link #FOREVER} keeps videos until the user deletes them
 * @param transcriptOnly the camera is never opened and no video is written; the sound is kept only until the take
 *                       has been transcribed
 */
public record Privacy(int keepVideoDays, boolean transcriptOnly) {

    /** Keep videos until the user deletes them. */
    public static final int FOREVER = 0;
    /** Ten years: a bound so a typo cannot overflow the date arithmetic. */
    public static final int MAX_DAYS = 3650;

    public Privacy {
        keepVideoDays = Math.max(FOREVER, Math.min(MAX_DAYS, keepVideoDays));
    }

    /** Retake's default: every video kept, video recorded. */
    public static Privacy defaults() {
        return new Privacy(FOREVER, false);
    }

    /** Whether videos are deleted after a while. */
    public boolean expires() {
        return keepVideoDays != FOREVER;
    }
}
