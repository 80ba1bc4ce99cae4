package app.retake.drill;

import static app.retake.drill.DrillFixtures.NOW;
import static app.retake.drill.DrillFixtures.daysAgo;
import static app.retake.drill.DrillFixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.retake.history.Attempt;
import app.retake.history.Rating;

class PreparednessTest {

    @Test
    void weaknessOrdersUnpreparedAboveUnseenAboveWellAnswered() {
        Preparedness p = Preparedness.replay(List.of(
                rated("fumbled", daysAgo(0.01), Rating.UNPREPARED),
                rated("nailed", daysAgo(1), Rating.NAILED),
                rated("good-long-ago", daysAgo(60), Rating.GOOD)), "me");
        double fumbled = p.weakness("fumbled", NOW);
        double unseen = p.weakness("never", NOW);
        double nailed = p.weakness("nailed", NOW);
        double faded = p.weakness("good-long-ago", NOW);
        assertThat(fumbled).isGreaterThanOrEqualTo(Preparedness.FLAG_FLOOR);
        assertThat(unseen).isEqualTo(Preparedness.UNSEEN_WEAKNESS);
        assertThat(nailed).isLessThan(0.05);
        assertThat(faded).isGreaterThan(nailed).isLessThan(fumbled);
        assertThat(p.isUnprepared("FUMBLED")).isTrue();
        assertThat(p.isNew("never")).isTrue();
    }

    @Test
    void theUnpreparedFlagClearsOnlyWithAGoodOrNailedAnswer() {
        Preparedness shaky = Preparedness.replay(List.of(
                rated("q", daysAgo(3), Rating.UNPREPARED), rated("q", daysAgo(2), Rating.SHAKY)), "me");
        assertThat(shaky.isUnprepared("q")).isTrue();
        Preparedness good = Preparedness.replay(List.of(
                rated("q", daysAgo(3), Rating.UNPREPARED), rated("q", daysAgo(2), Rating.GOOD)), "me");
        assertThat(good.isUnprepared("q")).isFalse();
        // Recovered, but it was a weak spot: it keeps a decaying boost over a question never fumbled.
        Preparedness never = Preparedness.replay(List.of(
                rated("q", daysAgo(3), Rating.GOOD), rated("q", daysAgo(2), Rating.GOOD)), "me");
        assertThat(good.weakness("q", NOW)).isGreaterThan(never.weakness("q", NOW));
    }

    @Test
    void replayDoesNotDependOnTheOrderRowsWereWritten() {
        List<Attempt> attempts = new ArrayList<>(List.of(
                rated("q", daysAgo(10), Rating.GOOD), rated("q", daysAgo(6), Rating.SHAKY),
                rated("q", daysAgo(3), Rating.UNPREPARED), rated("q", daysAgo(1), Rating.NAILED)));
        double inOrder = Preparedness.replay(attempts, "me").weakness("q", NOW);
        Collections.reverse(attempts);
        assertThat(Preparedness.replay(attempts, "me").weakness("q", NOW)).isCloseTo(inOrder, within(1e-12));
    }

    @Test
    void profilesKeepSeparateHistories() {
        Preparedness alex = Preparedness.replay(List.of(rated("q", daysAgo(1), Rating.UNPREPARED, "alex"),
                rated("q", daysAgo(1), Rating.NAILED, "sam")), "alex");
        assertThat(alex.isUnprepared("q")).isTrue();
        assertThat(alex.memory("q").orElseThrow().takes()).isEqualTo(1);
    }

    @Test
    void addingOneAttemptEqualsReplayingEverything() {
        List<Attempt> attempts = List.of(rated("q", daysAgo(5), Rating.SHAKY), rated("r", daysAgo(4), Rating.GOOD));
        Attempt next = rated("q", daysAgo(1), Rating.GOOD);
        Preparedness incremental = Preparedness.replay(attempts, "me").with(next);
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(next);
        Preparedness full = Preparedness.replay(all, "me");
        assertThat(incremental.memories()).isEqualTo(full.memories());
    }

    @Test
    void unratedTakesDoNotCountAsReviews() {
        Attempt unrated = new Attempt(java.time.OffsetDateTime.now(), "s", "t", "q", "b",
                app.retake.history.Mode.SOLO, "me", java.util.Optional.empty(), java.util.Optional.empty(),
                java.time.Duration.ZERO, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Map.of());
        assertThat(Preparedness.replay(List.of(unrated), "me").isNew("q")).isTrue();
    }

    @Test
    void trendFollowsTheLastTwoRatings() {
        Preparedness p = Preparedness.replay(List.of(rated("up", daysAgo(3), Rating.SHAKY),
                rated("up", daysAgo(1), Rating.GOOD), rated("down", daysAgo(3), Rating.GOOD),
                rated("down", daysAgo(1), Rating.UNPREPARED), rated("once", daysAgo(1), Rating.GOOD)), "me");
        assertThat(p.memory("up").orElseThrow().trend()).isEqualTo(QuestionMemory.Trend.IMPROVING);
        assertThat(p.memory("down").orElseThrow().trend()).isEqualTo(QuestionMemory.Trend.SLIPPING);
        assertThat(p.memory("once").orElseThrow().trend()).isEqualTo(QuestionMemory.Trend.NEW);
    }
}
