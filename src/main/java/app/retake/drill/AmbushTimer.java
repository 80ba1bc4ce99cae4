package app.retake.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs ambush mode: waits for each planned ambush on the caller's scheduler, announces it and plans the next. */
public final class AmbushTimer {

    private static final Logger LOG = LoggerFactory.getLogger(AmbushTimer.class);

    private final AmbushSchedule schedule;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Consumer<Instant> onAmbush;

    private boolean running;
    private Instant planned;
    private ScheduledFuture<?> pending;
    /** Kept across stop() so that switching ambush mode off and on again still honours the minimum gap. */
    private Instant lastAmbush;
    /** Counts plans, so a task that began running just before stop() or snooze() replaced it can tell it is stale. */
    private long planNumber;

    /**
     * @param scheduler owned by the caller, who shuts it down; the timer only schedules one-shot tasks on it
     * @param onAmbush  called on the scheduler's thread with the planned instant of each ambush as it comes due
     */
    public AmbushTimer(AmbushSchedule schedule, Clock clock, ScheduledExecutorService scheduler,
                       Consumer<Instant> onAmbush) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.onAmbush = Objects.requireNonNull(onAmbush, "onAmbush");
    }

    /** Plans the first ambush from now; does nothing if already running. */
    public synchronized void start() {
        if (running) {
            return;
        }
        plan(schedule.next(clock.instant(), Optional.ofNullable(lastAmbush)));
        running = true;
    }

    /** Cancels the pending ambush; {@link #start()} plans a fresh one. */
    public synchronized void stop() {
        running = false;
        cancelPending();
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** When the pending ambush will spring; empty while stopped. */
    public synchronized Optional<Instant> nextPlanned() {
        return Optional.ofNullable(planned);
    }

    /**
     * Replaces the pending ambush with one {@code delay} from now, or when the allowed hours next open if that is
     * outside them. The user asked for it, so the minimum gap after the last ambush does not apply. Ignored while
     * stopped, since a snooze pressed as ambush mode is switched off should not switch it back on.
     */
    public synchronized void snooze(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A snooze cannot be shorter than zero.");
        }
        if (!running) {
            return;
        }
        cancelPending();
        plan(schedule.earliestAllowed(clock.instant().plus(delay)));
    }

    private void plan(Instant at) {
        long number = ++planNumber;
        long delayNanos = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        pending = scheduler.schedule(() -> fire(number, at), delayNanos, TimeUnit.NANOSECONDS);
        planned = at;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = null;
        planned = null;
        planNumber++;
    }

    private void fire(long number, Instant at) {
        synchronized (this) {
            if (!running || number != planNumber) {
                return;
            }
            lastAmbush = at;
            pending = null;
            planned = null;
            // From now rather than from `at`: after a suspended laptop wakes up late, one ambush is enough.
            try {
                plan(schedule.next(clock.instant(), Optional.of(at)));
            } catch (RejectedExecutionException e) {
                running = false;
                LOG.warn("Ambush mode stopped: its scheduler no longer accepts tasks (the app is probably closing)");
            }
        }
        // Outside the lock, because the listener may hand over to another thread that calls snooze() and waits.
        try {
            onAmbush.accept(at);
        } catch (RuntimeException e) {
            LOG.error("Announcing the ambush planned for {} failed; the next one is still planned", at, e);
        }
    }
}
