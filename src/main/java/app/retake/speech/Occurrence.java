package app.retake.speech;

/**
 * Where a phrase was heard in a take, so the UI can highlight it.
 *
 * @param phrase    the phrase as listed in the settings, e.g. {@code "you know"}
 * @param wordIndex index in {@link Transcript#words()} of the phrase's first word
 * @param wordCount how many transcript words the phrase spans
 * @param start     seconds from the start of the take to the first word's start
 * @param end       seconds from the start of the take to the last word's end
 */
public record Occurrence(String phrase, int wordIndex, int wordCount, double start, double end) {
}
