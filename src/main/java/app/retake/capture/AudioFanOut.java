package app.retake.capture;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each captured audio chunk to several listeners, each through its own bounded queue and thread.
 *
 * <p>{@link #publish} never waits: when a listener's queue is full, that listener loses the chunk, the loss is
 * counted, and a warning is logged once for each stretch of losses. Other listeners are not affected. Usable
 * directly as a microphone's sink: {@code microphone.start(clock, fanOut::publish)}.
 */
public final class AudioFanOut implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AudioFanOut.class);
    /** How long {@link #close()} waits for listeners to take what is already queued. */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(2);
    /** Marks the end of a queue; compared by identity. */
    private static final AudioChunk END = new AudioChunk(0, 1, new short[0]);
    /** How often an idle listener thread looks whether it should end, when its queue had no room for the end mark. */
    private static final long IDLE_CHECK_MILLIS = 50;

    private final Map<String, Outlet> outlets = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Adds a listener that receives every chunk published from now on, on a thread of its own.
     *
     * @param capacity how many chunks may wait for the listener before new ones are dropped for it
     */
    public synchronized void addListener(String name, int capacity, Consumer<AudioChunk> listener) {
        if (closed) {
            throw new IllegalStateException("the audio fan-out is closed");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        if (outlets.containsKey(name)) {
            throw new IllegalArgumentException("there is already a listener named " + name);
        }
        Outlet outlet = new Outlet(name, capacity, listener);
        outlets.put(name, outlet);
        outlet.thread.start();
    }

    /** Queues the chunk for every listener without waiting; after {@link #close()} it is ignored. */
    public void publish(AudioChunk chunk) {
        if (closed) {
            return;
        }
        for (Outlet outlet : outlets.values()) {
            outlet.offer(chunk);
        }
    }

    /** Chunks the listener has been given so far. */
    public long delivered(String name) {
        return outlet(name).delivered.get();
    }

    /** Chunks the listener lost because its queue was full, or because it had not taken them when closed. */
    public long dropped(String name) {
        return outlet(name).dropped.get();
    }

    /**
     * Stops taking chunks and lets every listener finish what is queued for it, waiting at most
     * {@link #DRAIN_LIMIT} in all; see {@link #close(Duration)}.
     */
    @Override
    public void close() {
        close(DRAIN_LIMIT);
    }

    /**
     * Stops taking chunks and lets every listener finish what is queued for it, waiting at most {@code limit} in
     * all. A listener still busy then is interrupted, and what it had not taken counts as dropped. Chunks
     * published while closing may be ignored. Safe to call twice.
     *
     * @return whether every listener took everything queued for it in time
     */
    public boolean close(Duration limit) {
        synchronized (this) {
            if (closed) {
                return outlets.values().stream().noneMatch(o -> o.thread.isAlive());
            }
            closed = true;
        }
        for (Outlet outlet : outlets.values()) {
            outlet.queue.offer(END);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        boolean drained = true;
        for (Outlet outlet : outlets.values()) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    outlet.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (outlet.thread.isAlive()) {
                drained = false;
                outlet.thread.interrupt();
                int left = 0;
                for (AudioChunk chunk : outlet.queue) {
                    if (chunk != END) {
                        left++;
                    }
                }
                outlet.queue.clear();
                outlet.dropped.addAndGet(left);
                LOG.warn("Audio listener {} was still busy after {} ms; {} queued chunks were not delivered",
                        outlet.name, limit.toMillis(), left);
            }
        }
        return drained;
    }

    private Outlet outlet(String name) {
        Outlet outlet = outlets.get(name);
        if (outlet == null) {
            throw new IllegalArgumentException("no listener named " + name);
        }
        return outlet;
    }

    /** One listener's queue, thread and counts. */
    private final class Outlet {

        final String name;
        final int capacity;
        final BlockingQueue<AudioChunk> queue;
        final Consumer<AudioChunk> listener;
        final Thread thread;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        /** Chunks lost in the current stretch of losses; guarded by this outlet's lock. */
        private long lostInStretch;
        private boolean failedBefore;

        Outlet(String name, int capacity, Consumer<AudioChunk> listener) {
            this.name = name;
            this.capacity = capacity;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.listener = listener;
            this.thread = new Thread(this::run, "audio-" + name);
            thread.setDaemon(true);
        }

        synchronized void offer(AudioChunk chunk) {
            if (queue.offer(chunk)) {
                if (lostInStretch > 0) {
                    LOG.info("Audio listener {} caught up after losing {} chunks", name, lostInStretch);
                    lostInStretch = 0;
                }
                return;
            }
            dropped.incrementAndGet();
            if (lostInStretch++ == 0) {
                LOG.warn("Audio listener {} is falling behind: its queue of {} chunks is full, dropping audio for it"
                        + " until it catches up", name, capacity);
            }
        }

        private void run() {
            while (true) {
                AudioChunk chunk;
                try {
                    chunk = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (chunk == END || chunk == null && closed && queue.isEmpty()) {
                    return;
                }
                if (chunk == null) {
                    continue;
                }
                try {
                    listener.accept(chunk);
                } catch (RuntimeException e) {
                    // One bad chunk must not silence the listener for the rest of the take, nor flood the log.
                    if (!failedBefore) {
                        failedBefore = true;
                        LOG.error("Audio listener {} failed on a chunk; it keeps receiving audio", name, e);
                    }
                }
                delivered.incrementAndGet();
            }
        }
    }
}
