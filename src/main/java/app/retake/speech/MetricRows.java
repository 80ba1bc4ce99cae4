package app.retake.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The measurements of one answer for the review screen: each with its value, a one-line plain explanation and the
 * usual range, and whether it sits outside that range.
 */
public final class MetricRows {

    /** Conversational pace; slower sounds hesitant, faster is hard to follow. */
    public static final double PACE_LOW = 120;
    public static final double PACE_HIGH = 160;
    /** A beat to think is fine; much longer reads as unprepared. */
    public static final double FIRST_WORD_OK = 3.0;
    /** One or two fillers a minute go unnoticed; more start to distract. */
    public static final double FILLERS_OK_PER_MINUTE = 2.0;

    private MetricRows() {
    }

    /**
     * @param name        what was measured
     * @param value       the figure, in words
     * @param explanation why it matters and the usual range
     * @param attention   whether it falls outside the usual range
     */
    public record Row(String name, String value, String explanation, boolean attention) {
    }

    public static List<Row> of(SpeechMetrics m, Optional<VoiceMetrics> voice) {
        List<Row> rows = new ArrayList<>();
        OptionalDouble wpm = m.wordsPerMinute();
        rows.add(new Row("Pace", wpm.isPresent() ? format("%.0f words per minute", wpm.getAsDouble()) : "no words heard",
                "Conversational pace is about 120-160 words per minute; slower sounds unsure, faster is hard to follow.",
                wpm.isPresent() && (wpm.getAsDouble() < PACE_LOW || wpm.getAsDouble() > PACE_HIGH)));
        OptionalDouble first = m.timeToFirstWord();
        rows.add(new Row("Time to first word", first.isPresent() ? format("%.1f s", first.getAsDouble()) : "-",
                "A second or two to gather your thoughts is normal; beyond 3 s it can look unprepared.",
                first.isPresent() && first.getAsDouble() > FIRST_WORD_OK));
        rows.add(new Row("Long pauses", m.longPauses().size() + (m.longestPause().isPresent()
                ? format(" (longest %.1f s)", m.longestPause().getAsDouble()) : ""),
                format("Silences over %.0f s in mid-answer. A short pause is fine; several suggest lost threads.",
                        SpeechMetrics.LONG_PAUSE_SECONDS), m.longPauses().size() > 1));
        OptionalDouble fpm = m.fillersPerMinute();
        rows.add(new Row("Filler phrases", m.fillers().total() + (fpm.isPresent()
                ? format(" (%.1f per minute)", fpm.getAsDouble()) : "") + counted(m.fillers().counts()),
                "\"Like\", \"you know\", \"basically\"… Up to about 2 a minute goes unnoticed.",
                fpm.isPresent() && fpm.getAsDouble() > FILLERS_OK_PER_MINUTE));
        if (m.filledPauses().isPresent()) {
            int n = m.filledPauses().getAsInt();
            rows.add(new Row("Um and uh (estimate)", Integer.toString(n),
                    "Held \"um\"/\"uh\" sounds found in the audio, since the speech model does not write them. "
                            + "An estimate: it misses about a third and is rarely wrong (see docs/MEASUREMENTS.md).",
                    n > 3));
        }
        rows.add(new Row("Hedges", m.hedges().total() + counted(m.hedges().counts()),
                "\"I think\", \"maybe\", \"probably\" soften claims; use them where you are genuinely unsure.",
                m.hedges().total() > 3));
        rows.add(new Row("Repeated words", Integer.toString(m.repeats().size()),
                "A word said twice in a row (\"the the\") is a small stumble; a few are normal.",
                m.repeats().size() > 3));
        rows.add(new Row("Bitter or negative phrasing", m.toneCues().total() == 0 ? "none"
                : m.toneCues().total() + counted(m.toneCues().counts()),
                "Criticising a boss or employer worries interviewers, even when it is deserved.",
                m.toneCues().total() > 0));
        if (voice.isPresent()) {
            VoiceMetrics v = voice.get();
            rows.add(new Row("Pitch variation", format("%.1f semitones", v.pitchVariationSemitones()),
                    format("How much your voice rises and falls. Below %.1f semitones sounds flat; lively speech "
                            + "is usually 2-6.", VoiceMetrics.MONOTONE_BELOW_SEMITONES), v.monotone()));
            rows.add(new Row("Loudness", format("%.0f dBFS, varying by %.1f dB", v.meanLevelDbfs(),
                            v.levelVariationDb()),
                    "How loud the microphone heard you. Very low (below -40) means you are far from the microphone.",
                    v.meanLevelDbfs() < -40));
        } else {
            rows.add(new Row("Voice", "-", VoiceMetrics.NOT_ENOUGH_VOICED_SPEECH, false));
        }
        return rows;
    }

    private static String counted(Map<String, Integer> counts) {
        String found = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "\"" + e.getKey() + "\" x" + e.getValue()).collect(Collectors.joining(", "));
        return found.isEmpty() ? "" : ": " + found;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
