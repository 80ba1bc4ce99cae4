package app.retake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.faults.TakeFixtures;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;

/** retake retention and retake delete-profile, run as a user types them. */
class PrivacyCommandsTest {

    @TempDir
    Path dir;

    private TakeFiles take(Path data, LocalDate day, String profile, Path video) throws Exception {
        TakeFixtures.make(new TakeFixtures.Spec(data, day, "session-090000", "take-" + profile, profile,
                Optional.of(video), true, Optional.of(Rating.GOOD)));
        return TakeFiles.of(data, day, "session-090000", "take-" + profile);
    }

    @Test
    void retentionPrintsWhatItDeletesAndADryRunDeletesNothing() throws Exception {
        Path data = dir.resolve("data");
        Path video = TakeFixtures.tinyVideo(dir.resolve("source"));
        TakeFiles old = take(data, LocalDate.now().minusDays(40), "me", video);
        TakeFiles young = take(data, LocalDate.now().minusDays(1), "me", video);
        Files.writeString(data.resolve("settings.json"), "{\"keepVideoDays\": 30}");

        CliTest.Run dry = CliTest.run("retention", "--dry-run", "--data", data.toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would delete " + data.relativize(old.video()))
                .contains("Would delete 1 video older than 30 days");
        assertThat(old.video()).exists();

        CliTest.Run run = CliTest.run("retention", "--data", data.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("deleted " + data.relativize(old.video()));
        assertThat(old.video()).doesNotExist();
        assertThat(old.transcript()).exists();
        assertThat(young.video()).exists();
    }

    @Test
    void retentionWithTheDefaultSettingKeepsEverything() throws Exception {
        CliTest.Run run = CliTest.run("retention", "--data", dir.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Videos are kept until you delete them");
    }

    @Test
    void deleteProfileWantsYesAndThenDeletesOnlyThatProfile() throws Exception {
        Path data = dir.resolve("data");
        Path video = TakeFixtures.tinyVideo(dir.resolve("source"));
        TakeFiles sam = take(data, LocalDate.now(), "sam", video);
        TakeFiles alex = take(data, LocalDate.now(), "alex", video);

        CliTest.Run unsure = CliTest.run("delete-profile", "sam", "--data", data.toString());
        assertThat(unsure.exit()).isEqualTo(2);
        assertThat(unsure.err()).contains("Add --yes to confirm");
        assertThat(sam.video()).exists();

        CliTest.Run run = CliTest.run("delete-profile", "sam", "--yes", "--data", data.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Deleted everything of sam: 1 row of the attempt log, ");
        assertThat(sam.video()).doesNotExist();
        assertThat(sam.transcript()).doesNotExist();
        assertThat(alex.video()).exists();
        assertThat(AttemptLog.in(data).readAll().attempts()).extracting(a -> a.profile()).containsExactly("alex");
    }
}
