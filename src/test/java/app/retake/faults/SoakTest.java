package app.retake.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.capture.Resolution;
import app.retake.history.AttemptLog;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/**
 * A short soak: takes one after another through the real practice path leave no open files or threads behind.
 * Memory is printed by {@code retake bench soak}, not asserted: it is too noisy for a short run.
 */
class SoakTest {

    @TempDir
    Path dir;

    @Test
    void consecutiveTakesLeaveNoFilesOrThreadsOpen() throws Exception {
        Path wav = TrialKit.answerWav(dir.resolve("audio"), 1);
        Path data = Files.createDirectories(dir.resolve("data"));
        try (SpeechModelService speech = TrialKit.loadModel(TrialKit.modelDir())) {
            Assumptions.assumeTrue(speech.status() instanceof ModelStatus.Ready, "speech model missing");
            Soak.Result result = Soak.run(new Soak.Options(15, 2, data, TrialKit.bank(dir.resolve("banks")), wav,
                    new Resolution(320, 240)), speech, new Soak.Listener() {
                    });
            assertThat(result.problems()).isEmpty();
            assertThat(result.transcribed()).isEqualTo(15);
            assertThat(AttemptLog.in(data).readAll().attempts()).hasSize(15);
            List<Soak.Point> points = result.points();
            assertThat(points).extracting(Soak.Point::takes).startsWith(0, 1, 2).endsWith(15);
            Soak.Verdict verdict = result.verdict();
            Assumptions.assumeTrue(points.get(0).figures().fds() >= 0, "open files are only counted on Linux");
            assertThat(verdict.fdGrowth()).as(String.join("\n", verdict.lines())).isLessThanOrEqualTo(
                    Soak.COUNT_NOISE);
            assertThat(verdict.threadGrowth()).as(String.join("\n", verdict.lines())).isLessThanOrEqualTo(
                    Soak.COUNT_NOISE);
        }
    }

    @Test
    void theVerdictJudgesGrowthFromTheWarmUpNotFromTheStart() {
        Soak.Figures start = new Soak.Figures(200_000, 9, 13, 8_000);
        Soak.Figures warm = new Soak.Figures(330_000, 13, 15, 9_000);
        List<Soak.Point> steady = List.of(new Soak.Point(0, start), new Soak.Point(10, warm),
                new Soak.Point(100, new Soak.Figures(350_000, 14, 16, 9_500)));
        assertThat(Soak.judge(steady, 100).grew()).isFalse();
        List<Soak.Point> leaking = List.of(new Soak.Point(0, start), new Soak.Point(10, warm),
                new Soak.Point(100, new Soak.Figures(340_000, 13, 25, 9_000)));
        Soak.Verdict verdict = Soak.judge(leaking, 100);
        assertThat(verdict.grew()).isTrue();
        assertThat(verdict.fdGrowth()).isEqualTo(10);
        assertThat(verdict.lines()).anyMatch(l -> l.startsWith("open files +10") && l.endsWith("GROWTH"));
    }
}
