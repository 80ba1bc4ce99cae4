package app.retake.speech;

/**
 * A stretch of a take that sounds like "um" or "uh": a held, steady voiced sound where no ordinary word was heard.
 *
 * @param start seconds from the start of the take
 * @param end   seconds from the start of the take
 */
public record FilledPause(double start, double end) {

    public double duration() {
        return end - start;
    }
}
