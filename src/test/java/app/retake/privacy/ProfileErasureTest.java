package app.retake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.faults.TakeFixtures;
import app.retake.history.AttemptLog;
import app.retake.history.Debrief;
import app.retake.history.Debriefs;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;

/** Deleting everything of a profile leaves nothing of it and everything of the others. */
class ProfileErasureTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 20);

    @TempDir
    static Path shared;
    static Path video;

    @TempDir
    Path data;

    @BeforeAll
    static void recordOnce() throws Exception {
        video = TakeFixtures.tinyVideo(shared.resolve("source"));
    }

    private TakeFiles take(String session, String take, String profile) throws IOException {
        TakeFixtures.make(new TakeFixtures.Spec(data, DAY, session, take, profile, Optional.of(video), true,
                Optional.of(Rating.SHAKY)));
        return TakeFiles.of(data, DAY, session, take);
    }

    private void debrief(String profile, String company) throws IOException {
        OffsetDateTime logged = OffsetDateTime.now().withNano(0);
        new Debriefs(data, AttemptLog.in(data)).save(new Debrief(logged, logged.toLocalDate(), profile, company,
                "engineer", List.of("t-lead"), Set.of(), ""), id -> "trial");
    }

    @Test
    void everythingOfTheProfileGoesAndTheOtherProfilesKeepTheirs() throws Exception {
        TakeFiles mine = take("session-090000", "take-01", "sam");
        // A friend's interview: both profiles' takes in one session folder.
        TakeFiles sharedFolder = take("session-100000", "take-01", "sam");
        TakeFiles theirs = take("session-100000", "take-02", "alex");
        VideoGone.transcriptOnly(DAY).write(mine);
        Files.writeString(mine.noSound(), "recorded without a microphone\n");
        Files.copy(video, mine.sound());
        debrief("sam", "Acme");
        debrief("alex", "Globex");
        Map<String, String> theirFiles = TakeFixtures.contents(theirs.dir());
        theirFiles.keySet().removeIf(f -> !f.startsWith("take-02."));

        ProfileErasure.Result result = ProfileErasure.erase(data, "Sam");

        assertThat(mine.dir()).as("the session folder only sam used").doesNotExist();
        assertThat(sharedFolder.video()).doesNotExist();
        assertThat(sharedFolder.transcript()).doesNotExist();
        assertThat(sharedFolder.review()).doesNotExist();
        Map<String, String> left = TakeFixtures.contents(theirs.dir());
        assertThat(left).isEqualTo(theirFiles);
        var rows = AttemptLog.in(data).readAll().attempts();
        assertThat(rows).isNotEmpty().allMatch(a -> a.profile().equals("alex"));
        var debriefs = new Debriefs(data, AttemptLog.in(data)).readAll();
        assertThat(debriefs.problems()).isEmpty();
        assertThat(debriefs.debriefs()).extracting(Debrief::company).containsExactly("Globex");
        assertThat(result.debriefs()).isEqualTo(1);
        assertThat(result.takes().rowsRemoved()).as("two takes and the debrief's question").isEqualTo(3);
        assertThat(result.summary()).startsWith("Deleted everything of Sam: 3 rows of the attempt log, ");
    }

    @Test
    void anUnreadableLogRowRefusesAndDeletesNothing() throws Exception {
        TakeFiles mine = take("session-090000", "take-01", "sam");
        debrief("sam", "Acme");
        Files.writeString(data.resolve(AttemptLog.FILE_NAME), "broken,row\n", StandardOpenOption.APPEND);
        Map<String, String> before = TakeFixtures.contents(data);

        assertThatThrownBy(() -> ProfileErasure.erase(data, "sam")).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read").hasMessageContaining("nothing was deleted");

        assertThat(TakeFixtures.contents(data)).isEqualTo(before);
        assertThat(mine.video()).exists();
    }

    @Test
    void aProfileWithNothingSaysSo() throws Exception {
        take("session-090000", "take-01", "alex");
        ProfileErasure.Result result = ProfileErasure.erase(data, "nobody");
        assertThat(result.summary()).isEqualTo("There was nothing of nobody to delete.");
        assertThat(AttemptLog.in(data).readAll().attempts()).hasSize(1);
    }
}
