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

    /**
     * What the take answers (question, session, profile), written when it starts and removed once it is logged: if
     * Retake dies in between, the next start finds it and logs the take as interrupted.
     */
    public Path pending() {
        return dir.resolve(take + PENDING_SUFFIX);
    }
}
