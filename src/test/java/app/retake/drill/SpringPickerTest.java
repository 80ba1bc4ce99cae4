package app.retake.drill;

import static app.retake.drill.DrillFixtures.NOW;
import static app.retake.drill.DrillFixtures.daysAgo;
import static app.retake.drill.DrillFixtures.question;
import static app.retake.drill.DrillFixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import app.retake.bank.Question;
import app.retake.history.Rating;

class SpringPickerTest {

    /** Picks from candidates whose weakness was worked out beforehand. */
    private static java.util.Optional<SpringPicker.Candidate> pick(SpringPicker picker,
                                                                   List<SpringPicker.Candidate> pool,
                                                                   List<String> recent) {
        Map<Question, Double> weakness = new java.util.IdentityHashMap<>();
        pool.forEach(c -> weakness.put(c.question(), c.weakness()));
        return picker.pick(pool.stream().map(SpringPicker.Candidate::question).toList(), weakness::get, recent);
    }

    private static List<Question> bank(int n) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            questions.add(question("q" + i, i % 2 == 0 ? "behavioural" : "curveball", i % 3 == 0 ? "star" : "fun"));
        }
        return questions;
    }

    @Test
    void anUnpreparedQuestionIsSprungMuchMoreOftenThanANailedOne() {
        List<Question> questions = bank(20);
        Preparedness memory = Preparedness.replay(List.of(
                rated("q0", daysAgo(1), Rating.UNPREPARED), rated("q1", daysAgo(1), Rating.NAILED)), "me");
        List<SpringPicker.Candidate> pool = WeakSpots.candidates(questions, memory, SpringFilter.ANY, NOW);
        SpringPicker picker = new SpringPicker(new SplittableRandom(7));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(pick(picker, pool, List.of()).orElseThrow().question().id(), 1, Integer::sum);
        }
        int unprepared = counts.getOrDefault("q0", 0);
        int nailed = counts.getOrDefault("q1", 0);
        double unseenAverage = counts.entrySet().stream().filter(e -> !Set.of("q0", "q1").contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).average().orElseThrow();
        assertThat(unprepared).isGreaterThan(20 * Math.max(1, nailed));
        assertThat((double) unprepared).isGreaterThan(1.5 * unseenAverage);
        assertThat(unseenAverage).isGreaterThan(5.0 * nailed);
    }

    @Test
    void neverTheSameQuestionTwiceInARowNorOneOfTheLastFew() {
        for (int size : new int[]{2, 3, 7, 15, 40, 177}) {
            List<SpringPicker.Candidate> pool = WeakSpots.candidates(bank(size),
                    Preparedness.replay(List.of(), "me"), SpringFilter.ANY, NOW);
            SpringPicker picker = new SpringPicker(new SplittableRandom(size));
            List<String> recent = new ArrayList<>();
            int held = SpringPicker.heldBack(size);
            for (int i = 0; i < 2_000; i++) {
                String id = pick(picker, pool, recent).orElseThrow().question().id();
                List<String> window = recent.subList(Math.max(0, recent.size() - held), recent.size());
                assertThat(window).as("pool of %d, pick %d", size, i).doesNotContain(id);
                recent.add(id);
            }
        }
        assertThat(SpringPicker.heldBack(177)).isEqualTo(SpringPicker.MAX_HELD_BACK);
        assertThat(SpringPicker.heldBack(1)).isZero();
    }

    @Test
    void aPoolOfOneKeepsSpringingItsOnlyQuestion() {
        List<SpringPicker.Candidate> pool = WeakSpots.candidates(bank(1), Preparedness.replay(List.of(), "me"),
                SpringFilter.ANY, NOW);
        SpringPicker picker = new SpringPicker(new SplittableRandom(1));
        assertThat(pick(picker, pool, List.of("q0", "q0")).orElseThrow().question().id()).isEqualTo("q0");
        assertThat(pick(picker, List.of(), List.of())).isEmpty();
    }

    @Test
    void theSameSeedSpringsTheSameSequence() {
        List<SpringPicker.Candidate> pool = WeakSpots.candidates(bank(50), Preparedness.replay(List.of(), "me"),
                SpringFilter.ANY, NOW);
        assertThat(sequence(pool, 99)).isEqualTo(sequence(pool, 99)).isNotEqualTo(sequence(pool, 100));
    }

    private static List<String> sequence(List<SpringPicker.Candidate> pool, long seed) {
        SpringPicker picker = new SpringPicker(new SplittableRandom(seed));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(pick(picker, pool, ids).orElseThrow().question().id());
        }
        return ids;
    }

    @Test
    void filtersNarrowThePool() {
        List<Question> questions = new ArrayList<>(bank(12));
        questions.add(new Question("mine", "opener", "Mine?", List.of(), List.of(), List.of(),
                app.retake.bank.Difficulty.EASY, "", Map.of(), "my-questions", 0));
        Preparedness memory = Preparedness.replay(List.of(rated("q2", daysAgo(2), Rating.UNPREPARED),
                rated("q4", daysAgo(2), Rating.GOOD)), "me");
        assertThat(ids(questions, memory, new SpringFilter(Set.of("My-Questions"), Set.of(), Set.of(), false, false)))
                .containsExactly("mine");
        assertThat(ids(questions, memory, new SpringFilter(Set.of(), Set.of("CURVEBALL"), Set.of(), false, false)))
                .containsExactly("q1", "q3", "q5", "q7", "q9", "q11");
        assertThat(ids(questions, memory, new SpringFilter(Set.of(), Set.of(), Set.of("star"), false, false)))
                .containsExactly("q0", "q3", "q6", "q9");
        assertThat(ids(questions, memory, SpringFilter.ANY.unprepared())).containsExactly("q2");
        assertThat(ids(questions, memory, new SpringFilter(Set.of(), Set.of("behavioural"), Set.of(), false, true)))
                .containsExactly("q0", "q6", "q8", "q10");
    }

    private static List<String> ids(List<Question> questions, Preparedness memory, SpringFilter filter) {
        return WeakSpots.candidates(questions, memory, filter, NOW).stream().map(c -> c.question().id()).toList();
    }
}
