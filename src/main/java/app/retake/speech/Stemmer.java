package app.retake.speech;

import java.util.List;
import java.util.Locale;

/**
 * A deliberately small suffix stripper, so "measured", "measurable" and "measurement" meet at "measur".
 *
 * <p>Rules, in order: drop a possessive {@code 's}; turn {@code ies} into {@code y} and {@code sses} into {@code ss};
 * strip the first matching suffix of {@link #SUFFIXES}; else drop a plural {@code s} (not after s, u or i, so
 * "process", "status" and "analysis" keep theirs); then drop a final {@code e} and undouble a final consonant
 * ("planned" to "plan"). A suffix is only stripped when at least three letters remain. It over- and under-stems
 * sometimes; that only matters if two words a talking point needs fall on different sides, and synonyms cover that.
 */
final class Stemmer {

    private static final int MIN_STEM = 3;
    private static final List<String> SUFFIXES = List.of(
            "ational", "ations", "ation", "ements", "ement", "ments", "ment", "ingly", "ings", "ing", "edly", "ed",
            "ables", "able", "ibles", "ible", "ness", "fully", "ful", "ly");

    private Stemmer() {
    }

    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() <= MIN_STEM) {
            return w;
        }
        if (w.endsWith("ies") && w.length() - 3 >= MIN_STEM - 1) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses")) {
            return w.substring(0, w.length() - 2);
        }
        boolean stripped = false;
        for (String suffix : SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= MIN_STEM) {
                w = w.substring(0, w.length() - suffix.length());
                stripped = true;
                break;
            }
        }
        if (!stripped && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                && w.length() - 1 >= MIN_STEM) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("e") && w.length() - 1 >= MIN_STEM) {
            w = w.substring(0, w.length() - 1);
        }
        int n = w.length();
        if (n > MIN_STEM && w.charAt(n - 1) == w.charAt(n - 2) && isDoubleable(w.charAt(n - 1))) {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    // l, s and z stay doubled: "skill", "access", "buzz" are words in their own right.
    private static boolean isDoubleable(char c) {
        return "bdgmnprt".indexOf(c) >= 0;
    }
}
