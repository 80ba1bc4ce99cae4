package app.retake.progress;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

import app.retake.history.Attempt;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.speech.MetricsSummary;

/**
 * One take as the history lists it: its log row, the question as the banks word it, and where its files are.
 *
 * @param questionText the question's text, or its id when it has left every bank
 * @param recording    absolute path of the recording the log names, if it names one inside the data root
 * @param transcript   absolute path of the transcript the log names, if it names one inside the data root
 * @param files        the take's folder and file stem, when they can be told from the row
 * @param videoGone    why the take has no video, when it was deleted on purpose (retention, transcript only)
 */
public record TakeRef(Attempt attempt, String questionText, String category, Optional<Path> recording,
                      Optional<Path> transcript, Optional<TakeFiles> files, Optional<VideoGone> videoGone) {

    /** A take with nothing known about a deleted video. */
    public TakeRef(Attempt attempt, String questionText, String category, Optional<Path> recording,
                   Optional<Path> transcript, Optional<TakeFiles> files) {
        this(attempt, questionText, category, recording, transcript, files, Optional.empty());
    }

    public String session() {
        return attempt.session();
    }

    public String take() {
        return attempt.take();
    }

    /** The rating that counts: the worse of the candidate's and the interviewer's. */
    public Optional<Rating> rating() {
        return attempt.effectiveRating();
    }

    /** Whether Retake died before logging this take, and logged it at its next start. */
    public boolean interrupted() {
        return attempt.interrupted();
    }

    public OptionalDouble wordsPerMinute() {
        return MetricsSummary.number(attempt.metrics(), MetricsSummary.WORDS_PER_MINUTE);
    }

    /** The recording to play: the one the log names, else the one the naming scheme puts there. */
    public Optional<Path> video() {
        return recording.isPresent() ? recording : files.map(TakeFiles::video);
    }

    /** The transcript to read: the one the log names, else the one the naming scheme puts there. */
    public Optional<Path> transcriptFile() {
        return transcript.isPresent() ? transcript : files.map(TakeFiles::transcript);
    }
}
