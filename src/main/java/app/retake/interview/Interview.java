package app.retake.interview;

import java.util.ArrayList;
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
 * <p>This is the one place the rules live, whoever gives the command: the interviewer's console on the laptop, or
 * the phone remote. A command that does not fit the moment (a flag before recording, a new question mid-answer) is
 * refused with an {@link IllegalStateException} whose message can be shown to the interviewer as it is.
 *
 * <p>Safe to use from several threads. Listeners are told on the calling thread, after the change, and must hand
 * the event on without blocking.
 */
public final class Interview {

    /** Where the interview is. */
    public enum Stage {
        /** No question asked yet. */
        WAITING,
        /** A question is on the candidate's screen; recording has not started. */
        ASKED,
        /** The interviewer asked to record; the candidate's devices are opening. */
        STARTING,
        RECORDING,
        /** The interviewer asked to stop; the take is being saved. */
        STOPPING,
        /** The take is saved; the interviewer can rate and score it until they move on. */
        SCORING,
        /** The interview is over; every command is refused. */
        ENDED
    }

    /** What the candidate's screen and the consoles need to hear about. */
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

        /** The interviewer asked for recording to start or stop; the candidate's screen carries it out. */
        record TakeWanted(boolean start) implements Event {
        }

        /** The stage changed (recording started, the take was saved, starting failed…). */
        record StageChanged(Stage stage, String message) implements Event {
        }

        /** The rating, rubric or feedback of the take changed. */
        record Scored(InterviewerReview review) implements Event {
        }

        /**
         * The interviewer moved on from a saved take (asked another question, retook, or ended): its review is final
         * and the take can be logged with it.
         */
        record TakeClosed(InterviewerReview review) implements Event {
        }

