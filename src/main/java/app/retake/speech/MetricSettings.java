package app.retake.speech;

import java.util.List;

/**
 * The editable word lists behind the speech metrics.
 *
 * <p>Phrases are matched word by word, ignoring case and punctuation. A word ending in {@code *} matches any word
 * starting with what comes before it, so {@code micromanag*} matches "micromanaged" and "micromanaging".
 *
 * @param fillers       filler phrases; the defaults carry context rules (see {@link FillerRules}), any other phrase
 *                      counts wherever it is heard
 * @param hedges        phrases that soften a claim; they count wherever heard
 * @param toneCues      bitter or negative phrasing about an employer; they count wherever heard
 * @param synonymGroups words treated as the same when checking talking points; each group may hold several-word
 *                      entries such as "due date"
 */
public record MetricSettings(List<String> fillers, List<String> hedges, List<String> toneCues,
                             List<List<String>> synonymGroups) {

    public static final List<String> DEFAULT_FILLERS = List.of(
            "like", "you know", "I mean", "basically", "actually", "literally", "kind of", "sort of", "so yeah",
            "right");

    public static final List<String> DEFAULT_HEDGES = List.of(
            "I think", "maybe", "I guess", "probably", "perhaps", "I suppose");

    public static final List<String> DEFAULT_TONE_CUES = List.of(
            "hate", "my boss never", "unfair", "toxic", "useless", "incompetent", "they never", "terrible", "stupid",
            "fed up", "micromanag*");

    // The single place to extend talking-point matching; entries are stemmed before use.
    public static final List<List<String>> DEFAULT_SYNONYMS = List.of(
            List.of("result", "outcome", "impact", "effect"),
            List.of("team", "colleague", "group", "coworker", "peer", "teammate"),
            List.of("learn", "lesson", "takeaway"),
            List.of("customer", "client", "user"),
            List.of("manager", "boss", "supervisor", "lead"),
            List.of("conflict", "disagreement", "dispute", "argument", "tension"),
            List.of("deadline", "due date", "timeline"),
            List.of("improve", "better", "improvement", "enhance"),
            List.of("measure", "metric", "number", "data", "quantify"),
            List.of("problem", "issue", "challenge"),
            List.of("mistake", "failure", "fail", "error"),
            List.of("decide", "decision", "choose", "choice"),
            List.of("communicate", "explain", "discuss", "talk"),
            List.of("goal", "target", "objective"),
            List.of("stakeholder", "sponsor", "owner"));

    public MetricSettings {
        fillers = List.copyOf(fillers);
        hedges = List.copyOf(hedges);
        toneCues = List.copyOf(toneCues);
        synonymGroups = synonymGroups.stream().<List<String>>map(List::copyOf).toList();
    }

    /** The lists Retake ships with. */
    public static MetricSettings defaults() {
        return new MetricSettings(DEFAULT_FILLERS, DEFAULT_HEDGES, DEFAULT_TONE_CUES, DEFAULT_SYNONYMS);
    }
}
