package app.retake.drill;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When ambush mode may spring a question: how often on average, in which hours, on which days.
 *
 * @param meanGap     average gap between ambushes, counted in allowed time only
 * @param windowStart start of the allowed hours each day
 * @param windowEnd   end of the allowed hours (exclusive); at or before {@code windowStart} the window runs past
 *                    midnight into the next day, and equal to it means the whole day
 * @param days        days on which the window opens; a window that runs past midnight belongs to the day it starts
 * @param minGap      no two ambushes are ever closer than this, in plain clock time
 * @param zone        time zone the hours and days are read in
 */
public record AmbushSettings(Duration meanGap, LocalTime windowStart, LocalTime windowEnd, Set<DayOfWeek> days,
                             Duration minGap, ZoneId zone) {

    public AmbushSettings {
        Objects.requireNonNull(meanGap, "meanGap");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(zone, "zone");
        if (meanGap.isZero() || meanGap.isNegative()) {
            throw new IllegalArgumentException("The average time between ambushes must be longer than zero.");
        }
        if (minGap.isZero() || minGap.isNegative()) {
            throw new IllegalArgumentException("The shortest time between ambushes must be longer than zero.");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one day of the week for ambushes.");
        }
        // An EnumSet keeps the days in calendar order for anyone who lists them.
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Every two hours on average, 09:00 to 18:00 on weekdays, never within 30 minutes of the last one. */
    public static AmbushSettings defaults(ZoneId zone) {
        return new AmbushSettings(Duration.ofHours(2), LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Duration.ofMinutes(30), zone);
    }

    /** Whether the allowed hours run past midnight, like 22:00 to 02:00. */
    public boolean windowWrapsMidnight() {
        return !windowEnd.isAfter(windowStart);
    }
}
