package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

// Timeouts guard against hangs only: a publish that blocked would never return.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AudioFanOutTest {

    final AudioFanOut fanOut = new AudioFanOut();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(AudioFanOut.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
        // The warnings these tests provoke on purpose would only clutter the build output.
        logger.setAdditive(false);
    }

    @AfterEach
    void release() {
        fanOut.close(Duration.ofMillis(100));
        logger.detachAppender(log);
        logger.setAdditive(true);
    }

    static AudioChunk chunk(int sequence) {
        return new AudioChunk(sequence * 20_000_000L, 48_000, new short[] {(short) sequence});
    }

    @Test
    void aBlockedListenerLosesExactlyWhatItsQueueCannotHoldWhileAFastOneGetsEverything() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<AudioChunk> slowGot = new CopyOnWriteArrayList<>();
        List<AudioChunk> fastGot = new CopyOnWriteArrayList<>();
        fanOut.addListener("slow", 4, chunk -> {
            slowGot.add(chunk);
            blocked.countDown();
            await(release);
        });
        fanOut.addListener("fast", 1_000, fastGot::add);

        fanOut.publish(chunk(0));
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 1_000; i++) {
            fanOut.publish(chunk(i));
        }
        // Every publish has returned while the slow listener is still stuck on chunk 0.
        assertThat(fanOut.dropped("slow")).isEqualTo(995);
        release.countDown();
        assertThat(fanOut.close(Duration.ofSeconds(10))).isTrue();

        assertThat(slowGot).extracting(c -> (int) c.samples()[0]).containsExactly(0, 1, 2, 3, 4);
        assertThat(fanOut.delivered("slow")).isEqualTo(5);
        assertThat(fanOut.dropped("slow")).isEqualTo(995);
        assertThat(fastGot).extracting(c -> (int) c.samples()[0])
                .containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
        assertThat(fanOut.delivered("fast")).isEqualTo(1_000);
        assertThat(fanOut.dropped("fast")).isZero();
    }

    @Test
    void eachStretchOfLossesIsWarnedAboutOnce() throws Exception {
        Semaphore entered = new Semaphore(0);
        Semaphore permits = new Semaphore(0);
        fanOut.addListener("transcriber", 2, chunk -> {
            entered.release();
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        fanOut.publish(chunk(0));
        entered.acquire();
        for (int i = 1; i <= 10; i++) {
            fanOut.publish(chunk(i));
        }
        permits.release(3);
        awaitDelivered("transcriber", 3);
        entered.acquire(2);
        fanOut.publish(chunk(11));
        entered.acquire();
        for (int i = 12; i <= 20; i++) {
            fanOut.publish(chunk(i));
        }
        permits.release(100);

        assertThat(fanOut.dropped("transcriber")).isEqualTo(8 + 7);
        assertThat(warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("transcriber"));
    }

    @Test
    void aListenerThatThrowsKeepsReceivingAndTheErrorIsLoggedOnce() {
        List<AudioChunk> got = new CopyOnWriteArrayList<>();
        fanOut.addListener("flaky", 100, chunk -> {
            got.add(chunk);
            throw new IllegalStateException("boom");
        });
        for (int i = 0; i < 10; i++) {
            fanOut.publish(chunk(i));
        }
        assertThat(fanOut.close(Duration.ofSeconds(10))).isTrue();

        assertThat(got).hasSize(10);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).hasSize(1);
    }

    @Test
    void closingDeliversWhatIsQueuedAndThenIgnoresNewChunks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<AudioChunk> got = new CopyOnWriteArrayList<>();
        fanOut.addListener("writer", 50, chunk -> {
            await(release);
            got.add(chunk);
        });
        for (int i = 0; i < 20; i++) {
            fanOut.publish(chunk(i));
        }
        release.countDown();
        assertThat(fanOut.close(Duration.ofSeconds(10))).isTrue();
        fanOut.publish(chunk(99));

        assertThat(got).hasSize(20);
        assertThat(fanOut.delivered("writer")).isEqualTo(20);
        assertThatThrownBy(() -> fanOut.addListener("late", 1, c -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerStillStuckWhenTheWaitRunsOutIsInterruptedAndItsQueueCountsAsDropped() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        fanOut.addListener("stuck", 10, chunk -> {
            entered.countDown();
            await(never);
        });
        fanOut.publish(chunk(0));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 4; i++) {
            fanOut.publish(chunk(i));
        }

        assertThat(fanOut.close(Duration.ofMillis(200))).isFalse();
        assertThat(fanOut.dropped("stuck")).as("all but the chunk it was stuck on").isEqualTo(3);
    }

    @Test
    void listenerNamesAreUnique() {
        fanOut.addListener("meter", 1, c -> { });

        assertThatThrownBy(() -> fanOut.addListener("meter", 1, c -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fanOut.dropped("nobody")).isInstanceOf(IllegalArgumentException.class);
    }

    List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    void awaitDelivered(String name, long count) throws InterruptedException {
        while (fanOut.delivered(name) < count) {
            Thread.sleep(1);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
