package app.retake.speech;

import java.util.List;

/**
 * Whether the answer touched one talking point of the question.
 *
 * @param point        the talking point as written in the bank
 * @param covered      whether at least {@code needed} of its content words were heard
 * @param contentWords the point's content words (stop words dropped), one per distinct stem
 * @param needed       how many of them had to be heard: half, rounded up, at least one
 * @param matchedWords the answer's words that matched, in the order of {@code contentWords}
 */
public record PointCoverage(String point, boolean covered, List<String> contentWords, int needed,
                            List<String> matchedWords) {

    public PointCoverage {
        contentWords = List.copyOf(contentWords);
        matchedWords = List.copyOf(matchedWords);
    }
}
