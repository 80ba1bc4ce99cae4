package app.retake.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import app.retake.bank.Question;

/** The questions that pass a filter, each with its weakness at a given moment. */
public final class WeakSpots {

    private WeakSpots() {
    }

    /** Candidates from {@code questions} passing {@code filter}, in the order given. */
    public static List<SpringPicker.Candidate> candidates(Collection<Question> questions, Preparedness memory,
                                                           SpringFilter filter, Instant at) {
        List<SpringPicker.Candidate> pool = new ArrayList<>();
        for (Question q : questions) {
            if (filter.test(q, memory)) {
                pool.add(new SpringPicker.Candidate(q, memory.weakness(q.id(), at)));
            }
        }
        return pool;
    }

    /** The questions passing {@code filter}, in the order given, without weighing them. */
    public static List<Question> passing(Collection<Question> questions, Preparedness memory, SpringFilter filter) {
        List<Question> pool = new ArrayList<>(questions.size());
        for (Question q : questions) {
            if (filter.test(q, memory)) {
                pool.add(q);
            }
        }
        return pool;
    }

    /** Candidates sorted weakest first (ties by id, so the order is stable). */
    public static List<SpringPicker.Candidate> worstFirst(Collection<Question> questions, Preparedness memory,
                                                           SpringFilter filter, Instant at) {
        List<SpringPicker.Candidate> pool = candidates(questions, memory, filter, at);
        pool.sort(Comparator.comparingDouble(SpringPicker.Candidate::weakness).reversed()
                .thenComparing(c -> c.question().id()));
        return pool;
    }
}
