package app.retake.ui.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import app.retake.progress.ProgressReport;
import app.retake.progress.TakeRef;

/** The sentences the Progress page shows, kept apart from the layout so they read the same everywhere. */
final class ProgressText {

    private ProgressText() {
    }

    static String streakHint(ProgressReport report) {
        ProgressReport.Streak streak = report.streak();
        if (streak.practisedToday()) {
            return "Practised today. Come back tomorrow to keep it going.";
        }
        if (streak.days() > 0) {
            return "Answer one question today to keep it going.";
        }
        return "Answer one question today to start a streak.";
    }

    /** "shaky · behavioural · 3 takes · 2 days ago". */
    static String unpreparedDetails(ProgressReport.Unprepared u, LocalDate today, ZoneId zone) {
        return "last " + u.lastRating().label() + " " + ago(u.lastRated(), today, zone) + " · " + u.category()
                + " · " + u.takes() + (u.takes() == 1 ? " take" : " takes");
    }

    /** "2 of 5 questions still unprepared · 40% of takes shaky or unprepared". */
    static String categoryDetails(ProgressReport.CategoryWeakness c) {
        String unprepared = c.questionsUnprepared() == 0
                ? c.questionsRated() + (c.questionsRated() == 1 ? " question" : " questions") + " practised"
                : c.questionsUnprepared() + " of " + c.questionsRated() + (c.questionsRated() == 1 ? " question" : " questions")
                + " still unprepared";
        return unprepared + " · " + Math.round(c.weakTakeShare() * 100) + "% of takes shaky or unprepared";
    }

    static String ago(Instant then, LocalDate today, ZoneId zone) {
        long days = Duration.between(then.atZone(zone).toLocalDate().atStartOfDay(),
                today.atStartOfDay()).toDays();
        return days <= 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }

    static String seconds(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * The history's rating cell: the rating or "not rated"; a take Retake died during says "interrupted", so the
     * user knows why it has no rating (or why it ends early).
     */
    static String rating(TakeRef take) {
        if (take.interrupted()) {
            return take.rating().map(r -> r.label() + " · interrupted").orElse("interrupted");
        }
        return take.rating().map(r -> r.label()).orElse("not rated");
    }
}
