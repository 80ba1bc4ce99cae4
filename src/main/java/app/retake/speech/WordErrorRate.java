package app.retake.speech;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate: (substitutions + deletions + insertions) / words in the reference, by edit distance. */
public final class WordErrorRate {

    private WordErrorRate() {
    }

    /** WER of {@code hypothesis} against {@code reference}, both plain text; case and punctuation are ignored. */
    public static double of(String reference, String hypothesis) {
        return of(words(reference), words(hypothesis));
    }

    public static double of(List<String> reference, List<String> hypothesis) {
        if (reference.isEmpty()) {
            return hypothesis.isEmpty() ? 0 : 1;
        }
        int[] previous = new int[hypothesis.size() + 1];
        int[] current = new int[hypothesis.size() + 1];
        for (int j = 0; j <= hypothesis.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int substitute = previous[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[hypothesis.size()] / (double) reference.size();
    }

    static List<String> words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").strip();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
    }
}
