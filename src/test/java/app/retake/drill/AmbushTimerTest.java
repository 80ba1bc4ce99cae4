package app.retake.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AmbushTimerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final AmbushSettings DEFAULTS = AmbushSettings.defaults(LONDON);
    private static final long SEED = 5;
    /** A Monday in summer time, far from any clock change. */
    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);

    private final MutableClock clock = new MutableClock(at(MONDAY, "10:00"));
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Instant> announced = new ArrayList<>();
    private final AmbushTimer timer = new AmbushTimer(new AmbushSchedule(DEFAULTS, new SplittableRandom(SEED)), clock,
            scheduler, announced::add);
    /** Same settings and seed as the timer's schedule, so it draws the same times when asked the same questions. */
    private final AmbushSchedule twin = new AmbushSchedule(DEFAULTS, new SplittableRandom(SEED));

    @Test
    void startSchedulesTheFirstAmbushAtTheDelayUntilItsPlannedTime() {
        Instant expected = twin.next(clock.instant(), Optional.empty());

        timer.start();

        assertThat(timer.isRunning()).isTrue();
        assertThat(timer.nextPlanned()).contains(expected);
        assertThat(scheduler.tasks).singleElement()
                .satisfies(task -> assertThat(task.delay).isEqualTo(Duration.between(clock.instant(), expected)));
    }

    @Test
    void startingTwiceKeepsTheSamePlan() {
        timer.start();
        Optional<Instant> planned = timer.nextPlanned();
        timer.start();
        assertThat(timer.nextPlanned()).isEqualTo(planned);
        assertThat(scheduler.tasks).hasSize(1);
    }

    @Test
    void firingAnnouncesThePlannedTimeAndPlansTheNextAmbush() {
        timer.start();
        Instant first = timer.nextPlanned().orElseThrow();
        twin.next(at(MONDAY, "10:00"), Optional.empty());

        clock.set(first.plusSeconds(2));
        scheduler.last().run();

        assertThat(announced).containsExactly(first);
        Instant second = twin.next(clock.instant(), Optional.of(first));
        assertThat(timer.nextPlanned()).contains(second);
        assertThat(second).isAfterOrEqualTo(first.plus(DEFAULTS.minGap()));
        assertThat(scheduler.tasks).hasSize(2);
        assertThat(scheduler.last().delay).isEqualTo(Duration.between(clock.instant(), second));
    }

    @Test
    void aChainOfAmbushesKeepsToTheSettings() {
        timer.start();
        for (int i = 0; i < 200; i++) {
            clock.set(timer.nextPlanned().orElseThrow());
            scheduler.last().run();
        }
        assertThat(announced).hasSize(200).allSatisfy(a -> {
            ZonedDateTime local = a.atZone(LONDON);
            assertThat(DEFAULTS.days()).contains(local.getDayOfWeek());
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 59, 59, 999_999_999));
        });
        for (int i = 1; i < announced.size(); i++) {
            assertThat(Duration.between(announced.get(i - 1), announced.get(i)))
                    .isGreaterThanOrEqualTo(DEFAULTS.minGap());
        }
    }

    @Test
    void stopCancelsThePendingAmbushAndLeavesTheSchedulerRunning() {
        timer.start();
        FakeTask pending = scheduler.last();

        timer.stop();

        assertThat(pending.isCancelled()).isTrue();
        assertThat(timer.isRunning()).isFalse();
        assertThat(timer.nextPlanned()).isEmpty();
        assertThat(scheduler.isShutdown()).isFalse();
    }

    @Test
    void aTaskThatWasAlreadyRunningWhenStoppedAnnouncesNothing() {
        timer.start();
        FakeTask pending = scheduler.last();
        timer.stop();

        pending.runEvenIfCancelled();

        assertThat(announced).isEmpty();
        assertThat(scheduler.tasks).hasSize(1);
        assertThat(timer.nextPlanned()).isEmpty();
    }

    @Test
    void restartingRightAfterAnAmbushStillKeepsTheMinimumGap() {
        timer.start();
        Instant first = timer.nextPlanned().orElseThrow();
        clock.set(first);
        scheduler.last().run();
        timer.stop();

        timer.start();

        assertThat(timer.nextPlanned().orElseThrow()).isAfterOrEqualTo(first.plus(DEFAULTS.minGap()));
    }

    @Test
    void snoozeReplacesThePendingAmbushWithOneAfterTheDelay() {
        timer.start();
        FakeTask pending = scheduler.last();

        timer.snooze(Duration.ofMinutes(10));

        assertThat(pending.isCancelled()).isTrue();
        assertThat(timer.nextPlanned()).contains(at(MONDAY, "10:10"));
        assertThat(scheduler.last().delay).isEqualTo(Duration.ofMinutes(10));

        pending.runEvenIfCancelled();
        assertThat(announced).isEmpty();

        clock.set(at(MONDAY, "10:10"));
        scheduler.last().run();
        assertThat(announced).containsExactly(at(MONDAY, "10:10"));
        assertThat(timer.nextPlanned().orElseThrow()).isAfterOrEqualTo(at(MONDAY, "10:40"));
    }

    @Test
    void snoozeIntoClosedHoursWaitsForTheNextWindow() {
        LocalDate friday = MONDAY.plusDays(4);
        clock.set(at(friday, "17:55"));
        timer.start();

        timer.snooze(Duration.ofMinutes(15));

        Instant monday = at(MONDAY.plusWeeks(1), "09:00");
        assertThat(timer.nextPlanned()).contains(monday);
        assertThat(scheduler.last().delay).isEqualTo(Duration.between(clock.instant(), monday));
    }

    @Test
    void snoozeWhileStoppedDoesNotStartAmbushMode() {
        timer.snooze(Duration.ofMinutes(10));
        assertThat(timer.isRunning()).isFalse();
        assertThat(timer.nextPlanned()).isEmpty();
        assertThat(scheduler.tasks).isEmpty();
        assertThatThrownBy(() -> timer.snooze(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingListenerDoesNotEndTheChain() {
        AmbushTimer failing = new AmbushTimer(new AmbushSchedule(DEFAULTS, new SplittableRandom(SEED)), clock,
                scheduler, at -> {
                    // No stack trace: the timer logs the failure, and the test output should stay readable.
                    throw new RuntimeException("popup broke (this test expects it)", null, false, false) { };
                });
        failing.start();
        clock.set(failing.nextPlanned().orElseThrow());

        scheduler.last().run();

        assertThat(failing.nextPlanned()).isPresent();
        assertThat(scheduler.tasks).hasSize(2);
    }

    private static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), LONDON).toInstant();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return LONDON;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Records one-shot tasks and their delays; the test runs them, so nothing ever sleeps. */
    private static final class FakeScheduler extends AbstractExecutorService implements ScheduledExecutorService {
        final List<FakeTask> tasks = new ArrayList<>();
        private boolean shutdown;

        FakeTask last() {
            return tasks.get(tasks.size() - 1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            FakeTask task = new FakeTask(command, Duration.ofNanos(unit.toNanos(delay)));
            tasks.add(task);
            return task;
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                         TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void execute(Runnable command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }

    /** A scheduled one-shot task that runs only when the test says so. */
    private static final class FakeTask implements ScheduledFuture<Object> {
        final Runnable command;
        final Duration delay;
        private boolean cancelled;
        private boolean done;

        FakeTask(Runnable command, Duration delay) {
            this.command = command;
            this.delay = delay;
        }

        /** Runs the task as the executor would: not at all once cancelled. */
        void run() {
            assertThat(cancelled).as("task was cancelled").isFalse();
            runEvenIfCancelled();
        }

        /** Runs the task as if it had started just before it was cancelled. */
        void runEvenIfCancelled() {
            done = true;
            command.run();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delay);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
