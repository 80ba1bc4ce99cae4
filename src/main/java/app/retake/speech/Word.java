package app.retake.speech;

/**
 * One recognised word with its timing.
 *
 * @param start      seconds from the start of the take
 * @param end        seconds from the start of the take
 * @param confidence the recogniser's confidence, 0 to 1
 */
public record Word(String text, double start, double end, double confidence) {

    public double duration() {
        return end - start;
    }
}
