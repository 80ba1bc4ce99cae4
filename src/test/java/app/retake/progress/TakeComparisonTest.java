package app.retake.progress;

import static app.retake.progress.ComparisonFixtures.FIRST_ANSWER;
import static app.retake.progress.ComparisonFixtures.FIRST_TIME;
import static app.retake.progress.ComparisonFixtures.LATEST_ANSWER;
import static app.retake.progress.ComparisonFixtures.LATEST_TIME;
import static app.retake.progress.ComparisonFixtures.QUESTION;
import static app.retake.progress.ComparisonFixtures.logged;
import static app.retake.progress.ComparisonFixtures.transcript;
import static app.retake.progress.ComparisonFixtures.writeTwoTakes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.review.ReviewFiles;
import app.retake.review.SelfCheck;
import app.retake.history.TakeFiles;
import app.retake.progress.TakeComparison.Row;
import app.retake.progress.TakeComparison.Take;
import app.retake.progress.TakeComparison.Verdict;
import app.retake.speech.MetricSettings;
import app.retake.speech.TranscriptFiles;

/** Takes of one question in a temporary data root, compared row by row against answers worked out by hand. */
class TakeComparisonTest {

    @TempDir
    Path data;

    @Test
    void theLatestTakeIsBetterWhereTheAnswerImprovedAndWorseWhereItSlipped() throws IOException {
        writeTwoTakes(data);

        TakeComparison c = TakeComparison.load(data, Attempt.DEFAULT_PROFILE, QUESTION.id(), Optional.of(QUESTION),
                MetricSettings.defaults()).orElseThrow();

        assertThat(c.takes()).isEqualTo(2);
        assertThat(c.first().take().time()).isEqualTo(FIRST_TIME);
        assertThat(c.latest().take().time()).isEqualTo(LATEST_TIME);
        assertThat(c.rows()).containsExactly(
                new Row("Rating", "shaky", "good", Verdict.BETTER),
                new Row("Talking points covered", "1 of 3", "3 of 3", Verdict.BETTER),
                new Row("Pace", "59 words per minute", "121 words per minute", Verdict.BETTER),
                new Row("Time to first word", "4.0 s", "1.0 s", Verdict.BETTER),
                new Row("Long pauses", "2 (longest 3.0 s)", "0", Verdict.BETTER),
                new Row("Filler phrases per minute", "16.1 (3 in all)", "0.0 (0 in all)", Verdict.BETTER),
                new Row("Hedges", "0", "1", Verdict.WORSE),
                new Row("Repeated words", "0", "0", Verdict.SAME),
                new Row("Bitter or negative phrasing", "0", "0", Verdict.SAME));
        assertThat(c.summary()).isEqualTo("The latest take is better on 6 measures and worse on 1 measure than the "
                + "first.");
        assertThat(c.first().coverage()).extracting(p -> p.covered()).containsExactly(true, false, false);
        assertThat(c.latest().coverage()).extracting(p -> p.covered()).containsExactly(true, true, true);
        assertThat(c.latest().result().transcript().orElseThrow().text()).isEqualTo(LATEST_ANSWER);
    }

    @Test
    void firstAndLatestAreChosenByTimeAmongThisProfilesTakesOfThisQuestionOnly() throws IOException {
        Attempt middle = logged(data, "s2", "take-01", OffsetDateTime.of(2026, 3, 4, 9, 0, 0, 0, ZoneOffset.UTC),
                Rating.GOOD, "we had a conflict");
        Attempt latest = logged(data, "s3", "take-01", LATEST_TIME, Rating.NAILED, LATEST_ANSWER);
        Attempt first = logged(data, "s1", "take-01", FIRST_TIME, Rating.UNPREPARED, FIRST_ANSWER);
        Attempt friends = withProfile(logged(data, "s4", "take-01", LATEST_TIME.plusDays(1), Rating.GOOD, "hi"),
                "friend");
        Attempt otherQuestion = withQuestion(logged(data, "s5", "take-01", LATEST_TIME.plusDays(2), Rating.GOOD,
                "hi"), "other-question");
        // The newest row of all lost its files: it cannot be shown, so it is not the latest.
        Attempt gone = logged(data, "s6", "take-01", LATEST_TIME.plusDays(3), Rating.GOOD, "gone");
        Files.delete(data.resolve(gone.transcript().orElseThrow()));
        AttemptLog.writeAll(AttemptLog.in(data).file(), List.of(middle, latest, first, friends, otherQuestion, gone));

        List<Take> takes = TakeComparison.takes(data, "ME", "CONFLICT-1");

        assertThat(takes).extracting(Take::time).containsExactly(FIRST_TIME, middle.time(), LATEST_TIME);
        assertThat(takes).extracting(Take::rating).containsExactly(Optional.of(Rating.UNPREPARED),
                Optional.of(Rating.GOOD), Optional.of(Rating.NAILED));
        TakeComparison c = TakeComparison.open(takes, Optional.of(QUESTION), MetricSettings.defaults())
                .orElseThrow();
        assertThat(c.takes()).isEqualTo(3);
        assertThat(c.first().rating()).contains(Rating.UNPREPARED);
        assertThat(c.latest().rating()).contains(Rating.NAILED);
        assertThat(c.summary()).startsWith("The latest take is better on 6 measures");
    }

