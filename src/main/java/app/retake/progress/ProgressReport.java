package app.retake.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.drill.Preparedness;
import app.retake.drill.QuestionMemory;
import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.speech.MetricsSummary;

/**
 * Everything the Progress dashboard shows for one profile, worked out from the attempt log at one moment. Pure:
 * no files, no clock of its own, so the same rows always give the same report.
 *
 * <p>Practice figures (takes per day, the streak, the per-session series) leave out {@link Mode#DEBRIEF} rows:
 * those record a real interview after the fact, not a take answered in Retake. The unprepared list and the weak
 * categories do count them, as the drill does.
 *
 * @param attempts       rows of the log for this profile, debriefs included; zero means nothing to show yet
 * @param takes          practice takes of this profile (debriefs left out)
 * @param unprepared     questions still on the unprepared list, worst first
 * @param weakCategories categories with at least one rated question, weakest first
 * @param takesPerDay    the last {@value #DAYS} days, oldest first, ending today
 * @param sessions       one point per practice session, oldest first
 */
public record ProgressReport(String profile, LocalDate today, int attempts, int takes, List<Unprepared> unprepared,
                             List<CategoryWeakness> weakCategories, List<DayCount> takesPerDay, Streak streak,
                             List<SessionPoint> sessions) {

    /** How many days the takes-per-day figure covers. */
    public static final int DAYS = 30;
    /** Category shown for a question that is in the log but no longer in any bank. */
    public static final String NO_BANK = "(not in any bank)";

    public ProgressReport {
        unprepared = List.copyOf(unprepared);
        weakCategories = List.copyOf(weakCategories);
        takesPerDay = List.copyOf(takesPerDay);
        sessions = List.copyOf(sessions);
    }

    /** Whether the profile has no rows at all yet. */
    public boolean isEmpty() {
        return attempts == 0;
    }

    /** Practice takes on the last day of {@link #takesPerDay}, that is today. */
    public int takesToday() {
        return takesPerDay.isEmpty() ? 0 : takesPerDay.get(takesPerDay.size() - 1).takes();
    }

    /** Practice takes over the last {@value #DAYS} days. */
    public int takesLast30Days() {
        return takesPerDay.stream().mapToInt(DayCount::takes).sum();
    }

    /** The ids of the unprepared list, worst first: what "drill these" hands to the drill. */
    public List<String> unpreparedIds() {
        return unprepared.stream().map(Unprepared::questionId).toList();
    }

    /**
     * A question still on the unprepared list.
     *
     * @param inBank   false when the question has left every bank; then text is its id
     * @param weakness the drill's weakness at the report's moment, 0.8 to 1 for a flagged question
     */
    public record Unprepared(String questionId, String text, String category, List<String> talkingPoints,
                             Rating lastRating, Instant lastRated, int takes, double weakness, boolean inBank) {
        public Unprepared {
            talkingPoints = List.copyOf(talkingPoints);
        }
    }

    /**
     * How weak a category is. Ranked by {@code meanWeakness}: the mean, over the category's questions this profile
     * has rated, of the drill's current weakness. That figure forgets a weakness once it is fixed and grows as
     * answers fade, it counts each question once however often it was retaken, and it agrees with what the drill
     * springs next. {@code weakTakes / ratedTakes} (takes rated unprepared or shaky) is kept as the plain-spoken
     * supporting figure, but it never forgets an early stumble, so it does not decide the order.
     *
     * @param questionsRated      questions of this category rated at least once
     * @param questionsUnprepared of those, how many are still on the unprepared list
     */
    public record CategoryWeakness(String category, int questionsRated, int questionsUnprepared,
                                   double meanWeakness, int ratedTakes, int weakTakes) {

        /** Share of rated takes that were unprepared or shaky, 0 to 1. */
        public double weakTakeShare() {
            return ratedTakes == 0 ? 0 : (double) weakTakes / ratedTakes;
        }
    }

    /** Practice takes on one day. */
    public record DayCount(LocalDate day, int takes) {
    }

    /**
     * Consecutive days with at least one practice take.
     *
     * @param days           the streak's length; 0 when neither today nor yesterday had a take
     * @param practisedToday whether today already counts; if not, the streak ends yesterday and lasts until midnight
     */
    public record Streak(int days, boolean practisedToday) {
    }

    /**
     * One practice session's figures for the charts. Each mean covers only the takes whose logged metrics have
     * that figure, so a take without a transcript does not drag the pace to zero; empty when no take had it.
     *
     * @param goodShare share of rated takes rated good or nailed, 0 to 1; empty when no take was rated
     */
    public record SessionPoint(String session, LocalDate date, Instant start, int takes, OptionalDouble wordsPerMinute,
                               OptionalDouble longPauses, OptionalDouble fillersPerMinute, OptionalDouble goodShare) {
    }

    /** Replays {@code attempts} for {@code profile} and reports on them. */
    public static ProgressReport compute(Collection<Attempt> attempts, QuestionLibrary library, String profile,
                                         Instant now, ZoneId zone) {
        return compute(attempts, library, Preparedness.replay(attempts, profile), profile, now, zone);
    }

    /**
     * Reports on {@code attempts} for {@code profile}, reusing a replay already made.
     *
     * @param memory the replay of the same attempts for the same profile
     */
    public static ProgressReport compute(Collection<Attempt> attempts, QuestionLibrary library, Preparedness memory,
                                         String profile, Instant now, ZoneId zone) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        if (!memory.profile().equalsIgnoreCase(profile)) {
            throw new IllegalArgumentException(
                    "the replay is of \"" + memory.profile() + "\", not \"" + profile + "\"");
        }
        Map<String, Question> questions = new HashMap<>();
        for (Question q : library.questions()) {
            questions.putIfAbsent(key(q.id()), q);
        }
        List<Attempt> mine = new ArrayList<>();
        List<Attempt> practice = new ArrayList<>();
        for (Attempt a : attempts) {
            if (a.profile().equalsIgnoreCase(profile)) {
                mine.add(a);
                if (a.mode() != Mode.DEBRIEF) {
                    practice.add(a);
                }
            }
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        return new ProgressReport(profile, today, mine.size(), practice.size(), unprepared(memory, questions, now),
                weakCategories(mine, memory, questions, now), takesPerDay(practice, today, zone),
                streak(practice, today, zone), sessions(practice, zone));
    }

    private static List<Unprepared> unprepared(Preparedness memory, Map<String, Question> questions, Instant now) {
        List<Unprepared> list = new ArrayList<>();
        for (QuestionMemory m : memory.memories().values()) {
            if (!m.flaggedUnprepared()) {
                continue;
            }
            Question q = questions.get(key(m.questionId()));
            list.add(new Unprepared(q == null ? m.questionId() : q.id(), q == null ? m.questionId() : q.text(),
                    q == null ? NO_BANK : q.category(), q == null ? List.of() : q.talkingPoints(), m.lastRating(),
                    m.lastReview(), m.takes(), memory.weakness(m.questionId(), now), q != null));
        }
        // The same order the drill uses for its worst-first list, so the page and the drill agree.
        list.sort(Comparator.comparingDouble(Unprepared::weakness).reversed()
                .thenComparing(u -> key(u.questionId())));
        return list;
    }

    private static List<CategoryWeakness> weakCategories(List<Attempt> mine, Preparedness memory,
                                                         Map<String, Question> questions, Instant now) {
        final class Tally {
            int questionsRated;
            int questionsUnprepared;
            double weaknessSum;
            int ratedTakes;
            int weakTakes;
        }
        Map<String, Tally> byCategory = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (QuestionMemory m : memory.memories().values()) {
            Question q = questions.get(key(m.questionId()));
            if (q == null) {
                continue; // no category to put it in
            }
            Tally t = byCategory.computeIfAbsent(q.category(), c -> new Tally());
            t.questionsRated++;
            t.questionsUnprepared += m.flaggedUnprepared() ? 1 : 0;
            t.weaknessSum += memory.weakness(m.questionId(), now);
        }
        for (Attempt a : mine) {
            Question q = questions.get(key(a.questionId()));
            if (q == null || a.effectiveRating().isEmpty()) {
                continue;
            }
            Tally t = byCategory.get(q.category());
            if (t == null) {
                continue;
            }
            Rating r = a.effectiveRating().get();
            t.ratedTakes++;
            t.weakTakes += r == Rating.UNPREPARED || r == Rating.SHAKY ? 1 : 0;
        }
        List<CategoryWeakness> list = new ArrayList<>();
        byCategory.forEach((category, t) -> list.add(new CategoryWeakness(category, t.questionsRated,
                t.questionsUnprepared, t.weaknessSum / t.questionsRated, t.ratedTakes, t.weakTakes)));
        list.sort(Comparator.comparingDouble(CategoryWeakness::meanWeakness).reversed()
                .thenComparing(Comparator.comparingDouble(CategoryWeakness::weakTakeShare).reversed())
                .thenComparing(CategoryWeakness::category, String.CASE_INSENSITIVE_ORDER));
        return list;
    }

    private static List<DayCount> takesPerDay(List<Attempt> practice, LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<LocalDate, Integer> counts = new HashMap<>();
        for (Attempt a : practice) {
            LocalDate day = day(a.time(), zone);
            if (!day.isBefore(first) && !day.isAfter(today)) {
                counts.merge(day, 1, Integer::sum);
            }
        }
        List<DayCount> days = new ArrayList<>(DAYS);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            days.add(new DayCount(d, counts.getOrDefault(d, 0)));
        }
        return days;
    }

    private static Streak streak(List<Attempt> practice, LocalDate today, ZoneId zone) {
        Set<LocalDate> days = new HashSet<>();
        for (Attempt a : practice) {
            days.add(day(a.time(), zone));
        }
        boolean practisedToday = days.contains(today);
        // A streak is still alive during the day after the last take: it only breaks once a whole day is missed.
        LocalDate from = practisedToday ? today : today.minusDays(1);
        int length = 0;
        for (LocalDate d = from; days.contains(d); d = d.minusDays(1)) {
            length++;
        }
        return new Streak(length, practisedToday);
    }

    private static List<SessionPoint> sessions(List<Attempt> practice, ZoneId zone) {
        Map<String, List<Attempt>> bySession = new LinkedHashMap<>();
        for (Attempt a : practice) {
            bySession.computeIfAbsent(sessionKey(a, zone), k -> new ArrayList<>()).add(a);
        }
        List<SessionPoint> points = new ArrayList<>();
        for (List<Attempt> takes : bySession.values()) {
            Attempt first = takes.stream().min(Comparator.comparing(a -> a.time().toInstant())).orElseThrow();
            int rated = 0;
            int good = 0;
            for (Attempt a : takes) {
                if (a.effectiveRating().isPresent()) {
                    rated++;
                    Rating r = a.effectiveRating().get();
                    good += r == Rating.GOOD || r == Rating.NAILED ? 1 : 0;
                }
            }
            points.add(new SessionPoint(first.session(), day(first.time(), zone), first.time().toInstant(),
                    takes.size(), mean(takes, MetricsSummary.WORDS_PER_MINUTE),
                    mean(takes, MetricsSummary.LONG_PAUSES), mean(takes, MetricsSummary.FILLERS_PER_MINUTE),
                    rated == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) good / rated)));
        }
        points.sort(Comparator.comparing(SessionPoint::start).thenComparing(SessionPoint::session));
        return points;
    }

    /** Rows without a session id are grouped by the day they were taken, so each such day is one point. */
    static String sessionKey(Attempt a, ZoneId zone) {
        return a.session().isBlank() ? "\u0000" + day(a.time(), zone) : a.session();
    }

    private static OptionalDouble mean(List<Attempt> takes, String metric) {
        double sum = 0;
        int n = 0;
        for (Attempt a : takes) {
            OptionalDouble value = MetricsSummary.number(a.metrics(), metric);
            if (value.isPresent()) {
                sum += value.getAsDouble();
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    static LocalDate day(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDate();
    }

    static String key(String questionId) {
        return questionId.toLowerCase(Locale.ROOT);
    }
}
