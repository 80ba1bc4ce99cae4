package app.retake.drill;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.retake.history.Rating;

/**
 * What the attempt log says about one question for one profile, derived by replaying it.
 *
 * @param state              FSRS difficulty and stability after the last rated take
 * @param lastReview         when it was last rated
 * @param takes              rated takes so far
 * @param recentRatings      the last few ratings, oldest first
 * @param lastUnprepared     when it was last rated unprepared, if ever
 * @param flaggedUnprepared  rated unprepared and not rated good or nailed since: still on "the list"
 */
public record QuestionMemory(String questionId, Fsrs.State state, Instant lastReview, int takes,
                             List<Rating> recentRatings, Optional<Instant> lastUnprepared,
                             boolean flaggedUnprepared) {

    /** How many ratings {@link #recentRatings} keeps. */
    static final int RECENT = 5;

    public QuestionMemory {
        recentRatings = List.copyOf(recentRatings);
    }

    /** Predicted probability of answering well at {@code at}. */
    public double recall(Instant at) {
        return Fsrs.retrievability(days(lastReview, at), state.stability());
    }

    public Rating lastRating() {
        return recentRatings.get(recentRatings.size() - 1);
    }

    /** Whether the last two ratings went up, down, or stayed. */
    public Trend trend() {
        if (recentRatings.size() < 2) {
            return Trend.NEW;
        }
        int last = lastRating().grade();
        int before = recentRatings.get(recentRatings.size() - 2).grade();
        return last > before ? Trend.IMPROVING : last < before ? Trend.SLIPPING : Trend.STEADY;
    }

    static double days(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / 86_400_000.0;
    }

    /** Direction of the last two ratings. */
    public enum Trend {
        NEW, IMPROVING, STEADY, SLIPPING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
