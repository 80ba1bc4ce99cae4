package app.retake.progress;

import java.time.LocalDate;
import java.util.List;

import app.retake.history.Rating;

/**
 * One practice session with its takes in the order they were answered.
 *
 * @param session the session id; blank for rows logged without one, grouped by day
 * @param date    the day of its first take
 */
public record SessionTakes(String session, LocalDate date, List<TakeRef> takes) {

    public SessionTakes {
        takes = List.copyOf(takes);
    }

    /** Takes that carry a rating. */
    public int rated() {
        return (int) takes.stream().filter(t -> t.rating().isPresent()).count();
    }

    /** Takes rated good or nailed. */
    public int goodOrNailed() {
        return (int) takes.stream()
                .filter(t -> t.rating().map(r -> r.grade() >= Rating.GOOD.grade()).orElse(false)).count();
    }
}
