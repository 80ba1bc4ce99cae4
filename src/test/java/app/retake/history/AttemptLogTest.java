package app.retake.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
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

import app.retake.storage.FileProblem;

class AttemptLogTest {

    @TempDir
    Path dir;

    static Attempt attempt(String question, OffsetDateTime time, Rating self) {
        return new Attempt(time, "s1", "t-" + question, question, "core", Mode.SOLO, "me", Optional.ofNullable(self),
                Optional.empty(), Duration.ofSeconds(95), Optional.empty(), Optional.empty(), Map.of());
    }

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T09:30:00+01:00");

    @Test
    void everyFieldSurvivesAppendAndRead() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        Attempt full = new Attempt(T0, "2026-11-20-a", "take-7", "beh-conflict", "core", Mode.FRIEND, "sam",
                Optional.of(Rating.SHAKY), Optional.of(Rating.GOOD), Duration.ofMillis(123_456),
                Optional.of("2026-11-20/a/take-7.mp4"), Optional.of("2026-11-20/a/take-7.transcript.json"),
                Map.of("wpm", "142.5", "pauses_over_2s", "3"));
        log.append(full);
        log.append(attempt("open-about-you", T0.plusMinutes(5), null));
        AttemptLog.History history = log.readAll();
        assertThat(history.problems()).isEmpty();
        assertThat(history.schema()).isEqualTo(AttemptLog.SCHEMA);
        assertThat(history.attempts()).hasSize(2);
        assertThat(history.attempts().get(0)).isEqualTo(full);
        assertThat(history.attempts().get(1).selfRating()).isEmpty();
        List<String> lines = Files.readAllLines(log.file());
        assertThat(lines.get(0)).isEqualTo("# retake attempt log, schema=1");
        assertThat(lines.get(1)).startsWith("time,session,take,question,bank,mode,profile,self_rating");
    }

    @Test
    void aTornLastLineLosesOnlyThatRowAndTheNextAppendRepairsTheFile() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        log.append(attempt("q1", T0, Rating.GOOD));
        log.append(attempt("q2", T0.plusMinutes(1), Rating.NAILED));
        log.append(attempt("q3", T0.plusMinutes(2), Rating.SHAKY));
        long size = Files.size(log.file());
        try (RandomAccessFile raf = new RandomAccessFile(log.file().toFile(), "rw")) {
            raf.setLength(size - 20); // killed in the middle of writing q3's row
        }
        AttemptLog.History torn = log.readAll();
        assertThat(torn.attempts()).extracting(Attempt::questionId).containsExactly("q1", "q2");
        assertThat(torn.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).startsWith("incomplete last row");
        });

        log.append(attempt("q4", T0.plusMinutes(3), Rating.GOOD));
        AttemptLog.History repaired = log.readAll();
        assertThat(repaired.problems()).isEmpty();
        assertThat(repaired.attempts()).extracting(Attempt::questionId).containsExactly("q1", "q2", "q4");
        assertThat(Files.readString(dir.resolve("attempts.csv.torn"))).startsWith("2026-11-20T09:32:00+01:00,s1");
    }

    @Test
    void aDamagedRowInTheMiddleIsReportedAndEveryOtherRowKept() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        log.append(attempt("q1", T0, Rating.GOOD));
        Files.writeString(log.file(), "2026-11-20T09:31:00+01:00,s1,\"broken,q2,core,solo,me,good,,1,,,\n"
                + "not-a-time,s1,t,q3,core,solo,me,good,,1,,,\n"
                + "2026-11-20T09:33:00+01:00,s1,t,q4,core,solo,me,superb,,1,,,\n", java.nio.file.StandardOpenOption.APPEND);
        log.append(attempt("q5", T0.plusMinutes(4), Rating.NAILED));
        AttemptLog.History history = log.readAll();
        assertThat(history.attempts()).extracting(Attempt::questionId).containsExactly("q1", "q5");
        assertThat(history.problems()).extracting(FileProblem::line).containsExactly(4L, 5L, 6L);
        assertThat(history.problems()).extracting(FileProblem::reason).containsExactly(
                "damaged row (unbalanced quotes); skipped",
                "unreadable time \"not-a-time\"; row skipped",
                "unknown rating \"superb\" in self_rating; row skipped");
    }

    @Test
    void rowsFromAnOlderLayoutAreRead() throws IOException {
        Files.writeString(dir.resolve("attempts.csv"), "# retake attempt log, schema=0\n"
                + "time,question,self_rating\n2026-01-02T10:00:00Z,q1,unprepared\n", StandardCharsets.UTF_8);
        AttemptLog.History history = AttemptLog.in(dir).readAll();
        assertThat(history.schema()).isZero();
        assertThat(history.problems()).isEmpty();
        Attempt a = history.attempts().get(0);
        assertThat(a.questionId()).isEqualTo("q1");
        assertThat(a.mode()).isEqualTo(Mode.SOLO);
        assertThat(a.profile()).isEqualTo(Attempt.DEFAULT_PROFILE);
        assertThat(a.selfRating()).contains(Rating.UNPREPARED);
    }

    @Test
    void appendingToAFileWithForeignColumnsChangesNothing() throws IOException {
        Path file = dir.resolve("attempts.csv");
        String foreign = "when,what\n2026-01-02,q1\n";
        Files.writeString(file, foreign);
        assertThatThrownBy(() -> AttemptLog.in(dir).append(attempt("q2", T0, Rating.GOOD)))
                .isInstanceOf(IOException.class).hasMessageContaining("nothing was added");
        assertThat(Files.readString(file)).isEqualTo(foreign);
    }

    @Test
    void aMissingLogIsAnEmptyHistory() {
        AttemptLog.History history = AttemptLog.in(dir.resolve("nowhere")).readAll();
        assertThat(history.attempts()).isEmpty();
        assertThat(history.problems()).isEmpty();
    }

    @Test
    void timestampsWithFractionsOrZuluAreReadToo() {
        assertThat(AttemptLog.Timestamps.parse("2026-11-20T09:30:00Z")).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(AttemptLog.Timestamps.parse("2026-11-20T09:30:00-05:30").getOffset().getTotalSeconds())
                .isEqualTo(-(5 * 3600 + 1800));
        assertThat(AttemptLog.Timestamps.parse("2026-11-20T09:30:00.250+01:00").getNano()).isEqualTo(250_000_000);
    }

    @Test
    void theInterviewersRatingCountsWhenItIsWorse() {
        Attempt a = new Attempt(T0, "s", "t", "q", "b", Mode.FRIEND, "me", Optional.of(Rating.NAILED),
                Optional.of(Rating.SHAKY), Duration.ZERO, Optional.empty(), Optional.empty(), Map.of());
        assertThat(a.effectiveRating()).contains(Rating.SHAKY);
    }

    @Test
    void aRowWithBytesThatAreNotUtf8CostsOnlyThatRowAndTheLogStillGrows() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        log.append(attempt("q1", T0, Rating.GOOD));
        // A spreadsheet saved one row in Latin-1: "Zoë" as the single byte 0xEB.
        byte[] latin1 = "2026-11-20T09:31:00+01:00,s1,t2,q2,core,solo,Zo\u00eb,good,,1,,,\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(log.file(), latin1, java.nio.file.StandardOpenOption.APPEND);
        log.append(attempt("q3", T0.plusMinutes(2), Rating.SHAKY));

        AttemptLog.History history = log.readAll();

        assertThat(history.attempts()).extracting(Attempt::questionId).containsExactly("q1", "q3");
        assertThat(history.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(log.file());
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reason()).startsWith("contains bytes that are not UTF-8 text");
        });
    }

    @Test
    void aQuoteLeftOpenCostsOnlyItsOwnLineEvenWhenAQuoteLaterClosesIt() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        log.append(attempt("q1", T0, Rating.GOOD));
        Files.writeString(log.file(), "2026-11-20T09:31:00+01:00,s1,\"t2,q2,core,solo,me,good,,1,,,\n",
                java.nio.file.StandardOpenOption.APPEND);
        log.append(attempt("q3", T0.plusMinutes(2), Rating.SHAKY));
        Files.writeString(log.file(), "rubbish,\"closes it\",x\n", java.nio.file.StandardOpenOption.APPEND);
        log.append(attempt("q5", T0.plusMinutes(4), Rating.NAILED));

        AttemptLog.History history = log.readAll();

        assertThat(history.attempts()).extracting(Attempt::questionId).containsExactly("q1", "q3", "q5");
        assertThat(history.problems()).extracting(FileProblem::line).containsExactly(4L, 6L);
    }

    @Test
    void aHeaderLongerThanAnyBufferDoesNotHideTheRowsAfterIt() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        Files.writeString(log.file(), "time,question" + ",extra".repeat(20_000) + "\n2026-11-20T09:31:00+01:00,q1\n");
        AttemptLog.History history = log.readAll();
        assertThat(history.problems()).isEmpty();
        assertThat(history.attempts()).extracting(Attempt::questionId).containsExactly("q1");
    }

    @Test
    void aDamagedHeaderRowIsReportedAndTheRowsAfterItAreReadInRetakesOwnOrder() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        log.append(attempt("q1", T0, Rating.GOOD));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log.file()));
        lines.set(1, "\"" + lines.get(1));
        Files.write(log.file(), lines);

        AttemptLog.History history = log.readAll();

        assertThat(history.problems()).extracting(FileProblem::line).containsExactly(2L);
        assertThat(history.attempts()).containsExactly(attempt("q1", T0, Rating.GOOD));
    }
}
