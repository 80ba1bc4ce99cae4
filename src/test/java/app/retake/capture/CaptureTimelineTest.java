package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Simulated sound cards: arrival times are computed, so no test here waits on a real clock. */
class CaptureTimelineTest {

    static final int RATE = 48_000;
    static final int BLOCK = 960;
    static final long T0 = 7_000_000_000L;

    @Test
    void blocksFromASteadyDeviceAreStampedExactlyOneBlockApart() {
        CaptureTimeline timeline = new CaptureTimeline(RATE);
        long latency = 3_000_000;
        for (int k = 0; k < 10_000; k++) {
            long arrival = T0 + Math.round((k + 1) * BLOCK * 1e9 / RATE) + latency;
            assertThat(timeline.stamp(arrival, BLOCK)).isCloseTo(T0 + latency + Math.round(k * BLOCK * 1e9 / RATE),
                    within(1L));
        }
    }

    @Test
    void stampsFollowACardWhoseClockRunsFastDespiteJitterAndStalls() {
        assertTracks(+200e-6);
    }

    @Test
    void stampsFollowACardWhoseClockRunsSlowDespiteJitterAndStalls() {
        assertTracks(-200e-6);
    }

    @Test
    void aLateFirstBlockIsCorrectedWithinSecondsWithoutAJump() {
        CaptureTimeline timeline = new CaptureTimeline(RATE);
        double blockNanos = BLOCK * 1e9 / RATE;
        long previous = Long.MIN_VALUE;
        for (int k = 0; k < 50 * 60; k++) {
            long truth = T0 + Math.round(k * blockNanos);
            // The first read comes 60 ms late; the buffered blocks behind it are then read at once.
            long arrival = Math.max(T0 + Math.round((k + 1) * blockNanos), T0 + 60_000_000 + k * 10_000L);
            long stamp = timeline.stamp(arrival, BLOCK);
            if (previous != Long.MIN_VALUE) {
                assertThat(stamp - previous).isCloseTo(Math.round(blockNanos), within(Math.round(blockNanos * 0.006)));
            }
            previous = stamp;
            if (k > 50 * 20) {
                assertThat(stamp - truth).as("block %d", k).isBetween(0L, 1_000_000L);
            }
        }
    }

    /** Ten minutes from a card whose crystal is off by {@code drift}, read with random delays and a few stalls. */
    static void assertTracks(double drift) {
        CaptureTimeline timeline = new CaptureTimeline(RATE);
        Random random = new Random(42);
        double trueRate = RATE * (1 + drift);
        long previous = Long.MIN_VALUE;
        long lastArrival = 0;
        double worst = 0;
        for (long k = 0; k < 50L * 600; k++) {
            double firstSample = T0 + k * BLOCK * 1e9 / trueRate;
            double lastSample = firstSample + BLOCK * 1e9 / trueRate;
            boolean stall = random.nextInt(500) == 0;
            long delay = 500_000 + random.nextInt(7_500_000) + (stall ? 80_000_000 : 0);
            // After a stall the reader finds the next blocks already waiting, so they arrive back to back.
            long arrival = Math.max(Math.round(lastSample) + delay, lastArrival + 50_000);
            lastArrival = arrival;
            long stamp = timeline.stamp(arrival, BLOCK);
            assertThat(stamp).isGreaterThan(previous);
            previous = stamp;
            if (k > 50 * 10) {
                worst = Math.max(worst, Math.abs(stamp - firstSample));
            }
        }
        // Against 120 ms of drift over ten minutes, the stamps stay within about the shortest read delay.
        assertThat(worst).isLessThan(2_000_000);
    }
}
