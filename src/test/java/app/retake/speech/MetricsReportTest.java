package app.retake.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MetricsReportTest {

    @Test
    void anAnswerWithNoWordsSaysWhatCouldNotBeMeasuredInsteadOfPrintingNumbers() {
        List<String> lines = MetricsReport.lines(SpeechMetrics.of(new Transcript(List.of(), 5, "m"), Optional.empty(),
                MetricSettings.defaults()), Optional.empty());
        assertThat(lines).contains("pace: not measured (no words) (conversational pace is about 120-160)",
                "time to first word: not measured (no words)", "voice: " + VoiceMetrics.NOT_ENOUGH_VOICED_SPEECH);
        assertThat(String.join("\n", lines)).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void measuredFiguresAndFoundPhrasesAreShown() {
        List<Word> words = List.of(new Word("so", 1.0, 1.2, 1), new Word("basically", 1.2, 1.7, 1),
                new Word("i", 1.7, 1.8, 1), new Word("think", 1.8, 2.0, 1), new Word("it", 4.5, 4.6, 1),
                new Word("worked", 4.6, 5.0, 1));
        List<String> lines = MetricsReport.lines(SpeechMetrics.of(new Transcript(words, 6, "m"), Optional.empty(),
                MetricSettings.defaults()), Optional.empty());
        assertThat(lines).contains("time to first word: 1.0 s", "pauses over 2 s: 1 (longest 2.5 s)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("filler phrases: 1").contains("\"basically\" x1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("hedges: 1").contains("\"I think\" x1"));
    }
}
