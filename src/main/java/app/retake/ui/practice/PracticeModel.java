package app.retake.ui.practice;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.capture.AudioLevel;
import app.retake.capture.VideoFrame;
import app.retake.drill.SessionPlan;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.review.InterviewerReview;
import app.retake.review.SelfCheck;
import app.retake.practice.LiveTake;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.practice.TakeResult;
import app.retake.speech.Word;
import app.retake.ui.common.FxTasks;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The practice loop's state and commands: spring a question, think, record, stop, and hand the take to review.
 * Device and file work runs on the executor; every property changes on the FX thread only.
 */
public final class PracticeModel {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeModel.class);
    /** Width the camera preview is shown at; frames are shrunk to it on the camera's thread. */
    public static final int PREVIEW_WIDTH = 400;

    public enum Phase {
        /** No question yet: choose a plan or press Space. */
        IDLE,
        /** Reading the banks or opening the devices. */
        BUSY,
        /** The question is shown; the think countdown runs or the user starts when ready. */
        QUESTION,
        RECORDING,
        /** The take is being finished and transcribed. */
        SAVING
    }

    /** What the loop needs from the review of the take just recorded. */
    public interface ReviewHandoff {
        /** Shows the take just recorded, with the loop's commands. */
        void review(TakeResult take, Loop loop);

        /** The loop goes on (retake, next, end): show the practice screen again. */
        void back();

        /**
         * A friend's interview ended: show the last take with the friend's flags and scores, for the candidate to
         * review. Nothing to do when no take was recorded.
         */
        default void interviewEnded(TakeResult last, InterviewerReview review) {
        }
    }

    /** What the review screen can do with the take just recorded: log it with its rating and go on. */
    public interface Loop {
        void retake(Optional<Rating> rating, SelfCheck check);

        void next(Optional<Rating> rating, SelfCheck check);

        void end(Optional<Rating> rating, SelfCheck check);
    }

    private final Practice practice;
    private final Executor work;
    private final ReviewHandoff handoff;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final ObjectProperty<SessionPlan> plan = new SimpleObjectProperty<>(
            PracticeSession.quickDrill(app.retake.drill.SpringFilter.ANY));
    private final ReadOnlyObjectWrapper<Optional<Question>> question = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final StringProperty status = new SimpleStringProperty("Press Space to be asked a question you are weak on.");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty captions = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final DoubleProperty elapsed = new SimpleDoubleProperty();
    private final IntegerProperty target = new SimpleIntegerProperty(120);
    private final IntegerProperty countdown = new SimpleIntegerProperty();
    private final DoubleProperty level = new SimpleDoubleProperty(Double.NEGATIVE_INFINITY);

    /** The newest camera frame, for the preview; read and cleared by the view's frame timer. */
    private final AtomicReference<PreviewPixels> latestFrame = new AtomicReference<>();
    private final java.util.concurrent.BlockingQueue<int[]> spareBuffers =
            new java.util.concurrent.ArrayBlockingQueue<>(3);

    {
        for (int i = 0; i < 3; i++) {
            spareBuffers.offer(new int[0]);
        }
    }
    private volatile double latestLevel = Double.NEGATIVE_INFINITY;
    private final Deque<String> finishedPhrases = new ArrayDeque<>();
    private volatile String partial = "";
    private long previewFrames;

    private PracticeSession session;
    private LiveTake take;
    /** The take on the review screen whose rating is not logged yet. */
    private TakeLoop unlogged;
    /** The take being saved after Space stopped it, until the review opens. */
    private java.util.concurrent.CompletableFuture<TakeResult> saving;
    private OffsetDateTime savingStarted;
    private OffsetDateTime takeStarted;
    private Optional<Set<String>> onlyIds = Optional.empty();
    /** The friend's interview this screen is the candidate's side of; null when practising alone. */
    private Interview interview;
    private final java.util.function.Consumer<Interview.Event> interviewListener =
            event -> javafx.application.Platform.runLater(() -> onInterview(event));
    private final StringProperty followUp = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty friendMode =
            new javafx.beans.property.SimpleBooleanProperty(false);
    /** The last take of the interview, to open for review when it ends. */
    private TakeLoop lastInterviewTake;

    public PracticeModel(Practice practice, Executor work, ReviewHandoff handoff) {
        this.practice = practice;
        this.work = work;
        this.handoff = handoff;
    }

    public ObjectProperty<Phase> phase() {
        return phase;
    }

    public ObjectProperty<SessionPlan> plan() {
        return plan;
    }

    public ReadOnlyObjectProperty<Optional<Question>> question() {
        return question.getReadOnlyProperty();
    }

    public StringProperty status() {
        return status;
    }

    /** "Question 3 of 10 · Quick drill". */
    public StringProperty progress() {
        return progress;
    }

    public StringProperty captions() {
        return captions;
    }

    /** What is missing (no camera, model loading…) in plain words. */
    public StringProperty notes() {
        return notes;
    }

    /** The interviewer's latest follow-up, shown to the candidate at once; empty when none. */
    public StringProperty followUp() {
        return followUp;
    }

    /** Whether a friend runs the interview: they spring the questions and start and stop the takes. */
    public javafx.beans.property.ReadOnlyBooleanProperty friendMode() {
        return friendMode;
    }

    public DoubleProperty elapsed() {
        return elapsed;
    }

    public IntegerProperty target() {
        return target;
    }

    public IntegerProperty countdown() {
        return countdown;
    }

    /** Microphone level in dBFS. */
    public DoubleProperty level() {
        return level;
    }

    /** Takes the newest camera frame, if one arrived since the last call; the preview calls it every pulse. */
    public Optional<PreviewPixels> takeFrame() {
        PreviewPixels frame = latestFrame.getAndSet(null);
        if (frame != null) {
            previewFrames++;
        }
        return Optional.ofNullable(frame);
    }

    /** Hands a painted frame's pixels back, so the camera thread can fill them again. */
    public void painted(PreviewPixels frame) {
        spareBuffers.offer(frame.argb());
    }

    /** How many camera frames the preview has taken so far, to measure its frame rate. */
    public long previewFrames() {
        return previewFrames;
    }

    /** Called by the view's animation timer each frame: copies what the capture threads left for it. */
    public void tick() {
        if (take != null && phase.get() == Phase.RECORDING) {
            elapsed.set(take.elapsedSeconds());
            level.set(latestLevel);
            captions.set(captionText());
            Optional<String> stopped = take.recordingStopped();
            if (stopped.isPresent()) {
                // The recorder cannot go on (the disk is full): end the take now, keeping what was recorded.
                notes.set(sentence(stopped.get()));
                stopRecording();
                return;
            }
            take.deviceFailure().ifPresent(f -> notes.set(f + " The take goes on with what still works."));
        }
    }

    private static String sentence(String text) {
        String s = text.strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    /** Drill only these questions next (from the progress page); the next Space starts the session. */
    public void drill(Set<String> ids, SessionPlan plan) {
        if (interview != null || phase.get() == Phase.RECORDING || phase.get() == Phase.SAVING) {
            return;
        }
        onlyIds = Optional.of(Set.copyOf(ids));
        this.plan.set(plan);
        session = null;
        springNext();
    }

    /**
     * Space: spring, start, or stop, depending on where the loop is. In a friend's interview the interviewer springs
     * the questions; the candidate may still start and stop, which the interviewer's console sees.
     */
    public void space() {
        if (interview != null) {
            try {
                if (phase.get() == Phase.QUESTION) {
                    interview.wantTake(true);
                } else if (phase.get() == Phase.RECORDING) {
                    interview.wantTake(false);
                }
            } catch (IllegalStateException e) {
                status.set(e.getMessage());
            }
            return;
        }
        switch (phase.get()) {
            case IDLE -> springNext();
            case QUESTION -> startRecording();
            case RECORDING -> stopRecording();
            default -> {
            }
        }
    }

    /** Chooses a plan; a running session ends so the next Space starts the new one. */
    public void choosePlan(SessionPlan chosen) {
        if (interview != null || (phase.get() != Phase.IDLE && phase.get() != Phase.QUESTION)) {
            return;
        }
        plan.set(chosen);
        onlyIds = Optional.empty();
        session = null;
        phase.set(Phase.IDLE);
        question.set(Optional.empty());
        status.set("Press Space to start: " + chosen.title() + ".");
    }

    /** Springs the next question of the session, starting one if needed. */
    public void springNext() {
        phase.set(Phase.BUSY);
        status.set("Picking a question…");
        SessionPlan chosen = plan.get();
        Optional<Set<String>> ids = onlyIds;
        PracticeSession current = session;
        FxTasks.supply(work, () -> {
            PracticeSession s = current != null ? current : practice.startSession(chosen, ids).session();
            return new Sprung(s, s.spring().map(c -> c.question()));
        }, this::showSprung, e -> fail("Could not start practising", e));
    }

    private record Sprung(PracticeSession session, Optional<Question> question) {
    }

    private void showSprung(Sprung sprung) {
        session = sprung.session();
        if (sprung.question().isEmpty()) {
            String done = session.sprungCount() == 0
                    ? "No question matches this plan. Choose another plan, or add questions on the Question banks page."
                    : "That was the last question of this plan. Well done. Press Space for a new drill.";
            endSession(done);
            return;
        }
        ask(sprung.question().get());
    }

    private void ask(Question q) {
        question.set(Optional.of(q));
        target.set(practice.settings().targetFor(q.category()));
        elapsed.set(0);
        captions.set("");
        followUp.set("");
        phase.set(Phase.QUESTION);
        if (interview != null) {
            progress.set("Question " + interview.askedIds().size() + " · Interview with "
                    + interviewerName());
            countdown.set(0);
            status.set(interviewerName() + " starts the recording when you are ready (or press Space).");
            return;
        }
        progress.set("Question " + session.sprungCount() + " of " + session.planned() + " · " + session.plan().title());
        int think = practice.settings().thinkSeconds();
        if (think > 0) {
            countdown.set(think);
            status.set("Think… recording starts in " + think + " s (Space starts now).");
            runCountdown(q);
        } else {
            countdown.set(0);
            status.set("Press Space when you are ready to answer.");
        }
    }

    private void runCountdown(Question q) {
        var timeline = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1),
                e -> {
                    if (phase.get() != Phase.QUESTION || question.get().filter(q::equals).isEmpty()) {
                        return;
                    }
                    countdown.set(countdown.get() - 1);
                    if (countdown.get() <= 0) {
                        startRecording();
                    } else {
                        status.set("Think… recording starts in " + countdown.get() + " s (Space starts now).");
                    }
                }));
        timeline.setCycleCount(Math.max(1, countdown.get()));
        timeline.play();
    }

    private void startRecording() {
        Optional<Question> q = question.get();
        if (q.isEmpty() || phase.get() != Phase.QUESTION) {
            return;
        }
        phase.set(Phase.BUSY);
        countdown.set(0);
        status.set("Starting the camera and microphone…");
        synchronized (finishedPhrases) {
            finishedPhrases.clear();
        }
        partial = "";
        latestLevel = Double.NEGATIVE_INFINITY;
        PracticeSession s = session;
        FxTasks.supply(work, () -> {
            try {
                return practice.startTake(s, q.get(), listener());
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, started -> {
            take = started;
            takeStarted = s.now();
            notes.set(String.join(" ", started.notes()));
            phase.set(Phase.RECORDING);
            status.set("Recording. Press Space when you have finished your answer.");
            if (interview != null) {
                interview.takeStarted(started::elapsedSeconds);
            }
        }, e -> {
            phase.set(Phase.QUESTION);
            status.set("Could not start recording: " + e.getMessage());
            if (interview != null) {
                interview.takeFailed("The candidate's screen could not start recording: " + e.getMessage());
            }
        });
    }

    private LiveTake.Listener listener() {
        return new LiveTake.Listener() {
            @Override
            public void frame(VideoFrame frame) {
                // Three buffers circulate between this thread and the FX thread; when none is free the FX thread
                // is behind, and this frame is simply not previewed.
                int[] buffer = spareBuffers.poll();
                if (buffer == null) {
                    return;
                }
                PreviewPixels replaced = latestFrame.getAndSet(PreviewPixels.of(frame.image(), PREVIEW_WIDTH,
                        buffer));
                if (replaced != null) {
                    spareBuffers.offer(replaced.argb());
                }
            }

            @Override
            public void level(AudioLevel l) {
                latestLevel = l.rmsDbfs();
            }

            @Override
            public void partial(String text) {
                partial = text;
            }

            @Override
            public void segment(List<Word> words) {
                StringBuilder sb = new StringBuilder();
                words.forEach(w -> sb.append(sb.length() == 0 ? "" : " ").append(w.text()));
                synchronized (finishedPhrases) {
                    finishedPhrases.addLast(sb.toString());
                    while (finishedPhrases.size() > 2) {
                        finishedPhrases.removeFirst();
                    }
                }
                partial = "";
            }
        };
    }

    private String captionText() {
        StringBuilder sb = new StringBuilder();
        synchronized (finishedPhrases) {
            finishedPhrases.forEach(p -> sb.append(p).append(' '));
        }
        sb.append(partial);
        String text = sb.toString().strip();
        return text.length() > 160 ? "…" + text.substring(text.length() - 160) : text;
    }

    private void stopRecording() {
        LiveTake running = take;
        if (running == null) {
            return;
        }
        phase.set(Phase.SAVING);
        status.set("Saving the take…");
        savingStarted = takeStarted;
        saving = FxTasks.supply(work, running::stop, result -> {
            if (take != running) {
                return; // closing or the end of an interview took this take over and logs it
            }
            saving = null;
            take = null;
            captions.set(result.transcript().map(t -> t.text()).orElse(""));
            phase.set(Phase.QUESTION);
            unlogged = new TakeLoop(result, takeStarted);
            if (interview != null) {
                lastInterviewTake = unlogged;
                status.set("Saved. " + interviewerName() + " is scoring your answer; the next question comes from "
                        + "them.");
                interview.takeSaved();
                return;
            }
            status.set("Review the take, rate it 1-4, then N for the next question or R to try again.");
            handoff.review(result, unlogged);
        }, e -> {
            if (take != running) {
                return;
            }
            take = null;
            saving = null;
            phase.set(Phase.QUESTION);
            status.set("Saving the take failed: " + e.getMessage());
            if (interview != null) {
                interview.takeFailed("The take could not be saved: " + e.getMessage());
            }
        });
    }

    /**
     * The window is closing: a take still recording is stopped and saved, and a take not yet rated is logged with
     * whatever rating the review shows (none if none), so closing never loses an answer. Waits up to {@code limit}.
     * Call on the FX thread.
     */
    public void finishBeforeExit(Optional<Rating> rating, SelfCheck check, java.time.Duration limit) {
        LiveTake running = phase.get() == Phase.RECORDING ? take : null;
        java.util.concurrent.CompletableFuture<TakeResult> beingSaved = saving;
        OffsetDateTime savedStarted = savingStarted;
        PracticeSession s = session;
        TakeLoop pending = unlogged;
        OffsetDateTime started = takeStarted;
        take = null;
        unlogged = null;
        saving = null;
        // In a friend's interview the take under way carries the friend's flags and scores so far; the candidate
        // has not rated it. Ending the interview also stops the phone remote.
        Interview friend = interview;
        InterviewerReview friendReview = friend == null ? InterviewerReview.NONE : friend.review();
        Optional<Rating> ownRating = friend == null ? rating : Optional.empty();
        SelfCheck ownCheck = friend == null ? check : SelfCheck.EMPTY;
        if (friend != null) {
            leaveInterview();
            friend.end();
        }
        if (s == null || (running == null && beingSaved == null && (pending == null || pending.logged))) {
            return;
        }
        java.util.concurrent.CompletableFuture<Void> done = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                if (pending != null && !pending.logged) {
                    pending.logged = true;
                    s.log(pending.result, ownRating, ownCheck, friendReview, pending.started);
                }
                if (beingSaved != null) {
                    // The single take thread has already finished saving it by the time this runs.
                    TakeResult result = beingSaved.getNow(null);
                    if (result != null && result.question().isPresent()) {
                        s.log(result, Optional.empty(), SelfCheck.EMPTY, friendReview, savedStarted);
                    }
                }
                if (running != null) {
                    TakeResult result = running.stop();
                    if (result.question().isPresent()) {
                        s.log(result, Optional.empty(), SelfCheck.EMPTY, friendReview, started);
                    }
                }
            } catch (java.io.IOException e) {
                LOG.error("Could not log the last take before closing", e);
            }
        }, work);
        try {
            done.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.error("The last take was not finished before closing; it is repaired at the next start", e);
        }
    }

    /**
     * This screen becomes the candidate's side of a friend's interview: the friend asks the questions and starts
     * and stops the takes from their console or phone; each take is logged with their flags and scores once they
     * move on. Refused (false) while a take is recording or saving.
     */
    public boolean joinInterview(Interview friend, PracticeSession friendSession) {
        if (phase.get() == Phase.RECORDING || phase.get() == Phase.SAVING || phase.get() == Phase.BUSY) {
            return false;
        }
        leaveInterview();
        interview = friend;
        session = friendSession;
        onlyIds = Optional.empty();
        lastInterviewTake = null;
        unlogged = null;
        friendMode.set(true);
        question.set(Optional.empty());
        followUp.set("");
        progress.set("Interview with " + interviewerName());
        phase.set(Phase.IDLE);
        status.set(interviewerName() + " will ask the first question.");
        friend.addListener(interviewListener);
        return true;
    }

    private String interviewerName() {
        return interview == null || interview.interviewer().isEmpty() ? "Your interviewer" : interview.interviewer();
    }

    private void leaveInterview() {
        if (interview != null) {
            interview.removeListener(interviewListener);
        }
        interview = null;
        friendMode.set(false);
        followUp.set("");
    }

    /** Carries out what the interviewer did; runs on the FX thread. */
    private void onInterview(Interview.Event event) {
        Interview friend = interview;
        if (friend == null) {
            return;
        }
        if (event instanceof Interview.Event.Asked asked) {
            if (phase.get() != Phase.RECORDING && phase.get() != Phase.SAVING) {
                ask(asked.question());
            }
        } else if (event instanceof Interview.Event.FollowedUp f) {
            followUp.set(f.followUp().text());
        } else if (event instanceof Interview.Event.TakeWanted wanted) {
            if (wanted.start() && phase.get() == Phase.QUESTION) {
                startRecording();
            } else if (wanted.start()) {
                friend.takeFailed("The candidate's screen is busy (" + phase.get().name().toLowerCase(
                        java.util.Locale.ROOT) + "); try again in a moment.");
            } else if (phase.get() == Phase.RECORDING) {
                stopRecording();
            }
        } else if (event instanceof Interview.Event.TakeClosed closed) {
            TakeLoop pending = unlogged;
            if (pending != null) {
                unlogged = null;
                pending.log(Optional.empty(), SelfCheck.EMPTY, closed.review(), () -> {
                });
            }
        } else if (event instanceof Interview.Event.Ended ended) {
            endInterview(friend, ended.takeUnderWay().orElse(InterviewerReview.NONE));
        }
    }

    /** The interviewer ended: a take still recording is saved and logged with what they flagged, then review. */
    private void endInterview(Interview friend, InterviewerReview underWay) {
        leaveInterview();
        String done = "Interview over. Your takes are saved with " + (friend.interviewer().isEmpty() ? "the"
                : friend.interviewer() + "'s") + " flags and scores; open them from Progress → History.";
        LiveTake running = phase.get() == Phase.RECORDING ? take : null;
        java.util.concurrent.CompletableFuture<TakeResult> beingSaved = saving;
        if (running == null && beingSaved == null) {
            TakeLoop last = lastInterviewTake;
            endSession(done);
            if (last != null) {
                handoff.interviewEnded(last.result, last.friendReview);
            }
            return;
        }
        take = null;
        saving = null;
        phase.set(Phase.SAVING);
        status.set("Saving the last take…");
        PracticeSession s = session;
        OffsetDateTime started = takeStarted;
        FxTasks.supply(work, () -> {
            TakeResult result = running != null ? running.stop() : beingSaved.join();
            try {
                if (result.question().isPresent()) {
                    s.log(result, Optional.empty(), SelfCheck.EMPTY, underWay, started);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return result;
        }, result -> {
            endSession(done);
            handoff.interviewEnded(result, underWay);
        }, e -> {
            endSession("The interview ended, but the last take could not be logged: " + e.getMessage()
                    + " Its files are kept.");
        });
    }

    /** Ends the session and returns to the start. */
    public void endSession(String message) {
        session = null;
        onlyIds = Optional.empty();
        question.set(Optional.empty());
        progress.set("");
        phase.set(Phase.IDLE);
        status.set(message);
    }

    private void fail(String what, Throwable e) {
        LOG.warn("{}", what, e);
        phase.set(question.get().isPresent() ? Phase.QUESTION : Phase.IDLE);
        status.set(what + ": " + e.getMessage());
    }

    /** Logs the reviewed take, then carries on as the user chose. */
    private final class TakeLoop implements Loop {
        private final TakeResult result;
        private final OffsetDateTime started;
        private boolean logged;
        /** What the friend said, once logged with it. */
        private InterviewerReview friendReview = InterviewerReview.NONE;

        TakeLoop(TakeResult result, OffsetDateTime started) {
            this.result = result;
            this.started = started;
        }

        private void log(Optional<Rating> rating, SelfCheck check, Runnable then) {
            log(rating, check, InterviewerReview.NONE, () -> {
                handoff.back();
                then.run();
            });
        }

        /** Logs the take once, then runs {@code then}; on failure the take stays unlogged and the user is told. */
        private void log(Optional<Rating> rating, SelfCheck check, InterviewerReview friend, Runnable then) {
            PracticeSession s = session;
            if (logged || result.question().isEmpty() || s == null) {
                then.run();
                return;
            }
            logged = true;
            friendReview = friend;
            if (unlogged == this) {
                unlogged = null;
            }
            FxTasks.supply(work, () -> {
                try {
                    return s.log(result, rating, check, friend, started);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, attempt -> then.run(), e -> {
                logged = false;
                unlogged = this;
                status.set("Could not save the rating to the attempt log: " + e.getMessage()
                        + " The take itself is saved.");
            });
        }

        @Override
        public void retake(Optional<Rating> rating, SelfCheck check) {
            log(rating, check, () -> result.question().ifPresent(PracticeModel.this::ask));
        }

        @Override
        public void next(Optional<Rating> rating, SelfCheck check) {
            log(rating, check, PracticeModel.this::springNext);
        }

        @Override
        public void end(Optional<Rating> rating, SelfCheck check) {
            log(rating, check, () -> endSession("Session ended. Press Space whenever you want another question."));
        }
    }
}
