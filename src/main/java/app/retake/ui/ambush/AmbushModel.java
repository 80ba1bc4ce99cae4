package app.retake.ui.ambush;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.drill.AmbushSchedule;
import app.retake.drill.AmbushSettings;
import app.retake.drill.AmbushTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Ambush mode's state and commands: armed or not, the question sprung and its ten-second countdown, snooze.
 *
 * <p>The {@link AmbushTimer} decides when; this model only adds the last check that the moment is still inside
 * the allowed hours when the popup would appear (a laptop that slept through the evening fires late), and what
 * happens once a question is up. Properties change on the FX thread only; the timer's thread hands over to it.
 */
public final class AmbushModel {

    private static final Logger LOG = LoggerFactory.getLogger(AmbushModel.class);

    /** Seconds the user has to start or snooze before recording starts by itself. */
    public static final int COUNTDOWN_SECONDS = 10;
    /** How long a snooze lasts; the ambush settings do not (yet) carry a length of their own. */
    public static final Duration DEFAULT_SNOOZE = Duration.ofMinutes(10);

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_HOUR = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);

    /** Where ambush mode is. */
    public enum Phase {
        /** Switched off: nothing will pop up. */
        OFF,
        /** Waiting for the next random moment. */
        ARMED,
        /** A moment came; a weak spot is being chosen in the background. */
        PICKING,
        /** The popup is up with a question and the countdown runs. */
        SPRUNG
    }

    private AmbushSchedule schedule;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor work;
    private final Executor fxThread;
    private final Duration snooze;
    private final Supplier<Optional<Question>> pickWeakSpot;
    private final Consumer<Question> answerNow;
    private AmbushTimer timer;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.OFF);
    private final ReadOnlyBooleanWrapper armed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Optional<Question>> question = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyIntegerWrapper countdown = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper toggleText = new ReadOnlyStringWrapper("Ambush me: off");
    private final ReadOnlyStringWrapper nextMoment = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** While true, ambushes that come due are let pass (say, while a take is being recorded). */
    private ObservableBooleanValue held = new SimpleBooleanProperty(false);
    /** Bumped whenever a sprung question ends, so a countdown tick or a pick that arrives late is ignored. */
    private long ambushNumber;
    private ScheduledFuture<?> tick;
    /** Re-reads the toggle text when the allowed hours open or close, so "on until 18:00" never goes stale. */
    private ScheduledFuture<?> refresh;

    /**
     * The model as the window uses it: the system clock, a fresh random source, the FX thread and a ten-minute
     * snooze.
     *
     * @param scheduler    owned by the caller, who shuts it down; waits for ambushes and counts down
     * @param work         where {@code pickWeakSpot} runs (it reads the banks and the attempt log)
     * @param pickWeakSpot the question to spring, or empty if there is none to ask
     * @param answerNow    called on the FX thread when the user starts answering or the countdown runs out
     */
    public AmbushModel(AmbushSettings settings, ScheduledExecutorService scheduler, Executor work,
                       Supplier<Optional<Question>> pickWeakSpot, Consumer<Question> answerNow) {
        this(new AmbushSchedule(settings, new SplittableRandom()), Clock.system(settings.zone()), scheduler, work,
                Platform::runLater, DEFAULT_SNOOZE, pickWeakSpot, answerNow);
    }

    /**
     * @param fxThread runs a task on the thread that owns the properties ({@code Platform::runLater} in the app)
     * @param snooze   how far a snooze pushes the ambush back
     */
    public AmbushModel(AmbushSchedule schedule, Clock clock, ScheduledExecutorService scheduler, Executor work,
                       Executor fxThread, Duration snooze, Supplier<Optional<Question>> pickWeakSpot,
                       Consumer<Question> answerNow) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.work = Objects.requireNonNull(work, "work");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.snooze = Objects.requireNonNull(snooze, "snooze");
        if (snooze.isNegative() || snooze.isZero()) {
            throw new IllegalArgumentException("A snooze must last longer than zero.");
        }
        this.pickWeakSpot = Objects.requireNonNull(pickWeakSpot, "pickWeakSpot");
        this.answerNow = Objects.requireNonNull(answerNow, "answerNow");
        this.timer = new AmbushTimer(schedule, clock, scheduler, at -> onFxThread(() -> due(at)));
    }

    // --- read-only state for the views

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty armedProperty() {
        return armed.getReadOnlyProperty();
    }

    /** The question sprung; present only while {@link Phase#SPRUNG}. */
    public ReadOnlyObjectProperty<Optional<Question>> questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** Seconds left before recording starts by itself, 10 down to 0. */
    public ReadOnlyIntegerProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** "Ambush me: off", "Ambush me: on until 18:00", "Ambush me: on from Mon 09:00". */
    public ReadOnlyStringProperty toggleTextProperty() {
        return toggleText.getReadOnlyProperty();
    }

    /**
     * When the next ambush comes, to the day only ("Next ambush: sometime today"), so it still takes the user by
     * surprise. Empty while off.
     */
    public ReadOnlyStringProperty nextMomentProperty() {
        return nextMoment.getReadOnlyProperty();
    }

    /** What went wrong last, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public AmbushSettings settings() {
        return schedule.settings();
    }

    public Duration snoozeLength() {
        return snooze;
    }

    /** The planned moment itself, for tests and the log; the views show {@link #nextMomentProperty()} instead. */
    public Optional<Instant> nextPlanned() {
        return timer.nextPlanned();
    }

    // --- commands, FX thread only

    /**
     * Lets ambushes that come due pass while {@code busy} is true, e.g. while the user is recording a take anyway.
     * The timer carries on, so the next one comes at its own random moment.
     */
    public void holdWhile(ObservableBooleanValue busy) {
        held = Objects.requireNonNull(busy, "busy");
    }

    /** Uses new hours from now on; if ambush mode is on, the next ambush is planned again within them. */
    public void reconfigure(AmbushSettings settings) {
        if (settings.equals(schedule.settings())) {
            return;
        }
        boolean wasArmed = armed.get();
        if (wasArmed) {
            disarm();
        }
        schedule = schedule.with(settings);
        timer = new AmbushTimer(schedule, clock, scheduler, at -> onFxThread(() -> due(at)));
        if (wasArmed) {
            arm();
        } else {
            describe();
        }
    }

    /** Switches ambush mode on or off. */
    public void setArmed(boolean on) {
        if (on) {
            arm();
        } else {
            disarm();
        }
    }

    /** Flips ambush mode, as the toggle does. */
    public void toggle() {
        setArmed(!armed.get());
    }

    /** Switches ambush mode on: the first ambush is planned from now. Does nothing if already on. */
    public void arm() {
        if (armed.get()) {
            return;
        }
        try {
            timer.start();
        } catch (IllegalStateException e) {
            // The settings allow no time at all; the schedule's message says which setting to change.
            LOG.warn("Ambush mode could not start", e);
            message.set("Ambush mode could not start: " + e.getMessage());
            return;
        }
        message.set("");
        armed.set(true);
        phase.set(Phase.ARMED);
        LOG.info("Ambush mode on; next ambush planned for {}", timer.nextPlanned().orElse(null));
        describe();
    }

    /** Switches ambush mode off; a question showing goes away without recording anything. */
    public void disarm() {
        timer.stop();
        endAmbush();
        cancel(refresh);
        refresh = null;
        armed.set(false);
        phase.set(Phase.OFF);
        describe();
    }

    /** Starts answering the question showing now (Enter or Space on the popup). */
    public void startNow() {
        if (phase.get() != Phase.SPRUNG || question.get().isEmpty()) {
            return;
        }
        Question asked = question.get().get();
        endAmbush();
        phase.set(armed.get() ? Phase.ARMED : Phase.OFF);
        describe();
        try {
            answerNow.accept(asked);
        } catch (RuntimeException e) {
            LOG.error("Could not start answering the ambush question {}", asked.id(), e);
            message.set("Could not start recording the answer: " + e.getMessage());
        }
    }

    /** Puts the question away and asks again after the snooze (S on the popup, or closing it). */
    public void snooze() {
        if (phase.get() != Phase.SPRUNG && phase.get() != Phase.PICKING) {
            return;
        }
        endAmbush();
        try {
            timer.snooze(snooze);
        } catch (IllegalStateException e) {
            LOG.warn("Could not plan the snoozed ambush", e);
            message.set("Could not plan the next ambush: " + e.getMessage());
        }
        phase.set(armed.get() ? Phase.ARMED : Phase.OFF);
        describe();
    }

    // --- what the timer and the countdown drive

    /** An ambush came due: spring one, if it is still inside the allowed hours and nothing is showing. */
    private void due(Instant planned) {
        if (!armed.get()) {
            return;
        }
        if (phase.get() != Phase.ARMED) {
            LOG.info("Skipped the ambush planned for {}: the last one is still showing", planned);
            describe();
            return;
        }
        if (held.get()) {
            LOG.info("Skipped the ambush planned for {}: the user is busy with a take", planned);
            describe();
            return;
        }
        if (!insideHours()) {
            // The timer only plans inside the hours, but a machine that slept can wake it up hours late.
            LOG.info("Skipped the ambush planned for {}: it came due at {}, outside the allowed hours", planned,
                    clock.instant());
            describe();
            return;
        }
        long number = ++ambushNumber;
        phase.set(Phase.PICKING);
        CompletableFuture<Optional<Question>> picked;
        try {
            picked = CompletableFuture.supplyAsync(pickWeakSpot, work);
        } catch (RejectedExecutionException e) {
            // The window is closing; nobody is left to ask.
            return;
        }
        picked.whenComplete((q, error) -> onFxThread(() -> picked(number, q, error)));
    }

    private void picked(long number, Optional<Question> picked, Throwable error) {
        if (number != ambushNumber || phase.get() != Phase.PICKING) {
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            LOG.warn("Could not choose a question for the ambush", cause);
            message.set("Could not choose a question for the ambush: " + cause.getMessage());
            phase.set(Phase.ARMED);
            describe();
            return;
        }
        if (picked == null || picked.isEmpty()) {
            message.set("An ambush came, but there was no question to ask. Add questions or turn banks on.");
            phase.set(Phase.ARMED);
            describe();
            return;
        }
        if (!insideHours() || held.get()) {
            // Choosing took long enough for the hours to close or a take to start; better no ambush then.
            phase.set(Phase.ARMED);
            describe();
            return;
        }
        message.set("");
        question.set(Optional.of(picked.get()));
        countdown.set(COUNTDOWN_SECONDS);
        phase.set(Phase.SPRUNG);
        LOG.info("Ambush: sprang {}", picked.get().id());
        tick = later(Duration.ofSeconds(1), () -> tick(number));
    }

    private void tick(long number) {
        if (number != ambushNumber || phase.get() != Phase.SPRUNG) {
            return;
        }
        countdown.set(countdown.get() - 1);
        if (countdown.get() <= 0) {
            startNow();
        } else {
            tick = later(Duration.ofSeconds(1), () -> tick(number));
        }
    }

    /** Takes the sprung question down and stops its countdown. */
    private void endAmbush() {
        ambushNumber++;
        cancel(tick);
        tick = null;
        question.set(Optional.empty());
        countdown.set(0);
    }

    private boolean insideHours() {
        Instant now = clock.instant();
        return !schedule.earliestAllowed(now).isAfter(now);
    }

    /** Updates the toggle and next-moment texts, and plans their next update for when the hours open or close. */
    private void describe() {
        cancel(refresh);
        refresh = null;
        if (!armed.get()) {
            toggleText.set("Ambush me: off");
            nextMoment.set("");
            return;
        }
        AmbushSettings settings = schedule.settings();
        Instant now = clock.instant();
        Instant opens = schedule.earliestAllowed(now);
        Instant change;
        boolean wholeDay = settings.windowStart().equals(settings.windowEnd());
        if (!opens.isAfter(now)) {
            toggleText.set(wholeDay ? "Ambush me: on" : "Ambush me: on until " + HOUR.format(settings.windowEnd()));
            change = wholeDay ? null : nextWallClock(now, settings.windowEnd());
        } else {
            ZonedDateTime opening = opens.atZone(settings.zone());
            boolean today = opening.toLocalDate().equals(LocalDate.ofInstant(now, settings.zone()));
            toggleText.set("Ambush me: on from " + (today ? HOUR : DAY_AND_HOUR).format(opening));
            change = opens;
        }
        nextMoment.set(timer.nextPlanned().map(this::describeDay).orElse(""));
        if (change != null) {
            // A second late, so the window has certainly opened or closed when the texts are read again.
            Duration wait = Duration.between(now, change).plusSeconds(1);
            refresh = later(wait.isNegative() ? Duration.ofSeconds(1) : wait, this::describe);
        }
    }

    private String describeDay(Instant planned) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), schedule.settings().zone());
        LocalDate day = LocalDate.ofInstant(planned, schedule.settings().zone());
        if (day.equals(today)) {
            return "Next ambush: sometime today.";
        }
        if (day.equals(today.plusDays(1))) {
            return "Next ambush: sometime tomorrow.";
        }
        return "Next ambush: sometime on " + DAY.format(day) + ".";
    }

    /** The next time after {@code now} that the wall clock shows {@code time}. */
    private Instant nextWallClock(Instant now, LocalTime time) {
        ZonedDateTime local = now.atZone(schedule.settings().zone());
        ZonedDateTime candidate = local.with(time);
        return candidate.isAfter(local) ? candidate.toInstant() : candidate.plusDays(1).with(time).toInstant();
    }

    /** Runs {@code task} on the FX thread after {@code delay}; null when the scheduler is shut down. */
    private ScheduledFuture<?> later(Duration delay, Runnable task) {
        try {
            return scheduler.schedule(() -> onFxThread(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private void onFxThread(Runnable task) {
        try {
            fxThread.execute(task);
        } catch (RejectedExecutionException | IllegalStateException e) {
            // The FX toolkit has exited; the app is closing.
            LOG.debug("Dropped an ambush update: the window toolkit is gone", e);
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
