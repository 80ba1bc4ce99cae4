package app.retake.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The measurements of one answer as plain lines of text, each saying what was measured. */
public final class MetricsReport {

    private MetricsReport() {
    }

    public static List<String> lines(SpeechMetrics m, Optional<VoiceMetrics> voice) {
        List<String> lines = new ArrayList<>();
        lines.add("pace: " + number(m.wordsPerMinute(), "%.0f words per minute") + " (conversational pace is about "
                + "120-160)");
        lines.add("time to first word: " + number(m.timeToFirstWord(), "%.1f s"));
        lines.add(String.format(Locale.ROOT, "pauses over %.0f s: %d%s", SpeechMetrics.LONG_PAUSE_SECONDS,
                m.longPauses().size(), m.longestPause().isPresent()
                        ? String.format(Locale.ROOT, " (longest %.1f s)", m.longestPause().getAsDouble()) : ""));
        lines.add("filler phrases: " + m.fillers().total() + (m.fillersPerMinute().isPresent()
                ? String.format(Locale.ROOT, " (%.1f per minute)", m.fillersPerMinute().getAsDouble()) : "")
                + counted(m.fillers().counts()));
        // The model writes no "um" or "uh", so these come from the sound; the label says it is an estimate.
        m.filledPauses().ifPresent(n -> lines.add("um/uh (acoustic estimate): " + n));
        lines.add("hedges: " + m.hedges().total() + counted(m.hedges().counts()));
        lines.add("repeated words: " + m.repeats().size());
        if (!m.coverage().isEmpty()) {
            long covered = m.coverage().stream().filter(PointCoverage::covered).count();
            String missed = m.coverage().stream().filter(c -> !c.covered()).map(c -> "\"" + c.point() + "\"")
                    .collect(Collectors.joining(", "));
            lines.add("talking points covered: " + covered + " of " + m.coverage().size()
                    + (missed.isEmpty() ? "" : "; missed " + missed));
        }
        m.star().ifPresent(star -> lines.add("STAR parts heard: situation " + yesNo(star.situation().present())
                + ", action with \"I\" " + yesNo(star.action().present()) + ", result "
                + yesNo(star.result().present())));
        lines.add("bitter or negative phrasing: " + (m.toneCues().total() == 0 ? "none"
                : m.toneCues().total() + counted(m.toneCues().counts())));
        if (voice.isPresent()) {
            VoiceMetrics v = voice.get();
            lines.add(String.format(Locale.ROOT, "voice: median pitch %.0f Hz, variation %.1f semitones%s; "
                            + "loudness %.0f dBFS, varying by %.1f dB", v.medianPitchHz(), v.pitchVariationSemitones(),
                    v.monotone() ? " (flat: below " + VoiceMetrics.MONOTONE_BELOW_SEMITONES + ")" : "",
                    v.meanLevelDbfs(), v.levelVariationDb()));
        } else {
            lines.add("voice: " + VoiceMetrics.NOT_ENOUGH_VOICED_SPEECH);
        }
        return lines;
    }

    private static String number(OptionalDouble value, String format) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "not measured (no words)";
    }

    private static String counted(Map<String, Integer> counts) {
        String found = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "\"" + e.getKey() + "\" x" + e.getValue()).collect(Collectors.joining(", "));
        return found.isEmpty() ? "" : ": " + found;
    }

    private static String yesNo(boolean present) {
        return present ? "yes" : "no";
    }
}
