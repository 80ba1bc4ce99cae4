package app.retake.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One open server-sent-events connection to the paired phone.
 *
 * <p>The interview's listeners must not block, so they only mark the stream as changed; the connection's own thread
 * then sends one fresh snapshot. Changes that pile up while a slow phone is still reading are sent as one, which is
 * right because each snapshot is the whole picture. A comment line goes out when nothing changed for a while, so
 * the phone and anything in between keep the connection open and a vanished phone is noticed.
 */
final class EventStream {

    private final CountDownLatch done = new CountDownLatch(1);
    private boolean changed = true; // the phone gets the current picture as soon as it connects
    private String closedBecause;

    /** Something changed: send a snapshot soon. Never blocks. */
    synchronized void changed() {
        changed = true;
        notifyAll();
    }

    /** Ends the stream after any pending snapshot, telling the phone why in a {@code closed} event. */
    synchronized void close(String reason) {
        if (closedBecause == null) {
            closedBecause = reason;
        }
        notifyAll();
    }

    /**
     * Writes events to {@code out} until the stream is closed or the phone goes away; runs on the connection's
     * thread.
     */
    void pump(OutputStream out, Supplier<String> snapshot, Duration heartbeat) throws IOException {
        try {
            while (true) {
                boolean send;
                String reason;
                synchronized (this) {
                    long deadline = System.nanoTime() + heartbeat.toNanos();
                    while (!changed && closedBecause == null) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                    send = changed;
                    changed = false;
                    reason = closedBecause;
                }
                if (send) {
                    write(out, "data: " + snapshot.get() + "\n\n");
                }
                if (reason != null) {
                    String json = RemoteCommands.JSON.createObjectNode().put("reason", reason).toString();
                    write(out, "event: closed\ndata: " + json + "\n\n");
                    return;
                }
                if (!send) {
                    write(out, ": still here\n\n");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Waits up to {@code timeout} for the connection's thread to finish. */
    boolean awaitDone(Duration timeout) {
        try {
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
