package app.retake.ui.interview;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.drill.SessionPlan;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.interview.Interview.Stage;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.review.Flag;
import app.retake.review.InterviewPack;
import app.retake.review.InterviewerReview;
import app.retake.review.Rubric;
import app.retake.storage.AtomicFiles;
import app.retake.ui.common.FxTasks;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The interviewer's console: setting up an interview (who answers, who asks, which questions), then running it —
 * asking, follow-ups, starting and stopping takes, flags, and scoring. Every command goes through the
 * {@link Interview}, so the phone remote and this console follow the same rules and see each other's changes.
 *
 * <p>Touch on the FX thread only; starting an interview reads files on the executor.
 */
public final class ConsoleModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleModel.class);

    /** What the console needs from the rest of the app. */
    public interface Host {
        /** Reads the banks and the log and plans the interview; runs on a background thread. */
        Practice.InterviewStart plan(SessionPlan plan, String candidate);

        /** The profiles known so far, for choosing who answers; runs on a background thread. */
        List<String> profiles();

        /**
         * The candidate's screen takes part in {@code interview}; false (with nothing changed) when it cannot now,
         * for example because a take is being recorded there.
         */
        boolean join(Interview interview, PracticeSession session);
    }

    private final Host host;
    private final Executor io;

    private final StringProperty candidate = new SimpleStringProperty("");
    private final StringProperty interviewer = new SimpleStringProperty("");
    private final ObjectProperty<SessionPlan> plan = new SimpleObjectProperty<>(SessionPlan.FullMock.standard());
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Interview> interview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Interview.Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Question> all = FXCollections.observableArrayList();
    private final FilteredList<Question> shown = new FilteredList<>(all, q -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty everyQuestion = new SimpleBooleanProperty(false);
    private final DoubleProperty takeSeconds = new SimpleDoubleProperty();

    private final ObjectProperty<Optional<Rating>> rating = new SimpleObjectProperty<>(Optional.empty());
    private final Map<Rubric.Criterion, IntegerProperty> rubric = new EnumMap<>(Rubric.Criterion.class);
    private final StringProperty feedback = new SimpleStringProperty("");
    /** Whether this console changed the score since the take was saved, so it is sent on. */
    private boolean scoreEdited;
    private boolean applyingRemoteScore;
    private final Consumer<Interview.Event> listener = e -> Platform.runLater(() -> onEvent(e));

    public ConsoleModel(Host host, Executor io) {
        this.host = Objects.requireNonNull(host);
        this.io = Objects.requireNonNull(io);
        for (Rubric.Criterion c : Rubric.Criterion.values()) {
            IntegerProperty score = new SimpleIntegerProperty(0);
            score.addListener((obs, was, now) -> scoreChanged());
            rubric.put(c, score);
        }
        rating.addListener((obs, was, now) -> scoreChanged());
        feedback.addListener((obs, was, now) -> scoreChanged());
        search.addListener((obs, was, now) -> refilter());
        everyQuestion.addListener((obs, was, now) -> refilter());
        snapshot.addListener((obs, was, now) -> refilter());
    }

    // ---- setup ----

    public StringProperty candidate() {
        return candidate;
    }

    public StringProperty interviewer() {
        return interviewer;
    }

    public ObjectProperty<SessionPlan> plan() {
        return plan;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** The last thing to tell the interviewer: a refusal, a problem, or what just happened. */
    public StringProperty message() {
        return message;
    }

    /** Loads the known profiles, and fills in the candidate when none is given yet. */
    public void loadProfiles(String current) {
        if (candidate.get().isBlank()) {
            candidate.set(current);
        }
        FxTasks.supply(io, host::profiles, profiles::setAll, e -> LOG.warn("Could not list the profiles", e));
    }

    /** Roles swap: the person who asked now answers, and the other way round. */
    public void swapRoles() {
        String was = candidate.get();
        candidate.set(interviewer.get());
        interviewer.set(was);
    }

    /** Plans the interview and makes the candidate's screen take part in it. */
    public void start() {
        if (running()) {
            return;
        }
        String who = candidate.get() == null ? "" : candidate.get().strip();
        String asker = interviewer.get() == null ? "" : interviewer.get().strip();
        if (who.isEmpty()) {
            message.set("Say who answers: their profile keeps their history and weak spots apart from yours.");
            return;
        }
        if (who.length() > InterviewerReview.MAX_NAME || asker.length() > InterviewerReview.MAX_NAME) {
            message.set("Names are at most " + InterviewerReview.MAX_NAME + " characters.");
            return;
        }
        if (!asker.isEmpty() && asker.equalsIgnoreCase(who)) {
            message.set("The interviewer and the candidate are the same person; swap roles or change a name.");
            return;
        }
        busy.set(true);
        message.set("Planning the questions…");
        SessionPlan chosen = plan.get();
        FxTasks.supply(io, () -> host.plan(chosen, who), started -> {
            busy.set(false);
            Interview run = new Interview(asker, who, started.planned());
            if (!host.join(run, started.session())) {
                message.set("The candidate's screen is busy with a take. Finish it there, then start again.");
                return;
            }
            all.setAll(started.all());
            resetScore();
            run.addListener(listener);
            interview.set(run);
            snapshot.set(run.snapshot());
            message.set(started.planned().isEmpty()
                    ? "No question matched the plan; pick any question from the list."
                    : started.planned().size() + " questions planned for " + who + ", weak spots first. Ask "
                    + "the first when you are both ready (N).");
        }, e -> {
            busy.set(false);
            message.set("Could not start the interview: " + e.getMessage());
        });
    }

    // ---- running ----

    public ReadOnlyObjectProperty<Interview> interview() {
        return interview.getReadOnlyProperty();
    }

    public boolean running() {
        return interview.get() != null;
    }

    /** What the interview looks like now; null before it starts. */
    public ReadOnlyObjectProperty<Interview.Snapshot> snapshot() {
        return snapshot.getReadOnlyProperty();
    }

    /** The questions the list shows: the planned ones, or every question when asked to, filtered by the search. */
    public ObservableList<Question> shownQuestions() {
        return shown;
    }

    public StringProperty search() {
        return search;
    }

    /** Whether the list shows every question in the banks rather than only the planned ones. */
    public BooleanProperty everyQuestion() {
        return everyQuestion;
    }

    /** Seconds into the take being recorded; refreshed by {@link #tick()}. */
    public DoubleProperty takeSeconds() {
        return takeSeconds;
    }

    /** Called by the view's timer: copies the take's clock. */
    public void tick() {
        Interview run = interview.get();
        takeSeconds.set(run == null ? 0 : run.takeSeconds());
    }

    public boolean asked(Question q) {
        Interview.Snapshot now = snapshot.get();
        return now != null && now.askedIds().contains(q.id());
    }

    private void refilter() {
        Interview.Snapshot now = snapshot.get();
        List<String> planned = now == null ? List.of() : now.planned().stream().map(Question::id).toList();
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        Predicate<Question> inScope = everyQuestion.get() ? q -> true : q -> planned.contains(q.id());
        shown.setPredicate(q -> inScope.test(q) && (needle.isEmpty()
                || q.text().toLowerCase(Locale.ROOT).contains(needle)
                || q.category().toLowerCase(Locale.ROOT).contains(needle)));
        if (!everyQuestion.get() && now != null) {
            // Planned questions in their planned order, even when the banks list them otherwise.
            all.sort(java.util.Comparator.comparingInt(q -> {
                int i = planned.indexOf(q.id());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
        }
    }

    /** Runs a command on the interview, showing a refusal as the message. */
    private <T> Optional<T> command(Function<Interview, T> command) {
        Interview run = interview.get();
        if (run == null) {
            message.set("Start the interview first.");
            return Optional.empty();
        }
        try {
            pushScoreIfEdited(run);
            T result = command.apply(run);
            message.set("");
            return Optional.ofNullable(result);
        } catch (IllegalStateException | IllegalArgumentException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    public void ask(Question q) {
        command(run -> {
            run.ask(q);
            return q;
        });
    }

    /** Asks the next planned question (the weakest not asked yet). */
    public void springNext() {
        Optional<Question> asked = command(run -> run.askNext().orElse(null));
        if (asked.isEmpty() && running() && message.get().isEmpty()) {
            message.set("Every planned question has been asked. Pick any question from the list, or end.");
        }
    }

    /** Starts the take, or stops the one recording. */
    public void toggleTake() {
        Interview.Snapshot now = snapshot.get();
        boolean start = now == null || now.stage() != Stage.RECORDING;
        command(run -> {
            run.wantTake(start);
            return start;
        });
    }

    /** One-key flag {@code number} (1-6) of {@link Flag#STANDARD}. */
    public void flag(int number) {
        if (number >= 1 && number <= Flag.STANDARD.size()) {
            flag(Flag.STANDARD.get(number - 1));
        }
    }

    public void flag(String kind) {
        command(run -> run.flag(kind));
    }

    public boolean followUp(String text) {
        return command(run -> run.followUp(text)).isPresent();
    }

    public ObjectProperty<Optional<Rating>> rating() {
        return rating;
    }

    /** The score given for {@code criterion}, 1-5, or 0 when not scored. */
    public IntegerProperty rubric(Rubric.Criterion criterion) {
        return rubric.get(criterion);
    }

    public StringProperty feedback() {
        return feedback;
    }

    /** Closes the saved take with its score, so it is logged now. */
    public void saveScore() {
        command(run -> {
            run.finishScoring();
            return Boolean.TRUE;
        }).ifPresent(done -> message.set("Saved with the take."));
    }

    /** Ends the interview; the candidate's screen finishes and logs the last take. */
    public void end() {
        if (!running()) {
            return;
        }
        command(run -> {
            run.end();
            return Boolean.TRUE;
        });
    }

    /**
     * Writes a printable page of the questions, with what strong answers cover, to {@code file}: the planned ones of
     * the running interview, or before one starts, those the chosen plan would ask the candidate — for a friend who
     * runs the interview from paper.
     */
    public void writePack(Path file) {
        Interview.Snapshot now = snapshot.get();
        String who = now != null ? now.candidate() : candidate.get() == null ? "" : candidate.get().strip();
        SessionPlan chosen = plan.get();
        busy.set(true);
        FxTasks.supply(io, () -> {
            List<Question> questions = now != null ? now.planned() : host.plan(chosen, who).planned();
            try {
                AtomicFiles.writeString(file, InterviewPack.html(who, questions, LocalDate.now()));
                return questions.size();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, count -> {
            busy.set(false);
            message.set("Interview pack of " + count + " questions saved to " + file + ".");
        }, e -> {
            busy.set(false);
            message.set("Could not save the interview pack to " + file + ": " + e.getMessage());
        });
    }

    private Rubric draftRubric() {
        Rubric r = Rubric.EMPTY;
        for (var e : rubric.entrySet()) {
            if (e.getValue().get() >= Rubric.MIN) {
                r = r.with(e.getKey(), e.getValue().get());
            }
        }
        return r;
    }

    private void scoreChanged() {
        if (applyingRemoteScore) {
            return;
        }
        scoreEdited = true;
        Interview run = interview.get();
        if (run != null && run.stage() == Stage.SCORING) {
            pushScoreIfEdited(run);
        }
    }

    private void pushScoreIfEdited(Interview run) {
        if (!scoreEdited || run.stage() != Stage.SCORING) {
            return;
        }
        try {
            run.score(rating.get(), draftRubric(), feedback.get());
            scoreEdited = false;
        } catch (IllegalArgumentException | IllegalStateException e) {
            message.set(e.getMessage());
        }
    }

    private void resetScore() {
        applyingRemoteScore = true;
        try {
            rating.set(Optional.empty());
            rubric.values().forEach(p -> p.set(0));
            feedback.set("");
        } finally {
            applyingRemoteScore = false;
        }
        scoreEdited = false;
    }

    /** Shows a score given elsewhere (the phone), without sending it back. */
    private void showScore(InterviewerReview review) {
        applyingRemoteScore = true;
        try {
            rating.set(review.rating());
            for (Rubric.Criterion c : Rubric.Criterion.values()) {
                rubric.get(c).set(review.rubric().scores().getOrDefault(c, 0));
            }
            feedback.set(review.feedback());
        } finally {
            applyingRemoteScore = false;
        }
    }

    private void onEvent(Interview.Event event) {
        Interview run = interview.get();
        if (run == null) {
            return;
        }
        snapshot.set(run.snapshot());
        if (event instanceof Interview.Event.TakeClosed) {
            resetScore();
        } else if (event instanceof Interview.Event.Scored scored && !scoreEdited) {
            showScore(scored.review());
        } else if (event instanceof Interview.Event.StageChanged changed) {
            if (changed.stage() == Stage.SCORING) {
                // Scores given while the candidate was still answering are sent once the take is saved.
                pushScoreIfEdited(run);
            }
            if (!changed.message().isEmpty()) {
                message.set(changed.message());
            }
        } else if (event instanceof Interview.Event.Ended) {
            run.removeListener(listener);
            interview.set(null);
            snapshot.set(null);
            all.clear();
            resetScore();
            message.set("Interview over. The takes are saved with your flags and scores; start another, or swap "
                    + "roles.");
        }
    }
}
