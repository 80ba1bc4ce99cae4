package app.retake.speech;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What was said in a take: the words with their timings, and which model heard them.
 *
 * @param seconds length of the audio transcribed, so silence after the last word is known
 */
public record Transcript(List<Word> words, double seconds, String model) {

    public Transcript {
        words = List.copyOf(words);
    }

    /** The words joined by spaces. */
    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }
}
