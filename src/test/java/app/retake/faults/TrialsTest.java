package app.retake.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The bookkeeping every seeded trial shares: what counts as a loss, and what the notes keep of it. */
class TrialsTest {

    @Test
    void wrongsAndEscapedExceptionsAreLossesNotedWithTheirSeeds() throws Exception {
        Trials.Tally tally = new Trials.Tally(100);
        tally.check(0, "clean", List::of);
        tally.check(1, "cut short", () -> List.of("a row was lost", "b", "c", "d"));
        tally.check(2, () -> "found " + "late", () -> {
            throw new IllegalStateException("boom");
        });
        FaultTrial.Outcome outcome = tally.outcome(3, "summary", List.of("extra"));
        assertThat(outcome.trials()).isEqualTo(3);
        assertThat(outcome.lost()).isEqualTo(2);
        assertThat(outcome.notes()).containsExactly("summary", "extra",
                "trial 1 (seed 101, cut short): a row was lost; b; c (and 1 more)",
                "trial 2 (seed 102, found late): an exception escaped: java.lang.IllegalStateException: boom");
        assertThat(tally.random(1).nextInt()).isEqualTo(new java.util.SplittableRandom(101).nextInt());
    }

    @Test
    void aTrialThatCannotRunAtAllIsThrownOnNotCounted() {
        Trials.Tally tally = new Trials.Tally(0);
        assertThatThrownBy(() -> tally.check(0, "", () -> {
            throw new IOException("no scratch folder");
        })).isInstanceOf(IOException.class);
        assertThat(tally.outcome(1, "s").lost()).isZero();
    }
}
