package app.retake.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults suite: every trial of {@link Faults#all()} at its CI size, each asserting that no trial lost data. The
 * same trials, at full size, are what {@code retake faults} prints.
 */
class FaultsSuiteTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> noFaultLosesData() {
        assertThat(Faults.all()).as("the catalogue covers issue 8's areas").extracting(FaultTrial::area)
                .contains(FaultTrial.Area.values());
        return Faults.all().stream().map(trial -> DynamicTest.dynamicTest(trial.fault(), () -> {
            Path scratch = Files.createDirectories(dir.resolve(Integer.toHexString(trial.fault().hashCode())));
            FaultTrial.Outcome outcome = trial.run(trial.quickTrials(), scratch);
            assertThat(outcome.trials()).as("trials run").isEqualTo(trial.quickTrials());
            assertThat(outcome.lost()).as("trials that lost data: %s", outcome.notes()).isZero();
        }));
    }
}
