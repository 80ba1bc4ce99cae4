package app.retake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;

/** retake export, run as a user types it. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private void rate(String question, Rating rating, long minutesAgo, String profile) throws IOException {
        AttemptLog.in(dir.resolve("data")).append(new Attempt(OffsetDateTime.now().minusMinutes(minutesAgo), "s",
                "t" + minutesAgo, question, "core", Mode.SOLO, profile, Optional.of(rating), Optional.empty(),
                Duration.ofMinutes(2), Optional.empty(), Optional.empty(), Map.of("wpm", "120.0")));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void writesTheProfilesTakesAndItsUnpreparedListAndSaysHowManyRows() throws IOException {
        rate("mot-why-leaving-current", Rating.UNPREPARED, 3000, "me");
        rate("open-tell-me-about-yourself", Rating.UNPREPARED, 60, "me");
        rate("open-tell-me-about-yourself", Rating.GOOD, 30, "me");
        rate("sw-greatest-weakness", Rating.UNPREPARED, 20, "sam");
        Path attempts = dir.resolve("attempts.csv");
        Path unprepared = dir.resolve("unprepared.csv");
        CliTest.Run r = CliTest.run("export", "--attempts", attempts.toString(), "--unprepared",
                unprepared.toString(), "--data", dir.resolve("data").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote 3 rows (takes of \"me\") to " + attempts)
                .contains("Wrote 1 row (unprepared questions of \"me\") to " + unprepared);
        assertThat(lines(attempts)).hasSize(4);
        assertThat(lines(attempts).get(0)).startsWith("\uFEFFdate,time,timestamp,session,take,question_id");
        assertThat(lines(unprepared)).hasSize(2);
        assertThat(lines(unprepared).get(1)).startsWith("1,mot-why-leaving-current,");
    }

    @Test
    void withNothingToExportItSaysWhatToGive() {
        CliTest.Run r = CliTest.run("export", "--data", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--attempts FILE, --unprepared FILE, or both");
    }
}
