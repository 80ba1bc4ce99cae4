package app.retake.speech;

import static app.retake.speech.VoiceSignals.AH;
import static app.retake.speech.VoiceSignals.EE;
import static app.retake.speech.VoiceSignals.RATE;
import static app.retake.speech.VoiceSignals.SCHWA;
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

    @Test
    void acousticUmUhEstimateIsShownLabelledAsAnEstimateExactlyWhenItIsNotWithheld() {
        // "so", a held "uhhh" in the pause, "then": the model wrote no filler, the sound has one.
        short[] audio = VoiceSignals.concat(VoiceSignals.silence(0.5), VoiceSignals.vowel(130, 170, AH, EE, 0.5, 0.4),
                VoiceSignals.silence(0.3), VoiceSignals.steadyVowel(110, SCHWA, 0.5, 0.6), VoiceSignals.silence(0.8),
                VoiceSignals.vowel(130, 170, AH, EE, 0.5, 0.4), VoiceSignals.silence(1.0));
        Transcript heard = new Transcript(List.of(new Word("so", 0.5, 0.9, 1), new Word("then", 2.6, 3.0, 1)), 4,
                "m");

        List<String> withAudio = MetricsReport.lines(SpeechMetrics.of(heard, audio, RATE, Optional.empty(),
                MetricSettings.defaults()), Optional.empty());
        List<String> wordsOnly = MetricsReport.lines(SpeechMetrics.of(heard, Optional.empty(),
                MetricSettings.defaults()), Optional.empty());

        if (FilledPauseDetector.SHOWN_TO_USERS) {
            assertThat(withAudio).contains("um/uh (acoustic estimate): 1");
        } else {
            assertThat(withAudio).noneMatch(l -> l.contains("um/uh"));
        }
        assertThat(wordsOnly).noneMatch(l -> l.contains("um/uh"));
    }

    @Test
    void noAcousticEstimateIsClaimedForATakeWithoutWords() {
        short[] audio = VoiceSignals.steadyVowel(110, SCHWA, 0.5, 0.6);

        SpeechMetrics m = SpeechMetrics.of(new Transcript(List.of(), 1, "m"), audio, RATE, Optional.empty(),
                MetricSettings.defaults());

        assertThat(m.filledPauses()).isEmpty();
    }
}
