package app.retake.review;

import java.util.List;
import java.util.Objects;

/**
 * A moment the interviewer marked while the candidate talked, such as "rambling" at 42.5 s.
 *
 * @param at   seconds from the start of the take
 * @param kind what was noticed, in a few words
 */
public record Flag(double at, String kind) {

    /** Longest flag text accepted; flags are labels, and a remote may send anything. */
    public static final int MAX_KIND = 40;

    /** The one-key flags the interviewer's console offers, in key order (1-6). */
    public static final List<String> STANDARD = List.of("no example", "rambling", "great result", "fidgeting",
            "bitter tone", "lost eye contact");

    public Flag {
        Objects.requireNonNull(kind, "kind");
        kind = kind.strip().replaceAll("\\s+", " ");
        if (kind.isEmpty() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("a flag is 1 to " + MAX_KIND + " characters, not \"" + kind + "\"");
        }
        if (!Double.isFinite(at) || at < 0) {
            throw new IllegalArgumentException("a flag's time must be zero or more seconds into the take");
        }
    }
}
