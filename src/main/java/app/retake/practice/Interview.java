package app.retake.practice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.InterviewerReview;
import app.retake.review.Rubric;

/**
 * A mock interview that a friend runs: the questions they plan to ask (with what a strong answer covers, which the
 * candidate never sees), the question put to the candidate now, and what the friend marks while the candidate
 * answers: follow-ups, flags at the moment they happen, and afterwards a rating, rubric and feedback.
 *
 * <p>Safe to use from several threads: the interviewer's console and a phone remote may both drive it. Listeners
 * are told on the calling thread and must hand the event on without blocking.
 */
public final class Interview {

    /** What the candidate's screen and the other console need to hear about. */
    public sealed interface Event {
        /** A question was put to the candidate. */
        record Asked(Question question) implements Event {
        }

        /** A follow-up or curveball, to show the candidate at once. */
        record FollowedUp(FollowUp followUp) implements Event {
        }

        /** A moment was flagged (the candidate does not see flags while answering). */
        record Flagged(Flag flag) implements Event {
        }

        /** The interviewer asked for recording to start or stop. */
        record TakeWanted(boolean start) implements Event {
        }
    }

    private final String interviewer;
    private final List<Question> planned;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private Optional<Question> current = Optional.empty();
    private DoubleSupplier takeSeconds;
    private InterviewerReview review = InterviewerReview.NONE;

    /**
     * @param interviewer the friend's name, saved with their review of each take
     * @param planned     the questions they mean to ask, in order; they may also ask others
     */
    public Interview(String interviewer, List<Question> planned) {
        this.interviewer = interviewer == null ? "" : interviewer.strip();
        this.planned = List.copyOf(planned);
        this.review = emptyReview();
    }

    private InterviewerReview emptyReview() {
        return new InterviewerReview(interviewer, Optional.empty(), Rubric.EMPTY, "", List.of(), List.of());
    }

    public void addListener(Consumer<Event> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    private void tell(Event event) {
        for (Consumer<Event> l : listeners) {
            l.accept(event);
        }
    }

    public String interviewer() {
        return interviewer;
    }

    public List<Question> planned() {
        return planned;
    }

    public synchronized Optional<Question> current() {
        return current;
    }

    /** The next planned question not asked yet, if any. */
    public synchronized Optional<Question> nextPlanned(List<String> askedIds) {
        return planned.stream().filter(q -> !askedIds.contains(q.id())).findFirst();
    }

    /** Puts {@code question} to the candidate; the review of the previous take is left to whoever saved it. */
    public void ask(Question question) {
        synchronized (this) {
            current = Optional.of(Objects.requireNonNull(question));
        }
        tell(new Event.Asked(question));
    }

    /** Asks for recording to start ({@code true}) or stop; the candidate's screen carries it out. */
    public void wantTake(boolean start) {
        tell(new Event.TakeWanted(start));
    }

    /**
     * A take of the current question has started: flags and follow-ups are timed from {@code secondsIntoTake}, and
     * the interviewer's review starts empty.
     */
    public synchronized void takeStarted(DoubleSupplier secondsIntoTake) {
        this.takeSeconds = Objects.requireNonNull(secondsIntoTake);
        this.review = emptyReview();
    }

    /** Whether a take is being recorded, so flags have a time to attach to. */
    public synchronized boolean recording() {
        return takeSeconds != null;
    }

    /** The take has ended: flags stop; the rating, rubric and feedback can still be given. */
    public synchronized void takeEnded() {
        takeSeconds = null;
    }

    private double now() {
        return takeSeconds == null ? 0 : Math.max(0, takeSeconds.getAsDouble());
    }

    /**
     * Flags this moment of the take.
     *
     * @throws IllegalStateException when no take is being recorded
     * @throws IllegalArgumentException when {@code kind} is empty or too long
     */
    public Flag flag(String kind) {
        Flag flag;
        synchronized (this) {
            if (takeSeconds == null) {
                throw new IllegalStateException("Flags mark moments of a take; start recording first.");
            }
            flag = new Flag(now(), kind);
            review = review.withFlag(flag);
        }
        tell(new Event.Flagged(flag));
        return flag;
    }

    /**
     * Puts a follow-up to the candidate now; during a take it is saved with the take at this moment.
     *
     * @throws IllegalArgumentException when the text is empty or too long
     */
    public FollowUp followUp(String text) {
        FollowUp followUp;
        synchronized (this) {
            followUp = new FollowUp(now(), text);
            if (takeSeconds != null) {
                review = review.withFollowUp(followUp);
            }
        }
        tell(new Event.FollowedUp(followUp));
        return followUp;
    }

    /** The friend's verdict on the take just recorded. */
    public synchronized void score(Optional<Rating> rating, Rubric rubric, String feedback) {
        review = review.withScores(rating, rubric, feedback);
    }

    /** What the friend has said about the current take so far. */
    public synchronized InterviewerReview review() {
        return review;
    }
}