        /**
         * The interview is over. When it ended mid-take, {@code takeUnderWay} holds what was flagged so far: the
         * candidate's screen stops that take and logs it with this review.
         */
        record Ended(Optional<InterviewerReview> takeUnderWay) implements Event {
        }
    }

    /** Everything a console shows, at one moment. */
    public record Snapshot(String interviewer, String candidate, List<Question> planned, List<String> askedIds,
                           Optional<Question> current, Stage stage, InterviewerReview review, String message) {
    }

    private final String interviewer;
    private final String candidate;
    private final List<Question> planned;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private Optional<Question> current = Optional.empty();
    private Stage stage = Stage.WAITING;
    private String message = "";
    private DoubleSupplier takeSeconds;
    private InterviewerReview review;

    /**
     * @param interviewer the friend's name, saved with their review of each take
     * @param candidate   the profile of the person answering
     * @param planned     the questions they mean to ask, in order; they may also ask others
     */
    public Interview(String interviewer, String candidate, List<Question> planned) {
        this.interviewer = clip(interviewer);
        this.candidate = candidate == null ? "" : candidate.strip();
        this.planned = List.copyOf(planned);
        this.review = emptyReview();
    }

    private static String clip(String name) {
        String s = name == null ? "" : name.strip();
        return s.length() > InterviewerReview.MAX_NAME ? s.substring(0, InterviewerReview.MAX_NAME) : s;
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

    private void tell(List<Event> events) {
        for (Event event : events) {
            for (Consumer<Event> l : listeners) {
                l.accept(event);
            }
        }
    }

    public String interviewer() {
        return interviewer;
    }

    public String candidate() {
        return candidate;
    }

    public List<Question> planned() {
        return planned;
    }

    public synchronized Optional<Question> current() {
        return current;
    }

    public synchronized Stage stage() {
        return stage;
    }

    /** The ids asked so far, in order, each once. */
    public synchronized List<String> askedIds() {
        return List.copyOf(asked);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(interviewer, candidate, planned, List.copyOf(asked), current, stage, review, message);
    }

    /** The next planned question not asked yet, if any. */
    public synchronized Optional<Question> nextPlanned() {
        return planned.stream().filter(q -> !asked.contains(q.id())).findFirst();
    }

    private void refuseWhenEnded() {
        if (stage == Stage.ENDED) {
            throw new IllegalStateException("The interview has ended.");
        }
    }

    private void refuseMidTake(String what) {
        refuseWhenEnded();
        if (stage == Stage.STARTING || stage == Stage.RECORDING || stage == Stage.STOPPING) {
            throw new IllegalStateException("Stop the take before " + what + ".");
        }
    }

    /** Closes a saved take so it can be logged with its review; returns the events to tell. */
    private List<Event> closeTake() {
        if (stage != Stage.SCORING) {
            return List.of();
        }
        InterviewerReview done = review;
        review = emptyReview();
        stage = Stage.ASKED;
        return List.of(new Event.TakeClosed(done));
    }

    /**
     * Puts {@code question} to the candidate. A saved take's review is closed first.
     *
     * @throws IllegalStateException during a take or after the end
     */
    public void ask(Question question) {
        Objects.requireNonNull(question);
        List<Event> events = new ArrayList<>();
        synchronized (this) {
            refuseMidTake("asking another question");
            events.addAll(closeTake());
            current = Optional.of(question);
            if (!asked.contains(question.id())) {
                asked.add(question.id());
            }
            stage = Stage.ASKED;
            message = "";
            events.add(new Event.Asked(question));
        }
        tell(events);
    }

    /**
     * Asks one of the planned questions by id: the way a remote picks, since it may only choose among those.
     *
     * @throws IllegalArgumentException when no planned question has that id
     */
    public Question askPlanned(String id) {
        Question q = planned.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No planned question has the id " + id));
        ask(q);
        return q;
    }

    /**
     * Asks the next planned question not asked yet.
     *
     * @return the question asked, or empty when every planned question has been asked
     */
    public Optional<Question> askNext() {
        Optional<Question> next = nextPlanned();
        next.ifPresent(this::ask);
        return next;
    }

    /**
     * Asks for recording to start ({@code true}) or stop; the candidate's screen carries it out and reports back
     * with {@link #takeStarted}, {@link #takeFailed} and {@link #takeSaved}. Starting again after a take is a retake
     * of the same question: the saved take's review is closed first.
     *
     * @throws IllegalStateException when there is no question, or nothing to stop
     */
    public void wantTake(boolean start) {
        List<Event> events = new ArrayList<>();
        synchronized (this) {
            refuseWhenEnded();
            if (start) {
                if (current.isEmpty()) {
                    throw new IllegalStateException("Ask a question before starting the take.");
                }
                if (stage == Stage.STARTING || stage == Stage.RECORDING || stage == Stage.STOPPING) {
                    throw new IllegalStateException("The take is already under way.");
                }
                events.addAll(closeTake());
                stage = Stage.STARTING;
            } else {
                if (stage != Stage.RECORDING) {
                    throw new IllegalStateException("Nothing is being recorded.");
                }
                stage = Stage.STOPPING;
            }
            message = "";
            events.add(new Event.TakeWanted(start));
            events.add(new Event.StageChanged(stage, message));
        }
        tell(events);
    }

    /**
     * The candidate's screen started recording (whoever asked it to): flags and follow-ups are timed from
     * {@code secondsIntoTake}, and the interviewer's review starts empty.
     */
    public void takeStarted(DoubleSupplier secondsIntoTake) {
        Objects.requireNonNull(secondsIntoTake);
        List<Event> events;
        synchronized (this) {
            if (stage == Stage.ENDED) {
                return;
            }
            takeSeconds = secondsIntoTake;
            review = emptyReview();
            stage = Stage.RECORDING;
            message = "";
            events = List.of(new Event.StageChanged(stage, message));
        }
        tell(events);
    }

    /** Recording could not start; {@code why} is shown to the interviewer. */
    public void takeFailed(String why) {
        List<Event> events;
        synchronized (this) {
            if (stage == Stage.ENDED) {
                return;
            }
            takeSeconds = null;
            stage = current.isPresent() ? Stage.ASKED : Stage.WAITING;
            message = why == null ? "" : why;
            events = List.of(new Event.StageChanged(stage, message));
        }
        tell(events);
    }

    /** The take is saved: flags stop; the rating, rubric and feedback can be given until the interviewer moves on. */
    public void takeSaved() {
        List<Event> events;
        synchronized (this) {
            if (stage == Stage.ENDED) {
                return;
            }
            takeSeconds = null;
            stage = Stage.SCORING;
            message = "";
            events = List.of(new Event.StageChanged(stage, message));
        }
        tell(events);
    }

    /** Whether a take is being recorded, so flags have a time to attach to. */
    public synchronized boolean recording() {
        return stage == Stage.RECORDING;
    }

    /** Seconds into the take being recorded; 0 when none is. */
    public synchronized double takeSeconds() {
        return stage == Stage.RECORDING ? now() : 0;
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
            if (stage != Stage.RECORDING) {
                throw new IllegalStateException("Flags mark moments of a take; start recording first.");
            }
            flag = new Flag(now(), kind);
            review = review.withFlag(flag);
        }
        tell(List.of(new Event.Flagged(flag)));
        return flag;
    }

    /**
     * Puts a follow-up to the candidate now; during a take it is saved with the take at this moment.
     *
     * @throws IllegalStateException before the first question or after the end
     * @throws IllegalArgumentException when the text is empty or too long
     */
    public FollowUp followUp(String text) {
        FollowUp followUp;
        synchronized (this) {
            refuseWhenEnded();
            if (current.isEmpty()) {
                throw new IllegalStateException("Ask a question before a follow-up.");
            }
            followUp = new FollowUp(now(), text);
            if (stage == Stage.RECORDING) {
                review = review.withFollowUp(followUp);
            }
        }
        tell(List.of(new Event.FollowedUp(followUp)));
        return followUp;
    }

    /**
     * The friend's verdict on the take just recorded; may be given again until they move on.
     *
     * @throws IllegalStateException when no saved take is waiting for a score
     * @throws IllegalArgumentException when the feedback is too long
     */
    public void score(Optional<Rating> rating, Rubric rubric, String feedback) {
        InterviewerReview scored;
        synchronized (this) {
            if (stage != Stage.SCORING) {
                throw new IllegalStateException(stage == Stage.RECORDING || stage == Stage.STOPPING
                        ? "Score the answer once the take is stopped." : "There is no recorded take to score.");
            }
            review = review.withScores(rating, rubric, feedback);
            scored = review;
        }
        tell(List.of(new Event.Scored(scored)));
    }

    /** Closes the saved take's review (if any) without asking anything else, so it is logged now. */
    public void finishScoring() {
        List<Event> events;
        synchronized (this) {
            events = new ArrayList<>(closeTake());
            if (!events.isEmpty()) {
                events.add(new Event.StageChanged(stage, message));
            }
        }
        tell(events);
    }

    /**
     * Ends the interview; a saved take's review is closed first. A take still recording is the candidate screen's
     * to finish: it stops it on {@link Event.Ended}. Ending twice does nothing.
     */
    public void end() {
        List<Event> events;
        synchronized (this) {
            if (stage == Stage.ENDED) {
                return;
            }
            events = new ArrayList<>(closeTake());
            Optional<InterviewerReview> underWay = stage == Stage.STARTING || stage == Stage.RECORDING
                    || stage == Stage.STOPPING ? Optional.of(review) : Optional.empty();
            stage = Stage.ENDED;
            takeSeconds = null;
            message = "";
            events.add(new Event.StageChanged(stage, message));
            events.add(new Event.Ended(underWay));
        }
        tell(events);
    }

    /** What the friend has said about the current take so far. */
    public synchronized InterviewerReview review() {
        return review;
    }
}
