package app.retake.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user logs after a real interview.
 *
 * @param logged     when it was written down
 * @param date       the day of the interview
 * @param asked      ids of the questions they were asked, in order
 * @param unprepared the ids among {@code asked} that caught them unprepared
 * @param lessons    what they learned and want to change next time
 */
public record Debrief(OffsetDateTime logged, LocalDate date, String profile, String company, String role,
                      List<String> asked, Set<String> unprepared, String lessons) {

    public Debrief {
        Objects.requireNonNull(logged, "logged");
        Objects.requireNonNull(date, "date");
        profile = profile == null || profile.isBlank() ? Attempt.DEFAULT_PROFILE : profile;
        company = company == null ? "" : company.strip();
        role = role == null ? "" : role.strip();
        asked = List.copyOf(asked);
        Set<String> askedKeys = asked.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String id : unprepared) {
            if (!askedKeys.contains(id.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("\"" + id + "\" is marked unprepared but is not among the "
                        + "questions asked");
            }
        }
        unprepared = unprepared.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        lessons = lessons == null ? "" : lessons.strip();
    }

    /**
     * How the interview counts for one asked question: a failed review if it caught the user unprepared,
     * otherwise a good one (they were asked it for real and handled it).
     */
    public Rating ratingFor(String questionId) {
        return unprepared.contains(questionId.toLowerCase(Locale.ROOT)) ? Rating.UNPREPARED : Rating.GOOD;
    }
}
