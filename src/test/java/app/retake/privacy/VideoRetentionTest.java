package app.retake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.bank.QuestionLibrary;
import app.retake.faults.TakeFixtures;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.practice.SavedTakes;
import app.retake.progress.TakeHistory;
import app.retake.progress.TakeRef;
import app.retake.speech.MetricSettings;

/** "Keep videos for N days" deletes old videos and nothing else, and the history and Review say why. */
class VideoRetentionTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 20);

    @TempDir
    static Path shared;
    static Path video;

    @TempDir
    Path data;

    @BeforeAll
    static void recordOnce() throws Exception {
        video = TakeFixtures.tinyVideo(shared.resolve("source"));
    }

    private TakeFiles take(LocalDate day, String session, String take, boolean transcript) throws Exception {
        TakeFixtures.make(new TakeFixtures.Spec(data, day, session, take, "me", Optional.of(video), transcript,
                Optional.of(Rating.GOOD)));
        return TakeFiles.of(data, day, session, take);
    }

    @Test
    void videosOlderThanTheSettingGoAndEverythingElseOfThemStays() throws Exception {
        TakeFiles old = take(TODAY.minusDays(10), "session-090000", "take-01", true);
        TakeFiles edge = take(TODAY.minusDays(7), "session-090000", "take-01", true);
        TakeFiles young = take(TODAY.minusDays(2), "session-100000", "take-01", true);
        String log = Files.readString(data.resolve(AttemptLog.FILE_NAME));
        String transcript = Files.readString(old.transcript());
        String review = Files.readString(old.review());

        VideoRetention.Outcome outcome = VideoRetention.run(data, 7, TODAY, false);

        assertThat(outcome.deleted()).containsExactly(old.video().toAbsolutePath().normalize());
        assertThat(old.video()).doesNotExist();
        assertThat(edge.video()).as("kept seven whole days after its day").exists();
        assertThat(young.video()).exists();
        assertThat(Files.readString(old.transcript())).isEqualTo(transcript);
        assertThat(old.subtitles()).exists();
        assertThat(Files.readString(old.review())).isEqualTo(review);
        assertThat(Files.readString(data.resolve(AttemptLog.FILE_NAME))).as("the log is not rewritten")
                .isEqualTo(log);
        assertThat(VideoGone.read(old)).contains(VideoGone.retention(TODAY, 7));
        assertThat(outcome.summary()).startsWith("Deleted 1 video older than 7 days");
    }

    @Test
    void aTakeNotTranscribedYetKeepsItsVideoUntilItIs() throws Exception {
        TakeFiles waiting = take(TODAY.minusDays(30), "session-090000", "take-01", false);
        VideoRetention.Outcome outcome = VideoRetention.run(data, 7, TODAY, false);
        assertThat(waiting.video()).exists();
        assertThat(outcome.waiting()).hasSize(1);
        assertThat(outcome.summary()).contains("not transcribed yet");

        Files.writeString(waiting.noSound(), "recorded without a microphone\n");
        VideoRetention.run(data, 7, TODAY, false);
        assertThat(waiting.video()).as("a take without sound has nothing to transcribe").doesNotExist();
    }

    @Test
    void aDryRunListsWithoutDeletingAndForeverTouchesNothing() throws Exception {
        TakeFiles old = take(TODAY.minusDays(400), "session-090000", "take-01", true);
        VideoRetention.Outcome dry = VideoRetention.run(data, 30, TODAY, true);
        assertThat(dry.deleted()).hasSize(1);
        assertThat(dry.summary()).startsWith("Would delete 1 video");
        assertThat(old.video()).exists();
        assertThat(old.videoGone()).doesNotExist();

        VideoRetention.Outcome forever = VideoRetention.run(data, 0, TODAY, false);
        assertThat(forever.deleted()).isEmpty();
        assertThat(old.video()).exists();
    }

    @Test
    void historyAndReviewSayTheVideoWasDeletedAndStillShowTranscriptAndRating() throws Exception {
        TakeFiles old = take(TODAY.minusDays(10), "session-090000", "take-01", true);
        VideoRetention.run(data, 7, TODAY, false);

        TakeHistory history = TakeHistory.load(data, new QuestionLibrary(data, List.of(), List.of()), "me",
                ZoneId.systemDefault());
        TakeRef ref = history.takes().get(0);
        assertThat(ref.videoGone().map(VideoGone::label)).contains("video deleted (retention)");
        Attempt row = ref.attempt();
        assertThat(row.recording()).as("the row keeps the path the video had").isPresent();
        assertThat(row.selfRating()).contains(Rating.GOOD);
        assertThat(row.metrics()).containsEntry("wpm", "142");

        SavedTakes.Opened opened = SavedTakes.open(old, Optional.empty(), MetricSettings.defaults());
        assertThat(opened.take().transcript()).isPresent();
        assertThat(opened.take().metrics()).isPresent();
        assertThat(opened.review().rating()).contains(Rating.GOOD);
        assertThat(opened.take().notes()).anyMatch(n -> n.startsWith("The video was deleted on 2025-03-20 because "
                + "videos are kept for 7 days"));
        assertThat(opened.take().notes()).noneMatch(n -> n.contains("missing"));
    }

    @Test
    void deletingATakeAlsoDeletesTheNoteAboutItsVideo() throws Exception {
        TakeFiles old = take(TODAY.minusDays(10), "session-090000", "take-01", true);
        VideoRetention.run(data, 7, TODAY, false);
        TakeHistory history = TakeHistory.load(data, new QuestionLibrary(data, List.of(), List.of()), "me",
                ZoneId.systemDefault());
        history.delete(history.takes().get(0));
        assertThat(old.videoGone()).doesNotExist();
        assertThat(old.dir()).doesNotExist();
    }
}