    @Test
    void aRowWithoutFilePathsIsFoundWhereTheNamingSchemePutsItsTake() throws IOException {
        Attempt first = logged(data, "s1", "take-01", FIRST_TIME, Rating.SHAKY, FIRST_ANSWER);
        Attempt latest = logged(data, "s2", "take-03", LATEST_TIME, Rating.GOOD, LATEST_ANSWER);
        Attempt unnamed = new Attempt(latest.time(), latest.session(), latest.take(), latest.questionId(), "test",
                Mode.SOLO, Attempt.DEFAULT_PROFILE, latest.selfRating(), Optional.empty(), Duration.ofSeconds(10),
                Optional.empty(), Optional.empty(), Map.of());
        AttemptLog.writeAll(AttemptLog.in(data).file(), List.of(first, unnamed));

        List<Take> takes = TakeComparison.takes(data, Attempt.DEFAULT_PROFILE, QUESTION.id());

        assertThat(takes).hasSize(2);
        assertThat(takes.get(1).files().transcript()).isEqualTo(data.toAbsolutePath().normalize()
                .resolve(latest.transcript().orElseThrow()));
    }

    @Test
    void aQuestionAnsweredOnceHasNothingToCompare() throws IOException {
        Attempt only = logged(data, "s1", "take-01", FIRST_TIME, Rating.SHAKY, FIRST_ANSWER);
        // The same take logged twice (say, rewritten by a late transcription) is still one take.
        AttemptLog.writeAll(AttemptLog.in(data).file(), List.of(only, only));

        assertThat(TakeComparison.takes(data, Attempt.DEFAULT_PROFILE, QUESTION.id())).hasSize(1);
        assertThat(TakeComparison.load(data, Attempt.DEFAULT_PROFILE, QUESTION.id(), Optional.of(QUESTION),
                MetricSettings.defaults())).isEmpty();
        assertThat(TakeComparison.load(data.resolve("nowhere"), Attempt.DEFAULT_PROFILE, QUESTION.id(),
                Optional.of(QUESTION), MetricSettings.defaults())).isEmpty();
    }

    @Test
    void theTakeJustRecordedCountsAsTheLatestBeforeItIsLogged() throws IOException {
        Attempt first = logged(data, "s1", "take-01", FIRST_TIME, Rating.SHAKY, FIRST_ANSWER);
        AttemptLog.in(data).append(first);
        TakeFiles files = TakeFiles.of(data, LATEST_TIME.toLocalDate(), "s2", "take-01");
        Files.createDirectories(files.dir());
        Files.writeString(files.transcript(), TranscriptFiles.json(transcript(1.0, LATEST_ANSWER)));
        Files.setLastModifiedTime(files.transcript(), FileTime.from(LATEST_TIME.toInstant()));
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        Take shown = Take.unlogged(files, Optional.of(Rating.GOOD), clock);
        List<Take> logged = TakeComparison.takes(data, Attempt.DEFAULT_PROFILE, QUESTION.id());

        List<Take> takes = TakeComparison.including(logged, shown);

        assertThat(shown.time()).isEqualTo(LATEST_TIME);
        assertThat(takes).extracting(Take::time).containsExactly(FIRST_TIME, LATEST_TIME);
        TakeComparison c = TakeComparison.open(takes, Optional.of(QUESTION), MetricSettings.defaults())
                .orElseThrow();
        assertThat(c.rows().get(0)).isEqualTo(new Row("Rating", "shaky", "good", Verdict.BETTER));

        // Once logged, the same take is not counted twice.
        Take loggedFirst = logged.get(0);
        assertThat(TakeComparison.including(logged, loggedFirst)).hasSize(1);
        // A take whose files are gone is not counted at all.
        Take nothing = new Take(TakeFiles.of(data, LATEST_TIME.toLocalDate(), "s9", "take-01"), LATEST_TIME,
                Optional.empty());
        assertThat(TakeComparison.including(logged, nothing)).hasSize(1);
    }

