package app.retake.drill;

/** What a practice session consists of. */
public sealed interface SessionPlan {

    /** Category the core bank uses for openers such as "tell me about yourself". */
    String OPENER_CATEGORY = "opener";
    /** Category of the moments when the candidate asks the questions. */
    String CLOSING_CATEGORY = "candidate-questions";

    /** Human-readable name. */
    String title();

    /** {@code count} weak-spot questions passing {@code filter}. */
    record QuickDrill(int count, SpringFilter filter) implements SessionPlan {
        public QuickDrill {
            if (count < 1) {
                throw new IllegalArgumentException("a drill needs at least one question");
            }
        }

        @Override
        public String title() {
            return "Quick drill (" + count + " questions)";
        }
    }

    /**
     * A whole mock interview: an opener, a mix of categories weighted to weak spots (at most
     * {@code perCategory} from any one), and the candidate's questions to close.
     */
    record FullMock(int length, int perCategory) implements SessionPlan {
        public FullMock {
            if (length < 3) {
                throw new IllegalArgumentException("a mock interview needs at least three questions");
            }
        }

        public static FullMock standard() {
            return new FullMock(8, 2);
        }

        @Override
        public String title() {
            return "Full mock interview (" + length + " questions)";
        }
    }

    /** Every question currently flagged unprepared, each once. */
    record TheList() implements SessionPlan {
        @Override
        public String title() {
            return "The list: questions you were unprepared for";
        }
    }
}
