package app.retake.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.capture.TakeStats;
import app.retake.drill.Preparedness;
import app.retake.drill.SpringFilter;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.review.ReviewFiles;
import app.retake.review.SelfCheck;

class InterruptedTakesTest {

    @TempDir
    Path dir;

    private Path data;
    private PracticeSession session;
    private final Question question = new Question("q-fail", "behavioural", "Tell me about a failure.", List.of(),
            List.of(), List.of(), Difficulty.MEDIUM, "", Map.of(), "mine", 2);

    @BeforeEach
    void startSession() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        session = new PracticeSession(data, AttemptLog.in(data), List.of(question),
                Preparedness.replay(List.<Attempt>of(), "sam"), PracticeSession.quickDrill(SpringFilter.ANY),
                Mode.FRIEND, Clock.fixed(Instant.parse("2026-05-04T10:15:30Z"), ZoneOffset.UTC),
                new SplittableRandom(1));
    }

    @Test
    void aTakeRetakeDiedDuringIsLoggedAtTheNextStartMarkedInterruptedOnce() throws Exception {
        TakeFiles files = session.beginTake(question);
        Files.write(files.recording(), new byte[] {1, 2, 3}); // what a killed recorder leaves (unrepairable here)

        InterruptedTakes.Recovery recovery = InterruptedTakes.recover(data);

        assertThat(recovery.logged()).hasSize(1);
        Attempt row = AttemptLog.in(data).readAll().attempts().get(0);
        assertThat(row.interrupted()).isTrue();
        assertThat(row.metrics()).containsEntry(Attempt.INTERRUPTED, "yes");
        assertThat(row.questionId()).isEqualTo("q-fail");
        assertThat(row.bank()).isEqualTo("mine");
        assertThat(row.mode()).isEqualTo(Mode.FRIEND);
        assertThat(row.profile()).isEqualTo("sam");
        assertThat(row.session()).isEqualTo(session.id());
        assertThat(row.take()).isEqualTo(files.take());
        assertThat(row.time()).isEqualTo("2026-05-04T10:15:30Z");
        assertThat(row.recording()).contains("2026-05-04/" + session.id() + "/" + files.take()
                + TakeFiles.RECORDING_SUFFIX);
        assertThat(files.pending()).doesNotExist();
        assertThat(InterruptedTakes.recover(data).logged()).as("a second start adds nothing").isEmpty();
        assertThat(AttemptLog.in(data).readAll().attempts()).hasSize(1);
    }

    @Test
    void aTakeLoggedAsUsualIsNoLongerNotedAndNotLoggedAgain() throws Exception {
        TakeFiles files = session.beginTake(question);
        Files.write(files.video(), new byte[] {1});
        TakeResult result = new TakeResult(Optional.of(question), files, new TakeStats(files.video(), 0, 0, 0, 0, 1,
                0, 0, 1, Optional.empty()), Optional.empty(), Optional.empty(), Optional.empty(), 0, List.of());

        session.log(result, Optional.of(Rating.GOOD), SelfCheck.EMPTY, session.now());

        assertThat(files.pending()).doesNotExist();
        assertThat(InterruptedTakes.recover(data).logged()).isEmpty();
        assertThat(AttemptLog.in(data).readAll().attempts()).singleElement()
                .satisfies(a -> assertThat(a.interrupted()).isFalse());
    }

    @Test
    void aTakeThatDiedWhileBeingLoggedKeepsTheRatingItsReviewHolds() throws Exception {
        TakeFiles files = session.beginTake(question);
        Files.write(files.video(), new byte[] {1});
        ReviewFiles.write(files.review(), Optional.of(Rating.SHAKY), SelfCheck.EMPTY);

        InterruptedTakes.recover(data);

        Attempt row = AttemptLog.in(data).readAll().attempts().get(0);
        assertThat(row.selfRating()).contains(Rating.SHAKY);
        assertThat(row.interrupted()).isTrue();
    }

    @Test
    void aTakeThatNeverRecordedAnythingIsForgotten() throws Exception {
        TakeFiles files = session.beginTake(question);

        InterruptedTakes.Recovery recovery = InterruptedTakes.recover(data);

        assertThat(recovery.logged()).isEmpty();
        assertThat(files.pending()).doesNotExist();
        assertThat(AttemptLog.in(data).file()).doesNotExist();
    }

    @Test
    void aTakeThatCouldNotStartIsNoLongerNoted() throws Exception {
        TakeFiles files = session.beginTake(question);
        session.abandonTake(files);
        assertThat(files.pending()).doesNotExist();
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsNamedWhenATakeBegins() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        PracticeSession blocked = new PracticeSession(file, AttemptLog.in(file), List.of(question),
                Preparedness.replay(List.<Attempt>of(), "sam"), PracticeSession.quickDrill(SpringFilter.ANY),
                Mode.SOLO, Clock.systemUTC(), new SplittableRandom(1));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> blocked.beginTake(question))
                .hasMessage("Takes cannot be saved in the data folder " + file + " (part of the path is a file, "
                        + "not a folder). Choose another folder with --data DIR.");
    }
}
