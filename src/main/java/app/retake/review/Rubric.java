package app.retake.review;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The interviewer's scores for an answer, 1 (poor) to 5 (excellent) on each criterion; unscored ones are absent. */
public record Rubric(Map<Rubric.Criterion, Integer> scores) {

    public static final int MIN = 1;
    public static final int MAX = 5;
    public static final Rubric EMPTY = new Rubric(Map.of());

    public enum Criterion {
        STRUCTURE("Structure", "A clear beginning, middle and end; STAR for stories"),
        CONTENT("Content", "Relevant, specific, with real examples and results"),
        DELIVERY("Delivery", "Pace, clarity, few fillers, confident voice"),
        BODY_LANGUAGE("Body language", "Eye contact, posture, no fidgeting"),
        TONE("Tone", "Friendly and positive; never bitter about past employers");

        private final String label;
        private final String hint;

        Criterion(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        public String label() {
            return label;
        }

        public String hint() {
            return hint;
        }

        /** The name used in files: {@code body_language}. */
        public String key() {
            return FileKeys.of(this);
        }

        public static Optional<Criterion> parse(String key) {
            return FileKeys.parse(Criterion.class, key);
        }
    }

    public Rubric {
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        scores.forEach((criterion, score) -> {
            if (score == null || score < MIN || score > MAX) {
                throw new IllegalArgumentException(criterion.label() + " is scored " + MIN + " to " + MAX
                        + ", not " + score);
            }
            copy.put(criterion, score);
        });
        scores = copy.isEmpty() ? Map.of() : Map.copyOf(copy);
    }

    public Rubric with(Criterion criterion, int score) {
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        copy.putAll(scores);
        copy.put(criterion, score);
        return new Rubric(copy);
    }

    /** The mean of the scores given, if any. */
    public Optional<Double> mean() {
        return scores.isEmpty() ? Optional.empty()
                : Optional.of(scores.values().stream().mapToInt(Integer::intValue).average().orElse(0));
    }
}
