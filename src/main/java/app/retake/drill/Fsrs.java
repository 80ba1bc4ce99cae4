package app.retake.drill;

/**
 * The FSRS-5 memory model (Free Spaced Repetition Scheduler, J. Ye et al., open-spaced-repetition project):
 * a memory has a difficulty D in [1, 10] and a stability S in days, the time for recall probability to fall
 * to 90%. Each review with a grade G (1 Again, 2 Hard, 3 Good, 4 Easy) updates both.
 *
 * <p>The 19 weights are FSRS-5's published defaults, as shipped by the reference implementations (fsrs-rs,
 * py-fsrs 4, ts-fsrs 4): they were fitted on hundreds of millions of flashcard reviews. Interview answers are
 * not flashcards, so these are a starting point, not a fit to this domain.
 */
public final class Fsrs {

    /** FSRS-5 default weights w0…w18. */
    static final double[] W = {
        0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575,
        0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621
    };
    /** Exponent of the power forgetting curve. */
    static final double DECAY = -0.5;
    /** Chosen so that recall is exactly 90% when the elapsed time equals the stability. */
    static final double FACTOR = 19.0 / 81.0;
    static final double MIN_STABILITY = 0.01;

    private Fsrs() {
    }

    /** A memory's state after at least one review. */
    public record State(double difficulty, double stability) {
    }

    /** Probability of recall after {@code elapsedDays} with stability {@code stability}: (1 + F·t/S)^DECAY. */
    public static double retrievability(double elapsedDays, double stability) {
        // DECAY is -0.5, so the power is one over a square root, several times cheaper than Math.pow.
        return 1 / Math.sqrt(1 + FACTOR * Math.max(0, elapsedDays) / stability);
    }

    /** The state after a first review with grade {@code g}. */
    public static State first(int g) {
        return new State(initialDifficulty(g), Math.max(MIN_STABILITY, W[g - 1]));
    }

    /** The state after reviewing {@code state} with grade {@code g}, {@code elapsedDays} after the last review. */
    public static State review(State state, double elapsedDays, int g) {
        double d = state.difficulty();
        double s = state.stability();
        double nextS;
        if (elapsedDays < 1) {
            // Same-day review: FSRS-5's short-term stability update.
            nextS = s * Math.exp(W[17] * (g - 3 + W[18]));
        } else {
            double r = retrievability(elapsedDays, s);
            nextS = g == 1 ? Math.min(s, forgetStability(d, s, r)) : recallStability(d, s, r, g);
        }
        return new State(nextDifficulty(d, g), Math.max(MIN_STABILITY, nextS));
    }

    static double initialDifficulty(int g) {
        return clampDifficulty(W[4] - Math.exp(W[5] * (g - 1)) + 1);
    }

    static double nextDifficulty(double d, int g) {
        double delta = -W[6] * (g - 3);
        double damped = d + delta * (10 - d) / 9;
        // Mean reversion towards the difficulty of an "Easy" first answer keeps D from sticking at the top.
        return clampDifficulty(W[7] * initialDifficulty(4) + (1 - W[7]) * damped);
    }

    static double recallStability(double d, double s, double r, int g) {
        double hardPenalty = g == 2 ? W[15] : 1;
        double easyBonus = g == 4 ? W[16] : 1;
        return s * (Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) * (Math.exp(W[10] * (1 - r)) - 1)
                * hardPenalty * easyBonus + 1);
    }

    static double forgetStability(double d, double s, double r) {
        return W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp(W[14] * (1 - r));
    }

    private static double clampDifficulty(double d) {
        return Math.min(10, Math.max(1, d));
    }
}
