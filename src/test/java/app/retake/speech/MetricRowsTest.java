package app.retake.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The review screen's rows: values from the measurements, and attention exactly outside the usual ranges. */
class MetricRowsTest {

    private static Map<String, MetricRows.Row> rows(String script) {
        SpeechMetrics m = SpeechMetrics.of(Takes.say(script), Optional.empty(), MetricSettings.defaults());
        return MetricRows.of(m, Optional.empty()).stream()
                .collect(java.util.stream.Collectors.toMap(MetricRows.Row::name, r -> r));
    }

    @Test
    void paceOutsideConversationalRangeAndFillersAboveTwoAMinuteAskForAttention() {
        // Takes.say lays words at a steady rate; see its documentation for the timing.
        Map<String, MetricRows.Row> calm = rows("I led the team and we shipped the billing service two weeks early");
        assertThat(calm).containsKeys("Pace", "Time to first word", "Long pauses", "Filler phrases", "Hedges",
                "Repeated words", "Bitter or negative phrasing", "Voice");
        assertThat(calm.get("Bitter or negative phrasing").value()).isEqualTo("none");
        assertThat(calm.get("Bitter or negative phrasing").attention()).isFalse();

        Map<String, MetricRows.Row> bitter = rows("basically my boss never listened and honestly it was toxic");
        assertThat(bitter.get("Bitter or negative phrasing").attention()).isTrue();
        assertThat(bitter.get("Bitter or negative phrasing").value()).contains("\"toxic\" x1");
        assertThat(bitter.get("Filler phrases").value()).startsWith("1 (").contains("\"basically\" x1");
        assertThat(bitter.get("Filler phrases").attention()).isTrue();
    }

    @Test
    void theLoggedSummaryCarriesTheFiguresTheChartsUse() {
        SpeechMetrics m = SpeechMetrics.of(Takes.say("so I think we basically agreed on a plan"), Optional.empty(),
                MetricSettings.defaults());
        Map<String, String> summary = MetricsSummary.of(m, Optional.empty());
        assertThat(MetricsSummary.number(summary, MetricsSummary.WORDS)).hasValue(9);
        assertThat(MetricsSummary.number(summary, MetricsSummary.FILLERS)).hasValue(1);
        assertThat(MetricsSummary.number(summary, MetricsSummary.HEDGES)).hasValue(1);
        assertThat(MetricsSummary.number(summary, MetricsSummary.WORDS_PER_MINUTE).getAsDouble())
                .isEqualTo(m.wordsPerMinute().getAsDouble(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(MetricsSummary.number(Map.of("wpm", "fast"), MetricsSummary.WORDS_PER_MINUTE)).isEmpty();
        assertThat(List.of(summary.keySet().toArray())).doesNotContain(MetricsSummary.PITCH_VARIATION);
    }
}
