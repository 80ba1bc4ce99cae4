package app.retake.drill;

import static app.retake.drill.DrillFixtures.NOW;
import static app.retake.drill.DrillFixtures.daysAgo;
import static app.retake.drill.DrillFixtures.question;
import static app.retake.drill.DrillFixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import app.retake.bank.Question;
import app.retake.history.Attempt;
import app.retake.history.Debrief;
import app.retake.history.Mode;
import app.retake.history.Rating;

class DrillSessionTest {

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static List<Question> mixedBank() {
        List<Question> questions = new ArrayList<>();
        for (String category : List.of("opener", "motivation", "behavioural", "curveball", "candidate-questions")) {
            for (int i = 0; i < 6; i++) {
                questions.add(question(category + "-" + i, category));
            }
        }
        return questions;
    }

    private List<String> run(DrillSession session) {
        List<String> ids = new ArrayList<>();
        for (var next = session.next(); next.isPresent(); next = session.next()) {
            ids.add(next.get().question().id());
        }
        return ids;
    }

    @Test
    void aQuickDrillSpringsItsCountThenStops() {
        Preparedness memory = Preparedness.replay(List.of(), "me");
        DrillSession session = new DrillSession(new SessionPlan.QuickDrill(7, SpringFilter.ANY), mixedBank(),
                () -> memory, new SpringPicker(new SplittableRandom(3)), clock);
        assertThat(run(session)).hasSize(7).doesNotHaveDuplicates();
        assertThat(session.next()).isEmpty();
    }

    @Test
    void aFullMockOpensWithAnOpenerMixesCategoriesAndClosesWithTheCandidatesQuestions() {
        for (long seed = 0; seed < 50; seed++) {
            Preparedness memory = Preparedness.replay(List.of(), "me");
            List<String> ids = run(new DrillSession(SessionPlan.FullMock.standard(), mixedBank(), () -> memory,
                    new SpringPicker(new SplittableRandom(seed)), clock));
            assertThat(ids).hasSize(8).doesNotHaveDuplicates();
            assertThat(ids.get(0)).startsWith("opener-");
            assertThat(ids.get(7)).startsWith("candidate-questions-");
            Map<String, Integer> perCategory = new HashMap<>();
            ids.subList(1, 7).forEach(id -> perCategory.merge(id.substring(0, id.lastIndexOf('-')), 1, Integer::sum));
            assertThat(perCategory.keySet()).doesNotContain("opener", "candidate-questions");
            assertThat(perCategory.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        }
    }

    @Test
    void theListSpringsEachUnpreparedQuestionOnceAndNothingElse() {
        Preparedness memory = Preparedness.replay(List.of(
                rated("curveball-1", daysAgo(2), Rating.UNPREPARED), rated("motivation-4", daysAgo(5), Rating.UNPREPARED),
                rated("opener-0", daysAgo(1), Rating.SHAKY), rated("opener-2", daysAgo(1), Rating.UNPREPARED),
                rated("opener-2", daysAgo(0.5), Rating.GOOD)), "me");
        DrillSession session = new DrillSession(new SessionPlan.TheList(), mixedBank(), () -> memory,
                new SpringPicker(new SplittableRandom(1)), clock);
        assertThat(session.planned()).isEqualTo(2);
        assertThat(run(session)).containsExactlyInAnyOrder("curveball-1", "motivation-4");
    }

    @Test
    void aRatingDuringTheSessionSteersTheNextPick() {
        List<Question> two = List.of(question("a", "x"), question("b", "x"), question("c", "x"));
        Preparedness[] memory = {Preparedness.replay(List.of(rated("a", daysAgo(0.2), Rating.NAILED),
                rated("b", daysAgo(0.2), Rating.NAILED), rated("c", daysAgo(0.2), Rating.NAILED)), "me")};
        DrillSession session = new DrillSession(new SessionPlan.QuickDrill(2, SpringFilter.ANY), two,
                () -> memory[0], new SpringPicker(new SplittableRandom(5)), clock);
        String first = session.next().orElseThrow().question().id();
        String other = first.equals("a") ? "b" : "a";
        memory[0] = memory[0].with(rated(other, NOW, Rating.UNPREPARED));
        assertThat(session.next().orElseThrow().weakness()).isGreaterThanOrEqualTo(Preparedness.FLAG_FLOOR);
    }

    @Test
    void aDebriefsUnpreparedQuestionsBecomeTheTopWeakSpots() {
        List<Question> bank = mixedBank();
        List<Attempt> history = new ArrayList<>();
        // A month of ordinary practice: some shaky, one unprepared a while ago, most good.
        for (int i = 0; i < bank.size(); i += 2) {
            Rating r = i % 6 == 0 ? Rating.SHAKY : Rating.GOOD;
            history.add(rated(bank.get(i).id(), daysAgo(30 - i / 2.0), r));
        }
        history.add(rated("curveball-3", daysAgo(6), Rating.UNPREPARED));
        Debrief debrief = new Debrief(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), LocalDate.of(2026, 11, 22), "me",
                "Acme", "Office manager", List.of("opener-0", "motivation-2", "behavioural-5"),
                Set.of("motivation-2", "behavioural-5"), "");
        for (String id : debrief.asked()) {
            history.add(new Attempt(OffsetDateTime.ofInstant(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC), "d", "d",
                    id, "core", Mode.DEBRIEF, "me", java.util.Optional.of(debrief.ratingFor(id)),
                    java.util.Optional.empty(), Duration.ZERO, java.util.Optional.empty(), java.util.Optional.empty(),
                    Map.of()));
        }
        Preparedness memory = Preparedness.replay(history, "me");
        List<String> worst = WeakSpots.worstFirst(bank, memory, SpringFilter.ANY, NOW).stream()
                .map(c -> c.question().id()).toList();
        assertThat(worst.subList(0, 3)).containsExactlyInAnyOrder("motivation-2", "behavioural-5", "curveball-3");
        assertThat(memory.isUnprepared("opener-0")).isFalse();
    }
}
