package app.retake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;

/** spring, stats, simulate and debrief, run as a user types them, against a data root of their own. */
class DrillCommandsTest {

    @TempDir
    Path data;

    private CliTest.Run run(String... args) {
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data";
        withData[args.length + 1] = data.toString();
        return CliTest.run(withData);
    }

    private void rate(String question, Rating rating, long minutesAgo, String profile) throws IOException {
        AttemptLog.in(data).append(new Attempt(OffsetDateTime.now().minusMinutes(minutesAgo), "s", "t", question,
                "core", Mode.SOLO, profile, Optional.of(rating), Optional.empty(), Duration.ofMinutes(2),
                Optional.empty(), Optional.empty(), Map.of()));
    }

    @Test
    void springPrintsTheRequestedNumberOfQuestionsWithTheirWeakness() {
        CliTest.Run r = run("spring", "--count", "4", "--seed", "7");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().filter(l -> l.matches(" ?\\d+\\. .*weakness \\d\\.\\d\\d.*"))).hasSize(4);
        assertThat(run("spring", "--count", "4", "--seed", "7").out()).isEqualTo(r.out());
    }

    @Test
    void springLeansOnTheUnpreparedQuestionAndFiltersWork() throws IOException {
        rate("mot-why-leaving-current", Rating.UNPREPARED, 600, "me");
        CliTest.Run list = run("spring", "--unprepared", "--count", "3", "--seed", "1");
        assertThat(list.out().lines().filter(l -> l.matches(" ?\\d+\\. .*"))).singleElement().asString()
                .contains("mot-why-leaving-current").contains("on the unprepared list");
        CliTest.Run curveballs = run("spring", "--category", "curveball", "--count", "5", "--seed", "2");
        assertThat(curveballs.out().lines().filter(l -> l.matches(" ?\\d+\\. .*")))
                .hasSize(5).allSatisfy(l -> assertThat(l).contains(" curveball "));
        CliTest.Run nothing = run("spring", "--unprepared", "--profile", "sam");
        assertThat(nothing.out()).contains("Nothing is on the unprepared list for \"sam\"");
    }

    @Test
    void statsListsExactlyTheQuestionsStillUnpreparedWorstFirst() throws IOException {
        rate("mot-why-leaving-current", Rating.UNPREPARED, 3 * 1440, "me");
        rate("open-tell-me-about-yourself", Rating.UNPREPARED, 60, "me");
        rate("sw-greatest-weakness", Rating.UNPREPARED, 2 * 1440, "me");
        rate("sw-greatest-weakness", Rating.GOOD, 1440, "me");
        rate("beh-conflict-with-coworker", Rating.NAILED, 1440, "me");
        CliTest.Run unprepared = run("stats", "--unprepared");
        assertThat(unprepared.exit()).isZero();
        var rows = unprepared.out().lines().skip(1).filter(l -> !l.contains("rated,")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("mot-why-leaving-current");
        assertThat(rows.get(1)).startsWith("open-tell-me-about-yourself");
        CliTest.Run all = run("stats");
        assertThat(all.out()).contains("sw-greatest-weakness").contains("improving")
                .contains("4 questions rated, 2 still unprepared");
    }

    @Test
    void simulatePrintsTheRatioLine() {
        CliTest.Run r = run("simulate", "--seeds", "2", "--questions", "60");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("uniform random").contains("Leitner boxes").contains("Retake weak-spot picker")
                .containsPattern("(?m)^ratio retake/uniform = \\d\\.\\d\\d$");
    }

    @Test
    void aDebriefPutsItsUnpreparedQuestionsOnTheListAndAddsNewOnesToMyQuestions() throws IOException {
        Path banks = Files.createDirectories(data.resolve("banks"));
        Files.copy(Path.of("question-banks", "core.csv"), banks.resolve("core.csv"));
        CliTest.Run bad = run("debrief", "add", "--banks", banks.toString(), "--company", "Acme", "--asked",
                "no-such-id");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("No question has the id no-such-id");

        CliTest.Run r = run("debrief", "add", "--banks", banks.toString(), "--company", "Acme", "--role", "Office manager", "--date", "2026-11-20",
                "--asked", "open-tell-me-about-yourself", "--unprepared", "mot-why-leaving-current",
                "--new-unprepared", "How would you handle our CEO's diary?", "--lessons", "Have a calm answer ready.");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Added to my-questions.csv: my-how-would-you-handle-our-ceo")
                .contains("3 questions asked, 2 unprepared");
        CliTest.Run list = run("stats", "--unprepared", "--banks", banks.toString());
        assertThat(list.out()).contains("mot-why-leaving-current").contains("my-how-would-you-handle-our-ceo");
        assertThat(Files.readString(banks.resolve("my-questions.csv"))).contains("How would you handle our CEO's diary?");
        assertThat(run("debrief", "list").out()).contains("2026-11-20  Acme (Office manager): 3 asked")
                .contains("lessons: Have a calm answer ready.");
    }

    @Test
    void aQuestionNoBankHasAnyMoreIsShownByItsIdAndNeverSprung() throws IOException {
        rate("deleted-from-my-bank", Rating.UNPREPARED, 120, "me");
        rate("open-tell-me-about-yourself", Rating.UNPREPARED, 60, "me");
        CliTest.Run stats = run("stats");
        assertThat(stats.exit()).isZero();
        assertThat(stats.out().lines().filter(l -> l.startsWith("deleted-from-my-bank"))).singleElement().asString()
                .contains("(not in any bank)");
        assertThat(stats.out()).contains("open-tell-me-about-yourself")
                .contains("2 questions rated, 2 still unprepared");
        CliTest.Run spring = run("spring", "--unprepared", "--count", "5", "--seed", "3");
        assertThat(spring.exit()).isZero();
        assertThat(spring.out()).contains("open-tell-me-about-yourself").doesNotContain("deleted-from-my-bank");
    }
}
