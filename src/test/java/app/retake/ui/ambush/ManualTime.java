package app.retake.ui.ambush;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a scheduler that only move when the test says so: {@link #advanceTo} runs every task as its time
 * comes, {@link #wakeAt} jumps as a laptop waking from sleep does and runs what is overdue at the new time.
 */
final class ManualTime extends AbstractExecutorService implements ScheduledExecutorService {

    private final ZoneId zone;
    private Instant now;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;
    private boolean shutdown;

    ManualTime(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            synchronized (ManualTime.this) {
                return now;
            }
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            throw new UnsupportedOperationException();
        }
    };

    synchronized Instant now() {
        return now;
    }

    /** Moves time forward to {@code target}, running each task at its own due time, in order. */
    void advanceTo(Instant target) {
        while (true) {
            Task next;
            synchronized (this) {
                next = nextDue(target).orElse(null);
                if (next == null) {
                    if (target.isAfter(now)) {
                        now = target;
                    }
                    return;
                }
                tasks.remove(next);
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.run();
        }
    }

    void advance(Duration by) {
        advanceTo(now().plus(by));
    }

    /** Jumps to {@code target} without running anything on the way, then runs what is overdue at {@code target}. */
    void wakeAt(Instant target) {
        synchronized (this) {
            now = target;
        }
        advanceTo(target);
    }

    /** Pending tasks (not cancelled, not yet run). */
    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    private Optional<Task> nextDue(Instant target) {
        tasks.removeIf(t -> t.cancelled);
        return tasks.stream().filter(t -> !t.due.isAfter(target))
                .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        Task task = new Task(command, now.plusNanos(unit.toNanos(delay)), sequence++);
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
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        tasks.clear();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isShutdown();
    }

    /** A one-shot task that runs only when time reaches it. */
    private final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final Instant due;
        final long order;
        volatile boolean cancelled;
        volatile boolean done;

        Task(Runnable command, Instant due, long order) {
            this.command = command;
            this.due = due;
            this.order = order;
        }

        void run() {
            if (!cancelled) {
                done = true;
                command.run();
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now(), due));
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
