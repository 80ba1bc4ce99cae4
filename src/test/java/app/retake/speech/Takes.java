package app.retake.speech;

import java.util.ArrayList;
import java.util.List;

/** Builds word timings by hand so every metric has a known answer. */
final class Takes {

    private Takes() {
    }

    /**
     * Lays the script's words out from {@code lead} seconds, each {@code word} seconds long with {@code gap} seconds
     * between them; a token like {@code (2.1)} replaces the next gap with that much silence.
     */
    static List<Word> lay(double lead, double word, double gap, String script) {
        List<Word> words = new ArrayList<>();
        double at = lead;
        Double silence = null;
        for (String token : script.trim().split("\\s+")) {
            if (token.startsWith("(") && token.endsWith(")")) {
                silence = Double.parseDouble(token.substring(1, token.length() - 1));
                continue;
            }
            if (!words.isEmpty()) {
                at += silence == null ? gap : silence;
            }
            silence = null;
            words.add(new Word(token, at, at + word, 0.9));
            at += word;
        }
        return words;
    }

    /** The script spoken from the start at a plain pace, with a second of silence after it. */
    static Transcript say(String script) {
        List<Word> words = lay(0, 0.3, 0.1, script);
        double end = words.isEmpty() ? 0 : words.get(words.size() - 1).end();
        return new Transcript(words, end + 1, "test");
    }
}
