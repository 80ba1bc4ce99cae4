package app.retake.speech;

/**
 * A silence between two consecutive words.
 *
 * @param afterWordIndex index of the word before the silence
 * @param start          seconds from the start of the take to where the silence begins
 * @param seconds        length of the silence
 */
public record Pause(int afterWordIndex, double start, double seconds) {
}
