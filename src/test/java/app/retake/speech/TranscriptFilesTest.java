package app.retake.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class TranscriptFilesTest {

    static Transcript sample() {
        return new Transcript(List.of(new Word("i", 0.5, 0.6, 1), new Word("managed", 0.6, 1.0, 0.9),
                new Word("the", 1.0, 1.1, 1), new Word("calendar", 1.1, 1.6, 0.8),
                new Word("then", 3.0, 3.2, 1), new Word("it", 3.2, 3.3, 1)), 4.0, "vosk-model-en-us");
    }

    @Test
    void jsonKeepsEveryWordWithItsTimingAndReadsBack() throws IOException {
        String json = TranscriptFiles.json(sample());
        assertThat(json).contains("\"text\" : \"i managed the calendar then it\"").contains("\"start\" : 0.6");
        assertThat(TranscriptFiles.parse(json)).isEqualTo(sample());
    }

    @Test
    void subtitlesBreakAtPausesAndStayShort() {
        String vtt = TranscriptFiles.vtt(sample());
        assertThat(vtt).startsWith("WEBVTT\n")
                .contains("00:00:00.500 --> 00:00:01.600\ni managed the calendar\n")
                .contains("00:00:03.000 --> 00:00:03.300\nthen it\n");
        StringBuilder many = new StringBuilder();
        List<Word> words = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            words.add(new Word("w" + i, i * 0.3, i * 0.3 + 0.25, 1));
        }
        String long20 = TranscriptFiles.vtt(new Transcript(words, 7, "m"));
        assertThat(long20.lines().filter(l -> l.contains("-->"))).hasSize(3);
        assertThat(many).isEmpty();
    }

    @Test
    void timesAreWrittenAsWebVttTimestamps() {
        assertThat(TranscriptFiles.time(3725.0456)).isEqualTo("01:02:05.046");
    }

    @Test
    void wordErrorRateCountsEditsAgainstTheReference() {
        assertThat(WordErrorRate.of("the cat sat on the mat", "the cat sat on the mat")).isZero();
        assertThat(WordErrorRate.of("the cat sat on the mat", "the cat sat on mat")).isEqualTo(1 / 6.0);
        assertThat(WordErrorRate.of("the cat sat", "a cat sat down")).isEqualTo(2 / 3.0);
        assertThat(WordErrorRate.of("Hello, World!", "hello world")).isZero();
    }

    @Test
    void textThatIsNotATranscriptIsRefusedSayingWhy() {
        assertThatThrownBy(() -> TranscriptFiles.parse("[]")).isInstanceOf(IOException.class)
                .hasMessageContaining("not a transcript");
        assertThatThrownBy(() -> TranscriptFiles.parse("{\"seconds\": 3}")).isInstanceOf(IOException.class)
                .hasMessageContaining("no list of words");
        assertThatThrownBy(() -> TranscriptFiles.parse("")).isInstanceOf(IOException.class);
    }

    @Test
    void wordsWithImpossibleTimesAreRefusedRatherThanMeasured() {
        for (String word : List.of("{\"word\": \"a\", \"start\": -1, \"end\": 1}",
                "{\"word\": \"a\", \"start\": 2, \"end\": 1}",
                "{\"word\": \"a\", \"start\": 0, \"end\": 1e300}",
                "{\"word\": \"a\", \"start\": \"soon\", \"end\": 1}",
                "{\"word\": 5, \"start\": 0, \"end\": 1}",
                "{\"word\": \"a\", \"start\": 0, \"end\": 1, \"confidence\": 7}")) {
            assertThatThrownBy(() -> TranscriptFiles.parse("{\"seconds\": 3, \"words\": [" + word + "]}"))
                    .as(word).isInstanceOf(IOException.class).hasMessageContaining("damaged transcript");
        }
    }
}
