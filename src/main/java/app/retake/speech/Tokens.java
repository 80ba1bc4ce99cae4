package app.retake.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word texts reduced to what the rules compare: lower case, letters, digits, apostrophes and per cent signs. */
final class Tokens {

    private Tokens() {
    }

    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '%') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static List<String> of(List<Word> words) {
        List<String> tokens = new ArrayList<>(words.size());
        for (Word w : words) {
            tokens.add(normalise(w.text()));
        }
        return tokens;
    }

    /** Splits a listed phrase into tokens, keeping a trailing {@code *} as a prefix marker. */
    static List<String> phrase(String phrase) {
        return Arrays.stream(phrase.trim().split("\\s+"))
                .map(p -> p.endsWith("*") ? normalise(p) + "*" : normalise(p))
                .filter(p -> !p.isEmpty() && !p.equals("*"))
                .toList();
    }

    /** Indices where the phrase's tokens occur in sequence. */
    static List<Integer> find(List<String> tokens, List<String> phrase) {
        List<Integer> hits = new ArrayList<>();
        if (phrase.isEmpty()) {
            return hits;
        }
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.size() && all; j++) {
                all = matches(tokens.get(i + j), phrase.get(j));
            }
            if (all) {
                hits.add(i);
            }
        }
        return hits;
    }

    private static boolean matches(String token, String pattern) {
        if (pattern.endsWith("*")) {
            return !token.isEmpty() && token.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return token.equals(pattern);
    }
}
