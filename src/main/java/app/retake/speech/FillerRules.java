package app.retake.speech;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a default filler phrase, where heard, is filler or ordinary speech.
 *
 * <p>Without audio prosody or punctuation the rules look only at the neighbouring words and the silence after:
 * <ul>
 *   <li><b>like</b> is not filler after a subject, modal or verb of seeming ("I like", "I'd like", "would like",
 *       "don't like", "really like", "looks like", "felt like", "just like", "something like"), nor before
 *       "to", "this", "that" ("like to", "like this" as a comparison). Anywhere else it is filler.</li>
 *   <li><b>you know</b> is not filler after "do", "did", "if", "as", "don't" ("do you know"), nor before an
 *       object or clause ("you know what I mean", "you know how", "you know that"). So "you know what I mean"
 *       counts nothing, while "it was, you know, hard" counts one.</li>
 *   <li><b>I mean</b> is not filler after "what" or "that" ("what I mean is"), nor before "it", "that", "to".</li>
 *   <li><b>kind of</b>, <b>sort of</b> are not filler after a determiner ("the kind of manager", "what sort of")
 *       nor before "thing" or "things".</li>
 *   <li><b>right</b> is filler only as a tag: written "right?", followed by a silence over
 *       {@link #TAG_PAUSE_SECONDS}, or the last word; and never after a determiner ("the right person").</li>
 *   <li><b>basically</b>, <b>actually</b>, <b>literally</b>, <b>so yeah</b> and any phrase not listed here always
 *       count.</li>
 * </ul>
 */
final class FillerRules {

    /** A silence after "right" longer than this makes it a tag rather than an adjective. */
    static final double TAG_PAUSE_SECONDS = 0.3;

    private static final Set<String> LIKE_NOT_AFTER = Set.of(
            "i", "you", "we", "they", "he", "she", "people", "would", "could", "should", "might", "will", "do",
            "does", "did", "don't", "doesn't", "didn't", "dont", "didnt", "really", "also", "not", "look", "looks",
            "looked", "feel", "feels", "felt", "seem", "seems", "seemed", "sound", "sounds", "sounded", "just",
            "something", "anything", "nothing", "much", "more", "most");
    private static final Set<String> LIKE_NOT_BEFORE = Set.of("to", "this", "that");
    private static final Set<String> YOU_KNOW_NOT_AFTER = Set.of("do", "did", "if", "as", "don't", "didn't", "dont");
    private static final Set<String> YOU_KNOW_NOT_BEFORE = Set.of(
            "what", "how", "why", "where", "when", "who", "whether", "if", "that", "the", "a", "an", "it", "him",
            "her", "them", "about", "this", "me", "my", "your", "their");
    private static final Set<String> I_MEAN_NOT_AFTER = Set.of("what", "that");
    private static final Set<String> I_MEAN_NOT_BEFORE = Set.of("it", "that", "to");
    private static final Set<String> DETERMINERS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "what", "which", "any", "some", "every", "same",
            "different", "my", "your", "our", "their", "his", "her", "its");
    private static final Set<String> KIND_NOT_BEFORE = Set.of("thing", "things");

    private FillerRules() {
    }

    /**
     * Whether the filler phrase heard at {@code start} counts.
     *
     * @param phraseKey the phrase's tokens joined by single spaces
     */
    static boolean counts(String phraseKey, List<Word> words, List<String> tokens, int start, int length) {
        String before = start > 0 ? tokens.get(start - 1) : "";
        int after = start + length;
        String next = after < tokens.size() ? tokens.get(after) : "";
        return switch (phraseKey) {
            case "like" -> !LIKE_NOT_AFTER.contains(before) && !before.endsWith("'d")
                    && !LIKE_NOT_BEFORE.contains(next);
            case "you know" -> !YOU_KNOW_NOT_AFTER.contains(before) && !YOU_KNOW_NOT_BEFORE.contains(next);
            case "i mean" -> !I_MEAN_NOT_AFTER.contains(before) && !I_MEAN_NOT_BEFORE.contains(next);
            case "kind of", "sort of" -> !DETERMINERS.contains(before) && !KIND_NOT_BEFORE.contains(next);
            case "right" -> !DETERMINERS.contains(before) && isTag(words, after - 1);
            default -> true;
        };
    }

    private static boolean isTag(List<Word> words, int index) {
        if (words.get(index).text().trim().endsWith("?") || index == words.size() - 1) {
            return true;
        }
        return words.get(index + 1).start() - words.get(index).end() > TAG_PAUSE_SECONDS;
    }
}
