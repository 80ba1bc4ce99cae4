package app.retake.history;

import java.util.Locale;
import java.util.Optional;

/**
 * How an answer went, in four levels a person can tell apart at once. Each maps onto FSRS's four grades
 * (Again, Hard, Good, Easy), so a rating is a spaced-repetition review.
 */
public enum Rating {
    /** Blanked or rambled. */
    UNPREPARED(1, "blanked or rambled"),
    /** Got through it, but it was shaky. */
    SHAKY(2, "got through, but shaky"),
    /** A good answer. */
    GOOD(3, "a good answer"),
    /** Nailed it. */
    NAILED(4, "nailed it");

    private final int grade;
    private final String meaning;

    Rating(int grade, String meaning) {
        this.grade = grade;
        this.meaning = meaning;
    }

    /** The FSRS grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
    public int grade() {
        return grade;
    }

    /** What the level means, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** The word used in files and on screen. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two ratings. */
    public static Rating worse(Rating a, Rating b) {
        return a.grade <= b.grade ? a : b;
    }

    /** Parses a label, ignoring case; blank or unknown is empty. */
    public static Optional<Rating> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (Rating r : values()) {
            if (r.name().equals(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
