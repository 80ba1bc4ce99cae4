package app.retake.settings;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import app.retake.drill.AmbushSettings;

/**
 * When ambush mode may spring a question, as the user sets it: the hours, the days and how often on average.
 *
 * @param from         start of the allowed hours each day
 * @param to           end of the allowed hours; before {@code from} means the hours run past midnight
 * @param days         days on which ambushes may come
 * @param everyMinutes average time between ambushes within the allowed hours
 */
public record AmbushHours(LocalTime from, LocalTime to, Set<DayOfWeek> days, int everyMinutes) {

    public static final int MIN_EVERY = 15;
    public static final int MAX_EVERY = 24 * 60;
    /** No two ambushes closer than this, however often they are asked for. */
    static final Duration MIN_GAP = Duration.ofMinutes(10);

    public AmbushHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("choose at least one day for ambushes");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        everyMinutes = Math.max(MIN_EVERY, Math.min(MAX_EVERY, everyMinutes));
    }

    /** Weekdays from 09:00 to 18:00, every two hours on average. */
    public static AmbushHours defaults() {
        return new AmbushHours(LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 120);
    }

    /** The drill engine's form of these hours, read in {@code zone}. */
    public AmbushSettings toSchedule(ZoneId zone) {
        Duration mean = Duration.ofMinutes(everyMinutes);
        return new AmbushSettings(mean, from, to, days, mean.compareTo(MIN_GAP.multipliedBy(2)) < 0
                ? mean.dividedBy(2) : MIN_GAP, zone);
    }
}
