package app.retake.bank;

import java.util.Locale;
import java.util.Optional;

/** How hard a question is to answer well; an empty cell in a bank means {@link #MEDIUM}. */
public enum Difficulty {
    EASY, MEDIUM, HARD;

    /** The word used in bank files and on screen. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a bank cell; blank means medium, anything unknown is empty. */
    public static Optional<Difficulty> parse(String cell) {
        String value = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Optional.of(MEDIUM);
        }
        for (Difficulty d : values()) {
            if (d.label().equals(value)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
