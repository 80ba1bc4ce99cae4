package app.retake.speech;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The few figures of a take that the attempt log keeps, so progress over sessions can be charted without opening
 * every transcript. Keys are stable: they are written to the log's metrics column.
 */
public final class MetricsSummary {

    public static final String WORDS = "words";
    public static final String WORDS_PER_MINUTE = "wpm";
    public static final String TIME_TO_FIRST_WORD = "first_word_s";
    public static final String LONG_PAUSES = "long_pauses";
    public static final String LONGEST_PAUSE = "longest_pause_s";
    public static final String FILLERS = "fillers";
    public static final String FILLERS_PER_MINUTE = "fillers_per_min";
    public static final String HEDGES = "hedges";
    /** The acoustic um/uh estimate, when it is shown at all. */
    public static final String UM_UH = "um_uh";
    public static final String POINTS_COVERED = "points_covered";
    public static final String POINTS = "points";
    public static final String TONE_CUES = "tone_cues";
    public static final String PITCH_VARIATION = "pitch_var_st";

    private MetricsSummary() {
    }

    public static Map<String, String> of(SpeechMetrics m, Optional<VoiceMetrics> voice) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(WORDS, Integer.toString(m.words()));
        put(map, WORDS_PER_MINUTE, m.wordsPerMinute(), "%.1f");
        put(map, TIME_TO_FIRST_WORD, m.timeToFirstWord(), "%.2f");
        map.put(LONG_PAUSES, Integer.toString(m.longPauses().size()));
        put(map, LONGEST_PAUSE, m.longestPause(), "%.2f");
        map.put(FILLERS, Integer.toString(m.fillers().total()));
        put(map, FILLERS_PER_MINUTE, m.fillersPerMinute(), "%.2f");
        map.put(HEDGES, Integer.toString(m.hedges().total()));
        m.filledPauses().ifPresent(n -> map.put(UM_UH, Integer.toString(n)));
        if (!m.coverage().isEmpty()) {
            map.put(POINTS_COVERED, Long.toString(m.coverage().stream().filter(PointCoverage::covered).count()));
            map.put(POINTS, Integer.toString(m.coverage().size()));
        }
        map.put(TONE_CUES, Integer.toString(m.toneCues().total()));
        voice.ifPresent(v -> map.put(PITCH_VARIATION, String.format(Locale.ROOT, "%.2f", v.pitchVariationSemitones())));
        return map;
    }

    /** A number from a logged metrics map; empty when it was not measured or the text is not a number. */
    public static OptionalDouble number(Map<String, String> metrics, String key) {
        String value = metrics.get(key);
        if (value == null || value.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static void put(Map<String, String> map, String key, OptionalDouble value, String format) {
        if (value.isPresent()) {
            map.put(key, String.format(Locale.ROOT, format, value.getAsDouble()));
        }
    }
}
