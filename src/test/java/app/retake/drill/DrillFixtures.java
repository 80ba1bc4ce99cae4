package app.retake.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;

/** Small builders shared by the drill tests. */
final class DrillFixtures {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private DrillFixtures() {
    }

    static Question question(String id, String category, String... tags) {
        return new Question(id, category, "Question " + id + "?", List.of("a", "b"), List.of(), List.of(tags),
                Difficulty.MEDIUM, "", Map.of(), "core", 0);
    }

    static Attempt rated(String id, Instant at, Rating rating) {
        return rated(id, at, rating, "me");
    }

    static Attempt rated(String id, Instant at, Rating rating, String profile) {
        return new Attempt(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), "s", "t", id, "core", Mode.SOLO, profile,
                Optional.of(rating), Optional.empty(), Duration.ofMinutes(2), Optional.empty(), Optional.empty(),
                Map.of());
    }

    static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 1440)));
    }
}
