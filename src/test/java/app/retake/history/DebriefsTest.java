package app.retake.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebriefsTest {

    @TempDir
    Path dir;

    @Test
    void savingADebriefLogsItAndOneDebriefAttemptPerQuestionAsked() throws IOException {
        AttemptLog log = AttemptLog.in(dir);
        Debriefs debriefs = new Debriefs(dir, log);
        Debrief debrief = new Debrief(OffsetDateTime.parse("2026-11-21T18:00:00+01:00"), LocalDate.of(2026, 11, 21),
                "me", "Acme Ltd", "Office manager", List.of("open-about-you", "mot-why-leaving", "beh-conflict"),
                Set.of("MOT-why-leaving"), "Prepare a forward-looking reason for leaving.\nPractise STAR stories.");
        debriefs.save(debrief, id -> "core");

        Debriefs.Result read = debriefs.readAll();
        assertThat(read.problems()).isEmpty();
        assertThat(read.debriefs()).containsExactly(debrief);

        List<Attempt> attempts = log.readAll().attempts();
        assertThat(attempts).hasSize(3).allSatisfy(a -> {
            assertThat(a.mode()).isEqualTo(Mode.DEBRIEF);
            assertThat(a.time()).isEqualTo(OffsetDateTime.parse("2026-11-21T12:00:00+01:00")
                    .atZoneSameInstant(java.time.ZoneId.systemDefault()).withHour(12).toOffsetDateTime());
        });
        assertThat(attempts).extracting(a -> a.questionId() + "=" + a.selfRating().orElseThrow().label())
                .containsExactly("open-about-you=good", "mot-why-leaving=unprepared", "beh-conflict=good");
    }

    @Test
    void aQuestionCannotBeUnpreparedWithoutHavingBeenAsked() {
        assertThatThrownBy(() -> new Debrief(OffsetDateTime.now(), LocalDate.now(), "me", "", "", List.of("a"),
                Set.of("b"), "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"b\"");
    }
}
