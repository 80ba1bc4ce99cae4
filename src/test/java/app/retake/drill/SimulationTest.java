package app.retake.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simulation is the evidence for the picker; these check it measures what it claims, deterministically. */
class SimulationTest {

    @Test
    void sameSeedSameOutcome() {
        assertThat(Simulation.run(60, 4, Simulation.retake(60, 4)))
                .isEqualTo(Simulation.run(60, 4, Simulation.retake(60, 4)));
    }

    @Test
    void everyStrategyReachesTheTargetAndRetakeNeedsFewerTakesThanUniform() {
        for (long seed = 1; seed <= 3; seed++) {
            var uniform = Simulation.run(100, seed, Simulation.uniform(100, seed));
            var leitner = Simulation.run(100, seed, Simulation.leitner(100, seed));
            var retake = Simulation.run(100, seed, Simulation.retake(100, seed));
            assertThat(uniform.takes()).isPresent();
            assertThat(leitner.takes()).isPresent();
            assertThat(retake.takes()).isPresent();
            assertThat(retake.takes().get()).as("seed %d", seed).isLessThan(uniform.takes().get());
        }
    }

    @Test
    void aLearnerWhoNeverPractisesIsNeverPrepared() {
        Simulation.Learner learner = new Simulation.Learner(100, new java.util.SplittableRandom(1));
        java.time.Instant start = java.time.Instant.parse("2026-01-05T08:00:00Z");
        assertThat(learner.preparedShare(start)).isLessThan(Simulation.TARGET_SHARE);
        assertThat(learner.preparedShare(start.plus(java.time.Duration.ofDays(400)))).isZero();
    }
}
