package app.retake.progress;

import static app.retake.progress.ProgressFixtures.NOW;
import static app.retake.progress.ProgressFixtures.daysAgo;
import static app.retake.progress.ProgressFixtures.rated;
import static app.retake.progress.ProgressFixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.bank.QuestionLibrary;
import app.retake.drill.Preparedness;
import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;

class ProgressReportTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @TempDir
    Path dir;

    QuestionLibrary library;

    @BeforeEach
    void banks() throws IOException {
        library = ProgressFixtures.library(dir,
                "q-a,behavioural,Tell me about a conflict.,example | outcome",
                "q-b,behavioural,Describe a failure.,what you learned",
                "q-c,technical,Explain a hash map.,",
                "f1,fresh,Fresh one?,", "f2,fresh,Fresh two?,",
                "r1,recovered,Recovered one?,",
                "s1,solid,Solid one?,");
    }

    private ProgressReport report(List<Attempt> attempts) {
        return ProgressReport.compute(attempts, library, Attempt.DEFAULT_PROFILE, NOW, UTC);
    }

    private static List<Attempt> oneTakeOnEachOf(int... daysAgo) {
        List<Attempt> list = new ArrayList<>();
        for (int d : daysAgo) {
            list.add(take("s" + d, "t" + d, "q-a", daysAgo(d), null, Map.of()));
        }
        return list;
    }

    @Test
    void streakCountsConsecutiveDaysEndingToday() {
        ProgressReport r = report(oneTakeOnEachOf(0, 1, 2, 4, 5));
        assertThat(r.streak()).isEqualTo(new ProgressReport.Streak(3, true));
    }

    @Test
    void streakStaysAliveUntilADayIsMissedCompletely() {
        assertThat(report(oneTakeOnEachOf(1, 2)).streak()).isEqualTo(new ProgressReport.Streak(2, false));
        assertThat(report(oneTakeOnEachOf(2, 3)).streak()).isEqualTo(new ProgressReport.Streak(0, false));
        assertThat(report(List.of()).streak()).isEqualTo(new ProgressReport.Streak(0, false));
    }

    @Test
    void streakLongerThanTheThirtyDayWindowCountsInFull() {
        int[] days = new int[45];
        for (int i = 0; i < days.length; i++) {
            days[i] = i;
        }
        ProgressReport r = report(oneTakeOnEachOf(days));
        assertThat(r.streak().days()).isEqualTo(45);
        assertThat(r.takesLast30Days()).isEqualTo(30);
    }

    @Test
    void debriefsAndOtherProfilesDoNotKeepAStreakAlive() {
        Attempt debrief = new Attempt(OffsetDateTime.ofInstant(daysAgo(0), UTC), "d", "d-1", "q-a", "test",
                Mode.DEBRIEF, "me", Optional.of(Rating.UNPREPARED), Optional.empty(), Duration.ZERO,
                Optional.empty(), Optional.empty(), Map.of());
        Attempt sam = new Attempt(OffsetDateTime.ofInstant(daysAgo(0), UTC), "x", "x-1", "q-a", "test",
                Mode.SOLO, "sam", Optional.empty(), Optional.empty(), Duration.ZERO,
                Optional.empty(), Optional.empty(), Map.of());
        List<Attempt> attempts = new ArrayList<>(oneTakeOnEachOf(1));
        attempts.add(debrief);
        attempts.add(sam);
        ProgressReport r = report(attempts);
        assertThat(r.streak()).isEqualTo(new ProgressReport.Streak(1, false));
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.takes()).isEqualTo(1);
    }

    @Test
    void daysAreCountedInTheUsersTimeZone() {
        // 23:30 UTC on the 9th is already the 10th in Berlin (UTC+1 in March).
        List<Attempt> late = List.of(take("s", "t", "q-a", Instant.parse("2026-03-09T23:30:00Z"), null, Map.of()));
        ProgressReport utc = report(late);
        ProgressReport berlin = ProgressReport.compute(late, library, "me", NOW, ZoneId.of("Europe/Berlin"));
        assertThat(utc.takesToday()).isZero();
        assertThat(utc.streak()).isEqualTo(new ProgressReport.Streak(1, false));
        assertThat(berlin.takesToday()).isEqualTo(1);
        assertThat(berlin.streak()).isEqualTo(new ProgressReport.Streak(1, true));
        assertThat(berlin.sessions().get(0).date()).isEqualTo(TODAY);
    }

    @Test
    void takesPerDayCoversThirtyDaysEndingTodayOldestFirst() {
        List<Attempt> attempts = new ArrayList<>(oneTakeOnEachOf(0, 0, 29, 30, 45));
        attempts.add(new Attempt(OffsetDateTime.ofInstant(daysAgo(0), UTC), "d", "d-1", "q-a", "test",
                Mode.DEBRIEF, "me", Optional.of(Rating.GOOD), Optional.empty(), Duration.ZERO,
                Optional.empty(), Optional.empty(), Map.of()));
        ProgressReport r = report(attempts);
        assertThat(r.takesPerDay()).hasSize(30);
        assertThat(r.takesPerDay().get(0)).isEqualTo(new ProgressReport.DayCount(TODAY.minusDays(29), 1));
        assertThat(r.takesPerDay().get(29)).isEqualTo(new ProgressReport.DayCount(TODAY, 2));
        assertThat(r.takesPerDay().subList(1, 29)).allSatisfy(d -> assertThat(d.takes()).isZero());
        assertThat(r.takesToday()).isEqualTo(2);
        assertThat(r.takesLast30Days()).isEqualTo(3);
    }

    @Test
    void unpreparedListIsWorstFirstAndDropsRecoveredQuestions() {
        List<Attempt> attempts = List.of(
                rated("q-a", daysAgo(1), Rating.UNPREPARED),
                rated("q-b", daysAgo(10), Rating.UNPREPARED),
                rated("q-c", daysAgo(5), Rating.UNPREPARED),
                rated("q-c", daysAgo(2), Rating.GOOD),
                rated("gone-from-banks", daysAgo(3), Rating.UNPREPARED));
        ProgressReport r = report(attempts);
        // One blank each, so the one left longest has faded most: oldest first.
        assertThat(r.unpreparedIds()).containsExactly("q-b", "gone-from-banks", "q-a");
        ProgressReport.Unprepared worst = r.unprepared().get(0);
        assertThat(worst.text()).isEqualTo("Describe a failure.");
        assertThat(worst.category()).isEqualTo("behavioural");
        assertThat(worst.talkingPoints()).containsExactly("what you learned");
        assertThat(worst.lastRating()).isEqualTo(Rating.UNPREPARED);
        assertThat(worst.lastRated()).isEqualTo(daysAgo(10));
        assertThat(worst.weakness()).isBetween(0.8, 1.0);
        ProgressReport.Unprepared gone = r.unprepared().get(1);
        assertThat(gone.inBank()).isFalse();
        assertThat(gone.text()).isEqualTo("gone-from-banks");
        assertThat(gone.category()).isEqualTo(ProgressReport.NO_BANK);
        assertThat(gone.lastRating()).isEqualTo(Rating.UNPREPARED);
        assertThat(gone.takes()).isEqualTo(1);
        assertThat(r.unprepared()).extracting(ProgressReport.Unprepared::weakness).isSortedAccordingTo(
                (a, b) -> Double.compare(b, a));
    }

    @Test
    void weakCategoriesRankByHowMuchTheirQuestionsNeedPracticeNow() {
        List<Attempt> attempts = List.of(
                // "recovered": three blanks long ago, then nailed: a bad all-time share, but fixed now.
                rated("r1", daysAgo(20), Rating.UNPREPARED),
                rated("r1", daysAgo(19), Rating.UNPREPARED),
                rated("r1", daysAgo(18), Rating.UNPREPARED),
                rated("r1", daysAgo(1), Rating.NAILED),
                // "fresh": mostly good, but one question blanked yesterday and still on the list.
                rated("f1", daysAgo(20), Rating.GOOD),
                rated("f1", daysAgo(15), Rating.GOOD),
                rated("f1", daysAgo(1), Rating.UNPREPARED),
                rated("f2", daysAgo(1), Rating.NAILED),
                rated("s1", daysAgo(2), Rating.NAILED),
                rated("not-in-a-bank", daysAgo(1), Rating.UNPREPARED));
        ProgressReport r = report(attempts);
        assertThat(r.weakCategories()).extracting(ProgressReport.CategoryWeakness::category)
                .containsExactlyInAnyOrder("fresh", "recovered", "solid");
        ProgressReport.CategoryWeakness fresh = r.weakCategories().get(0);
        assertThat(fresh.category()).isEqualTo("fresh");
        assertThat(fresh.questionsRated()).isEqualTo(2);
        assertThat(fresh.questionsUnprepared()).isEqualTo(1);
        assertThat(fresh.ratedTakes()).isEqualTo(4);
        assertThat(fresh.weakTakes()).isEqualTo(1);
        Preparedness memory = Preparedness.replay(attempts, "me");
        assertThat(fresh.meanWeakness()).isCloseTo(
                (memory.weakness("f1", NOW) + memory.weakness("f2", NOW)) / 2, within(1e-9));
        ProgressReport.CategoryWeakness recovered = r.weakCategories().stream()
                .filter(c -> c.category().equals("recovered")).findFirst().orElseThrow();
        assertThat(recovered.weakTakeShare()).isEqualTo(0.75);
        assertThat(recovered.weakTakeShare()).isGreaterThan(fresh.weakTakeShare());
        assertThat(recovered.meanWeakness()).isLessThan(fresh.meanWeakness());
        assertThat(recovered.questionsUnprepared()).isZero();
    }

    @Test
    void sessionSeriesAveragesOnlyTheTakesThatMeasuredEachFigure() {
        List<Attempt> attempts = List.of(
                take("s1", "t1", "q-a", daysAgo(2), Rating.GOOD,
                        Map.of("wpm", "120.0", "long_pauses", "2", "fillers_per_min", "1.50")),
                take("s1", "t2", "q-b", daysAgo(2).plusSeconds(300), Rating.SHAKY,
                        Map.of("wpm", "140.0", "long_pauses", "4")),
                take("s1", "t3", "q-c", daysAgo(2).plusSeconds(600), null, Map.of("wpm", "n/a")),
                take("s2", "t4", "q-a", daysAgo(1), null, Map.of()),
                // Logged after s1 but answered before it: the series is in time order, not file order.
                take("s0", "t0", "q-a", daysAgo(3), Rating.NAILED, Map.of("wpm", "100")));
        ProgressReport r = report(attempts);
        assertThat(r.sessions()).extracting(ProgressReport.SessionPoint::session).containsExactly("s0", "s1", "s2");
        ProgressReport.SessionPoint s1 = r.sessions().get(1);
        assertThat(s1.takes()).isEqualTo(3);
        assertThat(s1.date()).isEqualTo(TODAY.minusDays(2));
        assertThat(s1.wordsPerMinute().getAsDouble()).isEqualTo(130.0);
        assertThat(s1.longPauses().getAsDouble()).isEqualTo(3.0);
        assertThat(s1.fillersPerMinute().getAsDouble()).isEqualTo(1.5);
        assertThat(s1.goodShare().getAsDouble()).isEqualTo(0.5);
        ProgressReport.SessionPoint s2 = r.sessions().get(2);
        assertThat(s2.wordsPerMinute()).isEmpty();
        assertThat(s2.longPauses()).isEmpty();
        assertThat(s2.fillersPerMinute()).isEmpty();
        assertThat(s2.goodShare()).isEmpty();
        assertThat(r.sessions().get(0).goodShare().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void anEmptyLogReadsAsNothingYet() {
        ProgressReport r = report(List.of());
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.unprepared()).isEmpty();
        assertThat(r.weakCategories()).isEmpty();
        assertThat(r.sessions()).isEmpty();
        assertThat(r.takesPerDay()).hasSize(30).allSatisfy(d -> assertThat(d.takes()).isZero());
        assertThat(r.today()).isEqualTo(TODAY);
    }

    @Test
    void aReplayOfAnotherProfileIsRefused() {
        Preparedness sams = Preparedness.replay(List.of(), "sam");
        assertThatThrownBy(() -> ProgressReport.compute(List.of(), library, sams, "me", NOW, UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
