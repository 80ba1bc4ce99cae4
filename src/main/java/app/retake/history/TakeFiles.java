package app.retake.history;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where one take's files live: {@code <data>/<yyyy-mm-dd>/<session>/<take>.*}.
 *
 * @param dir  the session folder
 * @param take the take id, the stem of every file name
 */
public record TakeFiles(Path dir, String take) {

    /** Suffix of a recording still being written (or interrupted by a crash). */
    public static final String RECORDING_SUFFIX = ".recording.mp4";
    /**
     * Suffix of a transcript-only take's sound: kept only until its transcript exists, and never holding a picture.
     * Named apart from {@code <take>.mp4} so that nothing mistakes it for a video.
     */
    public static final String SOUND_SUFFIX = ".audio.mp4";
    /** Suffix of the note a take leaves until it is logged; see {@link #pending()}. */
    public static final String PENDING_SUFFIX = ".pending.json";

    public static TakeFiles of(Path dataRoot, LocalDate day, String session, String take) {
        return new TakeFiles(dataRoot.resolve(day.toString()).resolve(session), take);
    }

    /** The finished recording. */
    public Path video() {
        return dir.resolve(take + ".mp4");
    }

    /** The recording while it is written: fragmented, so a crash leaves a playable file. */
    public Path recording() {
        return dir.resolve(take + RECORDING_SUFFIX);
    }

    public Path transcript() {
        return dir.resolve(take + ".transcript.json");
    }

    public Path subtitles() {
        return dir.resolve(take + ".vtt");
    }

    public Path review() {
        return dir.resolve(take + ".review.json");
    }

    /** A transcript-only take's sound, kept until it has been transcribed. */
    public Path sound() {
        return dir.resolve(take + SOUND_SUFFIX);
    }

    /**
     * What the recorder writes for a transcript-only take: {@code <take>.audio.recording.mp4} while recording, then
     * {@link #sound()}.
     */
    public TakeFiles soundOnly() {
        return new TakeFiles(dir, take + SOUND_SUFFIX.substring(0, SOUND_SUFFIX.length() - ".mp4".length()));
    }

    /** Says why the video is gone (see {@link VideoGone}); its absence means the video should be there. */
    public Path videoGone() {
        return dir.resolve(take + VideoGone.SUFFIX);
    }

    /** Marks a take recorded without a microphone, so late transcription does not try it at every start. */
    public Path noSound() {
        return dir.resolve(take + ".no-sound");
    }

    /**
     * What the take answers (question, session, profile), written when it starts and removed once it is logged: if
     * Retake dies in between, the next start finds it and logs the take as interrupted.
     */
    public Path pending() {
        return dir.resolve(take + PENDING_SUFFIX);
    }
}
