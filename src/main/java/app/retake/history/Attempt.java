package app.retake.history;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer to one question: a row of the attempt log.
 *
 * @param session           groups the takes of one sitting
 * @param take              unique id of this take; recordings and reviews are named after it
 * @param profile           who answered, so friends sharing a machine keep separate histories
 * @param interviewerRating the friend's rating, when a friend ran the interview
 * @param recording         path of the recording relative to the data root, if one was made
 * @param transcript        path of the transcript relative to the data root, if one was made
 * @param metrics           speech measurements by name (words per minute, pauses…), as text
 */
public record Attempt(OffsetDateTime time, String session, String take, String questionId, String bank, Mode mode,
                      String profile, Optional<Rating> selfRating, Optional<Rating> interviewerRating,
                      Duration duration, Optional<String> recording, Optional<String> transcript,
                      Map<String, String> metrics) {

    /** The profile used when nobody has said who is answering. */
    public static final String DEFAULT_PROFILE = "me";
    /**
     * Measurement naming a take Retake logged at its next start because it had died before the take was logged
     * (mid-answer or before the rating); its value is {@code yes}.
     */
    public static final String INTERRUPTED = "interrupted";

    public Attempt {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(mode, "mode");
        session = session == null ? "" : session;
        take = take == null ? "" : take;
        bank = bank == null ? "" : bank;
        profile = profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile;
        duration = duration == null ? Duration.ZERO : duration;
        metrics = metrics.isEmpty() ? Map.of() : Map.copyOf(metrics);
    }

    /** Whether this take was logged at the next start, after Retake died before logging it. */
    public boolean interrupted() {
        return metrics.containsKey(INTERRUPTED);
    }

    /**
     * The rating the memory model learns from: the worse of the candidate's and the interviewer's, so a
     * friend who saw a shaky answer is not overruled by a generous self-assessment.
     */
    public Optional<Rating> effectiveRating() {
        if (selfRating.isPresent() && interviewerRating.isPresent()) {
            return Optional.of(Rating.worse(selfRating.get(), interviewerRating.get()));
        }
        return selfRating.isPresent() ? selfRating : interviewerRating;
    }
}
