package app.retake.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Draws ambush times: a Poisson process that only runs during the allowed hours and keeps a minimum gap.
 *
 * <p>Gaps are measured in allowed time, so an evening and a weekend in between do not count towards the wait:
 * the chance of an ambush in any allowed minute is the same, whether it is Monday 09:00 or Friday 17:59.
 */
public final class AmbushSchedule {

    /** Calendar days a walk may cross without meeting any allowed time before it concludes there is none. */
    private static final int MAX_DAYS_WITHOUT_WINDOW = 366;
    /** Calendar days one walk may span at most, so settings with a sliver of allowed time fail instead of hanging. */
    private static final long MAX_WALK_DAYS = 100L * 366;

    private final AmbushSettings settings;
    private final RandomGenerator random;

    public AmbushSchedule(AmbushSettings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The same schedule over other hours, drawing from the same random source (seeded in tests). */
    public AmbushSchedule with(AmbushSettings other) {
        return new AmbushSchedule(other, random);
    }

    public AmbushSettings settings() {
        return settings;
    }

    /**
     * The next ambush strictly after {@code after}: inside the allowed hours, and at least the minimum gap after
     * {@code lastAmbush}. Synchronized because most random generators are not safe to share between threads.
     */
    public synchronized Instant next(Instant after, Optional<Instant> lastAmbush) {
        Objects.requireNonNull(after, "after");
        Instant start = after;
        if (lastAmbush.isPresent()) {
            Instant earliest = lastAmbush.get().plus(settings.minGap());
            if (earliest.isAfter(start)) {
                start = earliest;
            }
        }
        return walk(start, drawGapNanos());
    }

    /** Every ambush in {@code (from, to]}, each drawn with {@link #next} from the one before. */
    public List<Instant> between(Instant from, Instant to, Optional<Instant> lastAmbush) {
        List<Instant> ambushes = new ArrayList<>();
        Instant at = next(from, lastAmbush);
        while (!at.isAfter(to)) {
            ambushes.add(at);
            at = next(at, Optional.of(at));
        }
        return ambushes;
    }

    /** Where the timeline reaches after {@code allowedTime} of allowed hours have passed, starting at {@code from}. */
    public Instant advance(Instant from, Duration allowedTime) {
        Objects.requireNonNull(from, "from");
        if (allowedTime.isNegative()) {
            throw new IllegalArgumentException("allowedTime must not be negative: " + allowedTime);
        }
        return walk(from, allowedTime.toNanos());
    }

    /** {@code notBefore} itself if it lies in the allowed hours, otherwise the next time they open. */
    public Instant earliestAllowed(Instant notBefore) {
        return advance(notBefore, Duration.ZERO);
    }

    /** An exponential gap by inverse CDF, at least a nanosecond so that {@link #next} is strictly after its start. */
    private long drawGapNanos() {
        Duration mean = settings.meanGap();
        double meanNanos = mean.getSeconds() * 1e9 + mean.getNano();
        double gap = -meanNanos * Math.log1p(-random.nextDouble());
        // The cast saturates at Long.MAX_VALUE for absurd means; the walk then fails plainly rather than wrapping.
        return Math.max(1, (long) Math.ceil(gap));
    }

    /**
     * Moves forward from {@code from}, spending {@code nanos} only inside allowed windows, and returns where it stops.
     * A stop that would fall exactly on a window's end belongs to the next window's start, as windows are half-open.
     */
    private Instant walk(Instant from, long nanos) {
        long remaining = nanos;
        Instant cursor = from;
        // A window that runs past midnight may still be open at `from`, so begin with the previous day's.
        LocalDate date = LocalDate.ofInstant(from, settings.zone()).minusDays(1);
        int daysWithoutWindow = 0;
        for (long walked = 0; walked <= MAX_WALK_DAYS; walked++, date = date.plusDays(1)) {
            Window window = windowOn(date);
            Instant start = window == null ? null : later(window.start(), cursor);
            if (window == null || !window.end().isAfter(start)) {
                if (++daysWithoutWindow > MAX_DAYS_WITHOUT_WINDOW) {
                    throw new IllegalStateException("The ambush settings allow no time at all in the year after "
                            + from + "; check the days and hours.");
                }
                continue;
            }
            daysWithoutWindow = 0;
            long available = Duration.between(start, window.end()).toNanos();
            if (remaining < available) {
                return start.plusNanos(remaining);
            }
            remaining -= available;
            cursor = window.end();
        }
        throw new IllegalStateException("The ambush settings allow so little time that the next ambush would be more "
                + "than a century after " + from + "; allow more hours or a shorter average gap.");
    }

    /** The window that opens on {@code date}, or null if that day is not allowed. */
    private Window windowOn(LocalDate date) {
        if (!settings.days().contains(date.getDayOfWeek())) {
            return null;
        }
        LocalDate endDate = settings.windowWrapsMidnight() ? date.plusDays(1) : date;
        Instant start = instantOf(date.atTime(settings.windowStart()), true);
        Instant end = instantOf(endDate.atTime(settings.windowEnd()), false);
        return new Window(start, end);
    }

    /**
     * Where a wall-clock time falls on the timeline, chosen so that every instant inside a window reads as inside
     * the allowed hours on the wall clock, even on the days the clocks change.
     */
    private Instant instantOf(LocalDateTime local, boolean opening) {
        ZoneOffsetTransition transition = settings.zone().getRules().getTransition(local);
        if (transition == null) {
            return local.atZone(settings.zone()).toInstant();
        }
        if (transition.isGap()) {
            // The clock skips this time; the moment it jumps past it is when the time has come.
            return transition.getInstant();
        }
        // The clock shows this time twice. Open at the second showing, or the hour replayed after it would read as
        // before the opening; close at the first showing, or the replayed hour would read as after the closing.
        ZoneOffset offset = opening ? transition.getOffsetAfter() : transition.getOffsetBefore();
        return local.toInstant(offset);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** One day's allowed stretch of the timeline, start inclusive, end exclusive. */
    private record Window(Instant start, Instant end) {
    }
}
