package app.retake.history;

import java.util.Locale;
import java.util.Optional;

/** How a take came about. */
public enum Mode {
    /** Practising alone. */
    SOLO,
    /** A friend ran the interview. */
    FRIEND,
    /** Sprung at a random moment by ambush mode. */
    AMBUSH,
    /** Logged after a real interview. */
    DEBRIEF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.name().equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
