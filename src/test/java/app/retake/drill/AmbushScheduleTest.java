package app.retake.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class AmbushScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    /** A Monday in summer time, far from any clock change. */
    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);
    private static final Instant YEAR_2024_START = at(LocalDate.of(2024, 1, 1), "00:00");
    private static final Instant YEAR_2024_END = at(LocalDate.of(2025, 1, 1), "00:00");
    private static final Optional<Instant> NONE = Optional.empty();

    // --- settings

    @Test
    void defaultsAreEveryTwoHoursOnWeekdayOfficeHours() {
        AmbushSettings defaults = AmbushSettings.defaults(LONDON);
        assertThat(defaults.meanGap()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.windowStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(defaults.windowEnd()).isEqualTo(LocalTime.of(18, 0));
        assertThat(defaults.days()).containsExactlyElementsOf(WEEKDAYS);
        assertThat(defaults.minGap()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.zone()).isEqualTo(LONDON);
        assertThat(defaults.windowWrapsMidnight()).isFalse();
    }

    @Test
    void settingsRejectGapsThatAreNotPositiveAndAnEmptyWeek() {
        assertThatThrownBy(() -> settings(Duration.ZERO, "09:00", "18:00", WEEKDAYS, Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The average time between ambushes must be longer than zero.");
        assertThatThrownBy(() -> settings(Duration.ofHours(1), "09:00", "18:00", WEEKDAYS, Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The shortest time between ambushes must be longer than zero.");
        assertThatThrownBy(() -> settings(Duration.ofHours(1), "09:00", "18:00", Set.of(), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Choose at least one day of the week for ambushes.");
    }

    @Test
    void settingsKeepTheirOwnCopyOfTheDays() {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
        AmbushSettings settings = settings(Duration.ofHours(1), "09:00", "18:00", days, Duration.ofMinutes(5));
        days.add(DayOfWeek.SUNDAY);
        assertThat(settings.days()).containsExactly(DayOfWeek.MONDAY);
        assertThatThrownBy(() -> settings.days().add(DayOfWeek.SUNDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // --- allowed time

    @Test
    void allowedTimeIsSpentOnlyInsideTheWindow() {
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), new SplittableRandom(1));
        assertThat(schedule.advance(at(MONDAY, "17:00"), Duration.ofHours(3)))
                .isEqualTo(at(MONDAY.plusDays(1), "11:00"));
        assertThat(schedule.advance(at(MONDAY, "10:00"), Duration.ofMinutes(90))).isEqualTo(at(MONDAY, "11:30"));
    }

    @Test
    void aStartOutsideTheWindowJumpsToTheNextWindowStart() {
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), new SplittableRandom(1));
        LocalDate tuesday = MONDAY.plusDays(1);
        assertThat(schedule.earliestAllowed(at(tuesday, "07:00"))).isEqualTo(at(tuesday, "09:00"));
        assertThat(schedule.earliestAllowed(at(tuesday, "18:00"))).isEqualTo(at(tuesday.plusDays(1), "09:00"));
        assertThat(schedule.earliestAllowed(at(tuesday, "12:34"))).isEqualTo(at(tuesday, "12:34"));
        assertThat(schedule.advance(at(tuesday, "07:00"), Duration.ofMinutes(45))).isEqualTo(at(tuesday, "09:45"));
    }

    @Test
    void aDrawOfZeroFromOutsideTheWindowLandsJustAfterItOpens() {
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), drawing(0.0));
        Instant next = schedule.next(at(MONDAY, "06:00"), Optional.empty());
        assertThat(next).isAfter(at(MONDAY, "09:00")).isBefore(at(MONDAY, "09:00").plusMillis(1));
    }

    @Test
    void theNextAmbushIsStrictlyAfterTheGivenInstantEvenOnADrawOfZero() {
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), drawing(0.0));
        Instant after = at(MONDAY, "09:00");
        assertThat(schedule.next(after, Optional.empty())).isAfter(after);
    }

    @Test
    void aDrawAtTheMeanLandsOneMeanGapOfAllowedTimeLater() {
        // -ln(1 - u) = 1 for this u, so the gap is exactly the mean, up to rounding of the double.
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), drawing(1 - Math.exp(-1)));
        Instant next = schedule.next(at(MONDAY, "17:00"), Optional.empty());
        assertThat(Duration.between(at(MONDAY.plusDays(1), "10:00"), next).abs()).isLessThan(Duration.ofMillis(1));
    }

    @Test
    void weekendsAreSkippedWhenOnlyWeekdaysAreAllowed() {
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), new SplittableRandom(1));
        LocalDate friday = MONDAY.plusDays(4);
        LocalDate nextMonday = MONDAY.plusWeeks(1);
        assertThat(schedule.earliestAllowed(at(friday, "18:30"))).isEqualTo(at(nextMonday, "09:00"));
        assertThat(schedule.advance(at(friday, "17:00"), Duration.ofHours(2))).isEqualTo(at(nextMonday, "10:00"));
    }

    @Test
    void aWindowThatWrapsMidnightBelongsToTheDayItStartsOn() {
        AmbushSettings fridayNights = settings(Duration.ofMinutes(20), "22:00", "02:00",
                EnumSet.of(DayOfWeek.FRIDAY), Duration.ofMinutes(1));
        AmbushSchedule schedule = new AmbushSchedule(fridayNights, new SplittableRandom(1));
        LocalDate friday = MONDAY.plusDays(4);
        LocalDate saturday = friday.plusDays(1);

        assertThat(schedule.earliestAllowed(at(saturday, "01:00"))).isEqualTo(at(saturday, "01:00"));
        assertThat(schedule.earliestAllowed(at(saturday, "02:00"))).isEqualTo(at(friday.plusWeeks(1), "22:00"));
        assertThat(schedule.advance(at(friday, "23:00"), Duration.ofMinutes(150))).isEqualTo(at(saturday, "01:30"));
        assertThat(schedule.advance(at(friday, "23:00"), Duration.ofMinutes(210)))
                .isEqualTo(at(friday.plusWeeks(1), "22:30"));
        // Thursday's night is not allowed, so early Friday morning is closed.
        assertThat(schedule.earliestAllowed(at(friday, "01:00"))).isEqualTo(at(friday, "22:00"));

        List<Instant> ambushes = schedule.between(at(MONDAY, "00:00"), at(MONDAY.plusWeeks(8), "00:00"),
                Optional.empty());
        assertThat(ambushes).hasSizeGreaterThan(50).allSatisfy(a -> assertThat(insideHours(fridayNights, a))
                .as("%s is inside Friday 22:00-02:00", a.atZone(LONDON)).isTrue());
        assertThat(ambushes).anySatisfy(a -> assertThat(a.atZone(LONDON).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
        assertGapsAtLeast(ambushes, fridayNights.minGap());
    }

    @Test
    void aWindowFromAndToTheSameTimeCoversTheWholeDay() {
        AmbushSettings allDay = settings(Duration.ofHours(1), "00:00", "00:00", EnumSet.of(DayOfWeek.MONDAY),
                Duration.ofMinutes(1));
        AmbushSchedule schedule = new AmbushSchedule(allDay, new SplittableRandom(1));
        assertThat(schedule.advance(at(MONDAY, "00:00"), Duration.ofHours(23))).isEqualTo(at(MONDAY, "23:00"));
        assertThat(schedule.advance(at(MONDAY, "00:00"), Duration.ofHours(24)))
                .isEqualTo(at(MONDAY.plusWeeks(1), "00:00"));
    }

    // --- the minimum gap

    @Test
    void noAmbushComesWithinTheMinimumGapOfTheLastOne() {
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), drawing(0.0));
        Instant last = at(MONDAY, "10:00");
        Instant next = schedule.next(last, Optional.of(last));
        assertThat(next).isAfter(at(MONDAY, "10:30")).isBefore(at(MONDAY, "10:30").plusMillis(1));
    }

    @Test
    void aMinimumGapThatRunsPastClosingTimeWaitsForTheNextWindow() {
        AmbushSchedule schedule = new AmbushSchedule(AmbushSettings.defaults(LONDON), drawing(0.0));
        Instant last = at(MONDAY, "17:50");
        Instant next = schedule.next(last, Optional.of(last));
        Instant opening = at(MONDAY.plusDays(1), "09:00");
        assertThat(next).isAfter(opening).isBefore(opening.plusMillis(1));
    }

    // --- simulated runs

    @Test
    void aSimulatedWeekKeepsEveryAmbushInsideWeekdayHoursAndApart() {
        AmbushSettings defaults = AmbushSettings.defaults(LONDON);
        List<Instant> ambushes = new AmbushSchedule(defaults, new SplittableRandom(42))
                .between(at(MONDAY, "00:00"), at(MONDAY.plusWeeks(1), "00:00"), Optional.empty());

        // 45 allowed hours at one per 2.5 hours: about 18 expected.
        assertThat(ambushes).hasSizeBetween(8, 30);
        assertThat(ambushes).allSatisfy(a -> {
            ZonedDateTime local = a.atZone(LONDON);
            assertThat(local.getDayOfWeek()).isIn(WEEKDAYS);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 59, 59, 999_999_999));
        });
        assertGapsAtLeast(ambushes, defaults.minGap());
    }

    @Test
    void aSimulatedYearKeepsEveryAmbushInsideWeekdayHoursAndApart() {
        AmbushSettings defaults = AmbushSettings.defaults(LONDON);
        List<Instant> ambushes = new AmbushSchedule(defaults, new SplittableRandom(7))
                .between(YEAR_2024_START, YEAR_2024_END, Optional.empty());

        // 262 weekdays of 9 hours at one per 2.5 hours: about 940 expected.
        assertThat(ambushes).hasSizeBetween(850, 1030);
        assertThat(ambushes).allSatisfy(a -> assertThat(insideHours(defaults, a)).as("%s", a.atZone(LONDON)).isTrue());
        assertGapsAtLeast(ambushes, defaults.minGap());
    }

    @Test
    void gapsInAllowedTimeAverageTheMinimumPlusTheMeanAndAreExponentialBeyondTheMinimum() {
        Duration meanGap = Duration.ofMinutes(20);
        Duration minGap = Duration.ofMinutes(5);
        AmbushSettings settings = settings(meanGap, "09:00", "18:00", WEEKDAYS, minGap);
        List<Instant> ambushes = new AmbushSchedule(settings, new SplittableRandom(2024))
                .between(YEAR_2024_START, YEAR_2024_END, Optional.empty());

        List<Double> gapMinutes = new ArrayList<>();
        for (int i = 1; i < ambushes.size(); i++) {
            gapMinutes.add(allowedBetween(settings, ambushes.get(i - 1), ambushes.get(i)).toNanos() / 60e9);
        }
        assertThat(gapMinutes).hasSizeGreaterThan(5000);

        double mean = gapMinutes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // The standard error of the mean is 20 / sqrt(5600), about 0.27 minutes; allow more than four of them.
        assertThat(mean).isCloseTo(25.0, within(1.25));

        // Beyond the minimum gap the wait is exponential: it outlasts its mean about e^-1 of the time.
        double longerThanMean = gapMinutes.stream().filter(g -> g - 5.0 > 20.0).count() / (double) gapMinutes.size();
        assertThat(longerThanMean).isCloseTo(Math.exp(-1), within(0.03));
        double longerThanTwiceMean = gapMinutes.stream().filter(g -> g - 5.0 > 40.0).count()
                / (double) gapMinutes.size();
        assertThat(longerThanTwiceMean).isCloseTo(Math.exp(-2), within(0.02));
    }

    @Test
    void theSameSeedGivesTheSameAmbushes() {
        AmbushSettings defaults = AmbushSettings.defaults(LONDON);
        Instant from = at(MONDAY, "00:00");
        Instant to = at(MONDAY.plusWeeks(4), "00:00");
        List<Instant> first = new AmbushSchedule(defaults, new SplittableRandom(99)).between(from, to, NONE);
        List<Instant> second = new AmbushSchedule(defaults, new SplittableRandom(99)).between(from, to, NONE);
        List<Instant> other = new AmbushSchedule(defaults, new SplittableRandom(100)).between(from, to, NONE);
        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aGapTooLongForACenturyFailsInsteadOfSearchingForever() {
        AmbushSettings absurd = settings(Duration.ofDays(365L * 10_000), "09:00", "10:00",
                EnumSet.of(DayOfWeek.SUNDAY), Duration.ofMinutes(1));
        AmbushSchedule schedule = new AmbushSchedule(absurd, drawing(0.5));
        assertThatThrownBy(() -> schedule.next(at(MONDAY, "00:00"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than a century");
    }

    // --- clock changes (Europe/London: the last Sundays of March and October)

    @Test
    void springForwardCountsOnlyTheHoursThatHappen() {
        LocalDate change = lastSunday(2024, Month.MARCH);
        AmbushSchedule schedule = new AmbushSchedule(
                settings(Duration.ofHours(1), "00:00", "04:00", EVERY_DAY, Duration.ofMinutes(1)), drawing(0.5));
        // 01:00 GMT jumps to 02:00 BST: two hours after midnight the wall clock reads 03:00, and the window (00:00 to
        // 04:00 by the wall clock) holds only three real hours that night.
        assertThat(schedule.advance(at(change, "00:00"), Duration.ofHours(2))).isEqualTo(at(change, "03:00"));
        assertThat(schedule.advance(at(change, "00:00"), Duration.ofHours(3)))
                .isEqualTo(at(change.plusDays(1), "00:00"));
    }

    @Test
    void fallBackCountsTheRepeatedHourOnce() {
        LocalDate change = lastSunday(2024, Month.OCTOBER);
        AmbushSchedule schedule = new AmbushSchedule(
                settings(Duration.ofHours(1), "00:00", "04:00", EVERY_DAY, Duration.ofMinutes(1)), drawing(0.5));
        // 02:00 BST falls back to 01:00 GMT: the window holds five real hours, and four and a half of them after
        // midnight BST the wall clock reads 03:30 GMT.
        Instant midnight = ZonedDateTime.of(change, LocalTime.MIDNIGHT, LONDON).toInstant();
        assertThat(schedule.advance(midnight, Duration.ofMinutes(270)))
                .isEqualTo(ZonedDateTime.of(change, LocalTime.of(3, 30), ZoneId.of("Z")).toInstant());
        assertThat(schedule.advance(midnight, Duration.ofHours(5))).isEqualTo(at(change.plusDays(1), "00:00"));
    }

    @Test
    void windowEdgesInsideAClockChangeKeepAmbushesInsideTheHoursOnTheWallClock() {
        AmbushSchedule schedule = new AmbushSchedule(
                settings(Duration.ofHours(1), "01:30", "03:00", EVERY_DAY, Duration.ofMinutes(1)), drawing(0.5));
        // 01:30 never shows in spring: the window opens as the clock jumps to 02:00 BST, i.e. 01:00 UTC.
        LocalDate spring = lastSunday(2024, Month.MARCH);
        assertThat(schedule.earliestAllowed(at(spring, "00:00")))
                .isEqualTo(LocalDateTime.of(spring, LocalTime.of(1, 0)).toInstant(java.time.ZoneOffset.UTC));
        // 01:30 shows twice in autumn: opening at the first would let the replayed 01:00-01:30 in.
        LocalDate autumn = lastSunday(2024, Month.OCTOBER);
        assertThat(schedule.earliestAllowed(at(autumn, "00:00")))
                .isEqualTo(LocalDateTime.of(autumn, LocalTime.of(1, 30)).toInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void ambushesAroundClockChangesStayInsideTheHoursOnTheWallClock() {
        List<AmbushSettings> nights = List.of(
                settings(Duration.ofMinutes(10), "00:30", "02:30", EVERY_DAY, Duration.ofMinutes(1)),
                settings(Duration.ofMinutes(10), "23:00", "01:30", EVERY_DAY, Duration.ofMinutes(1)),
                settings(Duration.ofMinutes(10), "01:30", "03:00", EVERY_DAY, Duration.ofMinutes(1)),
                settings(Duration.ofMinutes(10), "00:00", "01:30", EVERY_DAY, Duration.ofMinutes(1)));
        for (int year = 2024; year <= 2026; year++) {
            for (LocalDate change : List.of(lastSunday(year, Month.MARCH), lastSunday(year, Month.OCTOBER))) {
                for (AmbushSettings night : nights) {
                    List<Instant> ambushes = new AmbushSchedule(night, new SplittableRandom(year))
                            .between(at(change.minusDays(3), "12:00"), at(change.plusDays(3), "12:00"),
                                    Optional.empty());
                    assertThat(ambushes)
                            .as("%s to %s around %s", night.windowStart(), night.windowEnd(), change)
                            .hasSizeGreaterThan(10)
                            .allSatisfy(a -> assertThat(insideHours(night, a)).as("%s", a.atZone(LONDON)).isTrue());
                    assertGapsAtLeast(ambushes, night.minGap());
                }
            }
        }
    }

    // --- helpers

    private static AmbushSettings settings(Duration meanGap, String start, String end, Set<DayOfWeek> days,
                                           Duration minGap) {
        return new AmbushSettings(meanGap, LocalTime.parse(start), LocalTime.parse(end), days, minGap, LONDON);
    }

    private static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), LONDON).toInstant();
    }

    private static LocalDate lastSunday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    }

    /** A generator whose every draw is {@code u}, to pin the exponential gap to a known value. */
    private static RandomGenerator drawing(double u) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    /** Whether the wall clock at {@code instant} reads inside the allowed hours of an allowed day. */
    private static boolean insideHours(AmbushSettings settings, Instant instant) {
        ZonedDateTime local = instant.atZone(settings.zone());
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (!settings.windowWrapsMidnight()) {
            return settings.days().contains(day) && !time.isBefore(settings.windowStart())
                    && time.isBefore(settings.windowEnd());
        }
        return settings.days().contains(day) && !time.isBefore(settings.windowStart())
                || settings.days().contains(day.minus(1)) && time.isBefore(settings.windowEnd());
    }

    /** Allowed time between two instants, summed day by day for windows that do not wrap midnight. */
    private static Duration allowedBetween(AmbushSettings settings, Instant from, Instant to) {
        assertThat(settings.windowWrapsMidnight()).isFalse();
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, settings.zone());
        LocalDate first = LocalDate.ofInstant(from, settings.zone());
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!settings.days().contains(date.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(date, settings.windowStart(), settings.zone()).toInstant();
            Instant close = ZonedDateTime.of(date, settings.windowEnd(), settings.zone()).toInstant();
            Instant start = open.isAfter(from) ? open : from;
            Instant end = close.isBefore(to) ? close : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private static void assertGapsAtLeast(List<Instant> ambushes, Duration minGap) {
        for (int i = 1; i < ambushes.size(); i++) {
            assertThat(Duration.between(ambushes.get(i - 1), ambushes.get(i)))
                    .as("gap before %s", ambushes.get(i)).isGreaterThanOrEqualTo(minGap);
        }
    }
}
