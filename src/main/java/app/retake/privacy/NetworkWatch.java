package app.retake.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Watches this process for internet sockets while something runs: a thread looks every few milliseconds, and
 * {@link #check} looks at once at a named step. Every socket that was not open when the watch started is a
 * sighting, with the step during which it was first seen.
 *
 * <p>A socket opened and closed between two looks is missed; looking every 20 ms makes a connection that lasts
 * long enough to send anything very unlikely to slip through, and the checks at each step catch whatever is still
 * open then.
 */
public final class NetworkWatch implements AutoCloseable {

    /** A socket first seen during {@code step}. */
    public record Sighting(String step, OpenSockets.IpSocket socket) {
        @Override
        public String toString() {
            return socket + " (during " + step + ")";
        }
    }

    private final Set<Long> baseline;
    private final List<OpenSockets.IpSocket> before;
    private final Map<Long, Sighting> seen = new LinkedHashMap<>();
    private final AtomicInteger looks = new AtomicInteger();
    private final Thread sampler;
    private volatile String step = "start";
    private volatile boolean running = true;

    private NetworkWatch(List<OpenSockets.IpSocket> before, Duration every) {
        this.before = List.copyOf(before);
        this.baseline = before.stream().map(OpenSockets.IpSocket::inode).collect(Collectors.toUnmodifiableSet());
        long millis = Math.max(1, every.toMillis());
        sampler = new Thread(() -> {
            while (running) {
                look(step);
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "network-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching, looking every {@code every}; empty when this system cannot list sockets. */
    public static Optional<NetworkWatch> start(Duration every) {
        return OpenSockets.list().map(now -> new NetworkWatch(now, every));
    }

    /** Names the step now running (for the sightings) and looks at once; returns the sockets open beyond the start. */
    public List<OpenSockets.IpSocket> check(String now) {
        step = now;
        return look(now);
    }

    private List<OpenSockets.IpSocket> look(String during) {
        List<OpenSockets.IpSocket> extra = new ArrayList<>();
        OpenSockets.list().ifPresent(sockets -> {
            looks.incrementAndGet();
            synchronized (seen) {
                for (OpenSockets.IpSocket s : sockets) {
                    if (!baseline.contains(s.inode())) {
                        extra.add(s);
                        seen.putIfAbsent(s.inode(), new Sighting(during, s));
                    }
                }
            }
        });
        return extra;
    }

    /** Sockets that were open when the watch started; they are not counted as sightings. */
    public List<OpenSockets.IpSocket> before() {
        return before;
    }

    /** Every socket seen that was not open at the start, in the order first seen. */
    public List<Sighting> sightings() {
        synchronized (seen) {
            return List.copyOf(seen.values());
        }
    }

    /** How many times the sockets were listed, by the thread and by checks. */
    public int looks() {
        return looks.get();
    }

    /** Stops the looking thread; the sightings stay readable. */
    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
