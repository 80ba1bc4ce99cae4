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
            take.deviceFailure().ifPresent(f -> notes.set(f + " The take goes on with what still works."));
        }
    }

    /** Drill only these questions next (from the progress page); the next Space starts the session. */
    public void drill(Set<String> ids, SessionPlan plan) {
        if (phase.get() == Phase.RECORDING || phase.get() == Phase.SAVING) {
            return;
        }
        onlyIds = Optional.of(Set.copyOf(ids));
        this.plan.set(plan);
        session = null;
        springNext();
    }

    /** Space: spring, start, or stop, depending on where the loop is. */
    public void space() {
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
        if (phase.get() != Phase.IDLE && phase.get() != Phase.QUESTION) {
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
        progress.set("Question " + session.sprungCount() + " of " + session.planned() + " · " + session.plan().title());
        elapsed.set(0);
        captions.set("");
        phase.set(Phase.QUESTION);
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
        }, e -> {
            phase.set(Phase.QUESTION);
            status.set("Could not start recording: " + e.getMessage());
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
            saving = null;
            take = null;
            captions.set(result.transcript().map(t -> t.text()).orElse(""));
            phase.set(Phase.QUESTION);
            status.set("Review the take, rate it 1-4, then N for the next question or R to try again.");
            unlogged = new TakeLoop(result, takeStarted);
            handoff.review(result, unlogged);
        }, e -> {
            take = null;
            saving = null;
            phase.set(Phase.QUESTION);
            status.set("Saving the take failed: " + e.getMessage());
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
        if (s == null || (running == null && beingSaved == null && (pending == null || pending.logged))) {
            return;
        }
        java.util.concurrent.CompletableFuture<Void> done = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                if (pending != null && !pending.logged) {
                    pending.logged = true;
                    s.log(pending.result, rating, check, pending.started);
                }
                if (beingSaved != null) {
                    // The single take thread has already finished saving it by the time this runs.
                    TakeResult result = beingSaved.getNow(null);
                    if (result != null && result.question().isPresent()) {
                        s.log(result, Optional.empty(), SelfCheck.EMPTY, savedStarted);
                    }
                }
                if (running != null) {
                    TakeResult result = running.stop();
                    if (result.question().isPresent()) {
                        s.log(result, Optional.empty(), SelfCheck.EMPTY, started);
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

        TakeLoop(TakeResult result, OffsetDateTime started) {
            this.result = result;
            this.started = started;
        }

        private void log(Optional<Rating> rating, SelfCheck check, Runnable then) {
            PracticeSession s = session;
            if (logged || result.question().isEmpty() || s == null) {
                handoff.back();
                then.run();
                return;
            }
            logged = true;
            if (unlogged == this) {
                unlogged = null;
            }
            FxTasks.supply(work, () -> {
                try {
                    return s.log(result, rating, check, started);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, attempt -> {
                handoff.back();
                then.run();
            }, e -> {
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