    @Test
    void aTakeWithoutTranscriptLeavesItsMeasuresUncompared() throws IOException {
        Attempt first = logged(data, "s1", "take-01", FIRST_TIME, null, FIRST_ANSWER);
        Attempt latest = logged(data, "s2", "take-01", LATEST_TIME, null, LATEST_ANSWER);
        Path firstTranscript = data.resolve(first.transcript().orElseThrow());
        // A recording without a transcript still makes it a take; its measures are unknown.
        Files.move(firstTranscript, firstTranscript.resolveSibling("take-01.mp4"));
        Attempt recordedOnly = new Attempt(first.time(), first.session(), first.take(), first.questionId(), "test",
                Mode.SOLO, first.profile(), Optional.empty(), Optional.empty(), Duration.ofSeconds(10),
                Optional.of(first.transcript().orElseThrow().replace(".transcript.json", ".mp4")), Optional.empty(),
                Map.of());
        // Unrated in the log, rated in the review file: the review file's rating is shown.
        ReviewFiles.write(new TakeFiles(data.resolve(latest.transcript().orElseThrow()).getParent(), "take-01")
                .review(), Optional.of(Rating.NAILED), SelfCheck.EMPTY);
        AttemptLog.writeAll(AttemptLog.in(data).file(), List.of(recordedOnly, latest));

        TakeComparison c = TakeComparison.load(data, Attempt.DEFAULT_PROFILE, QUESTION.id(), Optional.of(QUESTION),
                MetricSettings.defaults()).orElseThrow();

        assertThat(c.rows().get(0)).isEqualTo(new Row("Rating", "not rated", "nailed", Verdict.UNKNOWN));
        assertThat(c.rows()).filteredOn(r -> r.name().equals("Pace"))
                .containsExactly(new Row("Pace", "-", "121 words per minute", Verdict.UNKNOWN));
        assertThat(c.count(Verdict.BETTER) + c.count(Verdict.WORSE) + c.count(Verdict.SAME)).isZero();
        assertThat(c.summary())
                .isEqualTo("These takes cannot be compared: at least one of them has no transcript yet.");
        assertThat(c.first().result().notes()).contains("This take has no transcript yet.");
    }

    @Test
    void verdictsFollowTheUsualRangesAndIgnoreChangesTooSmallToShow() {
        // Pace: anywhere inside 120-160 is as good as can be; outside, nearer the range is better.
        assertThat(TakeComparison.nearer(d(125), d(155), 120, 160, 0)).isEqualTo(Verdict.SAME);
        assertThat(TakeComparison.nearer(d(100), d(170), 120, 160, 0)).isEqualTo(Verdict.BETTER);
        assertThat(TakeComparison.nearer(d(170), d(100), 120, 160, 0)).isEqualTo(Verdict.WORSE);
        assertThat(TakeComparison.nearer(d(190), d(119.6), 120, 160, 0)).isEqualTo(Verdict.BETTER);
        // Fewer is better, more is better; 1.23 and 1.18 both show as 1.2.
        assertThat(TakeComparison.lower(d(1.23), d(1.18), 1)).isEqualTo(Verdict.SAME);
        assertThat(TakeComparison.lower(d(3), d(2), 0)).isEqualTo(Verdict.BETTER);
        assertThat(TakeComparison.higher(d(3), d(2), 0)).isEqualTo(Verdict.WORSE);
        assertThat(TakeComparison.lower(OptionalDouble.empty(), d(2), 0)).isEqualTo(Verdict.UNKNOWN);
    }

    private static OptionalDouble d(double value) {
        return OptionalDouble.of(value);
    }

    private static Attempt withProfile(Attempt a, String profile) {
        return new Attempt(a.time(), a.session(), a.take(), a.questionId(), a.bank(), a.mode(), profile,
                a.selfRating(), a.interviewerRating(), a.duration(), a.recording(), a.transcript(), a.metrics());
    }

    private static Attempt withQuestion(Attempt a, String questionId) {
        return new Attempt(a.time(), a.session(), a.take(), questionId, a.bank(), a.mode(), a.profile(),
                a.selfRating(), a.interviewerRating(), a.duration(), a.recording(), a.transcript(), a.metrics());
    }
}
