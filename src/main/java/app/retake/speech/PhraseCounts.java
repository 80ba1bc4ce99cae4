package app.retake.speech;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each listed phrase was heard, and where.
 *
 * @param counts      every listed phrase, in list order, with its count (zero when not heard)
 * @param occurrences every hit in transcript order
 */
public record PhraseCounts(Map<String, Integer> counts, List<Occurrence> occurrences) {

    public PhraseCounts {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        occurrences = List.copyOf(occurrences);
    }

    /** Hits of all phrases together. */
    public int total() {
        return occurrences.size();
    }

    /** Hits of one listed phrase, zero when it is not listed. */
    public int count(String phrase) {
        return counts.getOrDefault(phrase, 0);
    }
}
