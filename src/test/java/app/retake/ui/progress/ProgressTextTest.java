package app.retake.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.progress.TakeRef;

class ProgressTextTest {

    private static TakeRef take(Optional<Rating> rating, Map<String, String> metrics) {
        Attempt a = new Attempt(OffsetDateTime.parse("2026-05-04T10:15:30Z"), "s", "take-01", "q1", "core",
                Mode.SOLO, "me", rating, Optional.empty(), Duration.ofSeconds(42), Optional.empty(), Optional.empty(),
                metrics);
        return new TakeRef(a, "Why us?", "motivation", Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theHistorySaysWhichTakesRetakeDiedDuring() {
        assertThat(ProgressText.rating(take(Optional.empty(), Map.of(Attempt.INTERRUPTED, "yes"))))
                .isEqualTo("interrupted");
        assertThat(ProgressText.rating(take(Optional.of(Rating.SHAKY), Map.of(Attempt.INTERRUPTED, "yes"))))
                .isEqualTo("shaky · interrupted");
        assertThat(ProgressText.rating(take(Optional.empty(), Map.of()))).isEqualTo("not rated");
        assertThat(ProgressText.rating(take(Optional.of(Rating.GOOD), Map.of()))).isEqualTo("good");
    }
}
