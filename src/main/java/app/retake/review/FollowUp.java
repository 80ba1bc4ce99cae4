package app.retake.review;

import java.util.Objects;

/**
 * A follow-up or curveball the interviewer put to the candidate during the take.
 *
 * @param at   seconds from the start of the take when it was shown
 * @param text the question as typed
 */
public record FollowUp(double at, String text) {

    /** Longest follow-up accepted: a question, not an essay. */
    public static final int MAX_TEXT = 500;

    public FollowUp {
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a follow-up is 1 to " + MAX_TEXT + " characters");
        }
        if (!Double.isFinite(at) || at < 0) {
            throw new IllegalArgumentException("a follow-up's time must be zero or more seconds into the take");
        }
    }
}
