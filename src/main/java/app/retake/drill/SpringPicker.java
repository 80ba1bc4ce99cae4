package app.retake.drill;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

import app.retake.bank.Question;

/**
 * Picks the next question to spring: at random, with probability rising steeply with weakness, never the same
 * question twice in a row and not one of the last few unless the pool is too small to avoid it.
 */
public final class SpringPicker {

    /**
     * At most this many recent questions are held back: a whole ten-question session, so a question answered
     * minutes ago is not sprung again until later. An answer rehearsed minutes earlier tests short-term memory,
     * not preparedness; in the simulation (see {@link Simulation}) holding back 10 instead of 5 cut the takes
     * needed by about 12%. Retaking a question at once stays possible as an explicit choice.
     */
    static final int MAX_HELD_BACK = 10;
    /** Keeps every question possible, however well it is known. */
    static final double FLOOR = 0.001;

    private final RandomGenerator random;

    /** @param random the source of chance; seed it for repeatable picks */
    public SpringPicker(RandomGenerator random) {
        this.random = random;
    }

    /** A question with its weakness at the moment of picking. */
    public record Candidate(Question question, double weakness) {
    }

    /** The pick weight: weakness squared, so a question twice as weak is four times as likely. */
    static double weight(double weakness) {
        return FLOOR + weakness * weakness;
    }

    /** How many of the most recent questions are held back from a pool of {@code poolSize}. */
    static int heldBack(int poolSize) {
        if (poolSize < 2) {
            return 0;
        }
        return Math.max(1, Math.min(MAX_HELD_BACK, poolSize / 3));
    }

    /**
     * Picks from {@code pool}, weighing each question by its weakness in a single pass.
     *
     * @param weakness each question's weakness at the moment of picking
     * @param recent   ids sprung so far, most recent last
     */
    public Optional<Candidate> pick(List<Question> pool, ToDoubleFunction<Question> weakness, List<String> recent) {
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Set<String> held = new HashSet<>();
        int hold = heldBack(pool.size());
        for (int i = recent.size() - 1; i >= 0 && held.size() < hold; i--) {
            held.add(Preparedness.key(recent.get(i)));
        }
        double total = 0;
        double[] cumulative = new double[pool.size()];
        double[] weaknesses = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            Question q = pool.get(i);
            if (held.isEmpty() || !held.contains(Preparedness.key(q.id()))) {
                weaknesses[i] = weakness.applyAsDouble(q);
                total += weight(weaknesses[i]);
            }
            cumulative[i] = total;
        }
        if (total == 0) {
            // Everything is held back (possible only when recent ids are all in a tiny pool): allow all but the last.
            return pick(pool, weakness, recent.isEmpty() ? List.of() : List.of(recent.get(recent.size() - 1)));
        }
        double target = random.nextDouble() * total;
        int lo = 0;
        int hi = pool.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Optional.of(new Candidate(pool.get(lo), weaknesses[lo]));
    }
}
