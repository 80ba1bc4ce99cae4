package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The frame schedule, on a clock that only moves when the pacer sleeps or the test says so. */
class FramePacerTest {

    private static final long PERIOD_30 = Math.round(1e9 / 30);

    @Test
    void firstSlotComesAtOnceAndEachLaterSlotAtStartPlusNOverFps() throws InterruptedException {
        FakeTime time = new FakeTime();
        FramePacer pacer = new FramePacer(30, time, time);

        assertThat(pacer.awaitSlot()).isZero();
        assertThat(time.elapsed()).isZero();
        for (long n = 1; n <= 90; n++) {
            assertThat(pacer.awaitSlot()).isEqualTo(n);
            assertThat(time.elapsed()).isEqualTo(Math.round(n * 1e9 / 30));
        }
        assertThat(pacer.skippedSlots()).isZero();
    }

    @Test
    void sleepsThatOvershootDoNotAddUpIntoDrift() throws InterruptedException {
        FakeTime time = new FakeTime();
        long overshoot = 4_000_000;
        FramePacer pacer = new FramePacer(30, time, nanos -> time.sleepNanos(nanos + overshoot));

        pacer.awaitSlot();
        for (int n = 1; n <= 300; n++) {
            pacer.awaitSlot();
        }

        // Each frame is at most one overshoot late, never 300 of them.
        assertThat(time.elapsed() - Math.round(300 * 1e9 / 30)).isBetween(0L, overshoot);
        assertThat(pacer.skippedSlots()).isZero();
    }

    @Test
    void callerLateByLessThanAFrameGetsTheNextSlotAtOnceAndSkipsNothing() throws InterruptedException {
        FakeTime time = new FakeTime();
        FramePacer pacer = new FramePacer(30, time, time);
        pacer.awaitSlot();

        time.advance(PERIOD_30 * 3 / 2);
        long sleptBefore = time.slept();

        assertThat(pacer.awaitSlot()).isEqualTo(1);
        assertThat(time.slept()).isEqualTo(sleptBefore);
        assertThat(pacer.skippedSlots()).isZero();
        assertThat(pacer.awaitSlot()).isEqualTo(2);
        assertThat(time.elapsed()).isEqualTo(pacer.dueNanos(2) - FakeTime.START);
    }

    @Test
    void callerLateBySeveralFramesSkipsToTheCurrentSlotInsteadOfBursting() throws InterruptedException {
        FakeTime time = new FakeTime();
        FramePacer pacer = new FramePacer(30, time, time);
        pacer.awaitSlot();

        time.advance(PERIOD_30 * 7 / 2);
        long sleptBefore = time.slept();

        assertThat(pacer.awaitSlot()).isEqualTo(3);
        assertThat(time.slept()).isEqualTo(sleptBefore);
        assertThat(pacer.skippedSlots()).isEqualTo(2);
        // Back on the schedule: the next slot waits for its own time rather than following at once.
        assertThat(pacer.awaitSlot()).isEqualTo(4);
        assertThat(time.slept()).isGreaterThan(sleptBefore);
        assertThat(time.elapsed()).isEqualTo(pacer.dueNanos(4) - FakeTime.START);
    }

    @Test
    void aFrameRateThatIsNotPositiveIsRefused() {
        FakeTime time = new FakeTime();
        assertThatThrownBy(() -> new FramePacer(0, time, time)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FramePacer(Double.NaN, time, time)).isInstanceOf(IllegalArgumentException.class);
    }
}
