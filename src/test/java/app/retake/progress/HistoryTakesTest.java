package app.retake.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;

/** TakeHistory: sessions of takes, search over question and transcript text, and deleting takes safely. */
class HistoryTakesTest {

    static final ZoneId UTC = ZoneOffset.UTC;

    @TempDir
    Path dir;

    Path data;
    QuestionLibrary library;
    AttemptLog log;

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        library = ProgressFixtures.library(dir,
                "q-one,behavioural,Tell me about a conflict with a coworker.,",
                "q-two,technical,Explain how a hash map works.,");
        log = AttemptLog.in(data);
        record(row("me", "s1", "t1", "q-one", "2026-03-09T10:00:00Z"), "we argued about the release plan");
        record(row("me", "s1", "t2", "q-two", "2026-03-09T10:05:00Z"), "buckets and a hash function");
        record(row("sam", "s1", "t9", "q-one", "2026-03-09T11:00:00Z"), "sam talks about the calendar");
        record(row("me", "s2", "t3", "q-one", "2026-03-10T09:00:00Z"), "i managed the shared calendar");
        Files.writeString(data.resolve("2026-03-09/s1/notes.txt"), "my own notes, not a take's");
        Files.writeString(data.resolve("2026-03-09/s1/t1.recording.mp4"), "left by a crash");
        Files.writeString(data.resolve("2026-03-09/s1/t1.review.json.damaged"), "{ set aside");
    }

    private static Attempt row(String profile, String session, String take, String question, String time) {
        String day = time.substring(0, 10);
        String stem = day + "/" + session + "/" + take;
        return new Attempt(OffsetDateTime.parse(time), session, take, question, "test", Mode.SOLO, profile,
                Optional.of(Rating.GOOD), Optional.empty(), Duration.ofSeconds(80), Optional.of(stem + ".mp4"),
                Optional.of(stem + ".transcript.json"), Map.of("wpm", "131.0"));
    }

    /** Appends the row and writes every file a take has. */
    private void record(Attempt a, String said) throws IOException {
        log.append(a);
        Path mp4 = data.resolve(a.recording().orElseThrow());
        Files.createDirectories(mp4.getParent());
        Files.writeString(mp4, "video of " + a.take());
        Files.writeString(data.resolve(a.transcript().orElseThrow()), ProgressFixtures.transcriptJson(said));
        Files.writeString(mp4.resolveSibling(a.take() + ".vtt"), "WEBVTT\n");
        Files.writeString(mp4.resolveSibling(a.take() + ".review.json"), "{}");
    }

    private TakeHistory history() {
        return TakeHistory.load(data, library, "me", UTC);
    }

    private TakeRef find(TakeHistory history, String take) {
        return history.takes().stream().filter(t -> t.take().equals(take)).findFirst().orElseThrow();
    }

    private List<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private List<String> takeIdsInLog() {
        return log.readAll().attempts().stream().map(Attempt::take).toList();
    }

    @Test
    void sessionsListTheirTakesNewestSessionFirstForOneProfile() {
        TakeHistory h = history();
        assertThat(h.sessions()).extracting(SessionTakes::session).containsExactly("s2", "s1");
        assertThat(h.sessions().get(1).takes()).extracting(TakeRef::take).containsExactly("t1", "t2");
        assertThat(h.sessions().get(1).takes().get(1).questionText()).isEqualTo("Explain how a hash map works.");
        assertThat(h.takes()).extracting(t -> t.attempt().profile()).containsOnly("me");
        TakeRef t3 = find(h, "t3");
        assertThat(t3.video()).contains(data.toAbsolutePath().resolve("2026-03-10/s2/t3.mp4"));
        assertThat(t3.files().orElseThrow().review()).isEqualTo(data.toAbsolutePath()
                .resolve("2026-03-10/s2/t3.review.json"));
    }

    @Test
    void deletingATakeRemovesItsFilesAndItsRowAndNothingElse() throws IOException {
        List<Path> before = allFiles(dir);
        Deletion d = history().delete(find(history(), "t1"));

        Path s1 = data.toAbsolutePath().resolve("2026-03-09/s1");
        List<Path> expected = List.of(s1.resolve("t1.mp4"), s1.resolve("t1.recording.mp4"),
                s1.resolve("t1.transcript.json"), s1.resolve("t1.vtt"), s1.resolve("t1.review.json"),
                s1.resolve("t1.review.json.damaged"));
        assertThat(d.rowsRemoved()).isEqualTo(1);
        assertThat(d.filesDeleted()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(d.foldersRemoved()).isEmpty();
        List<Path> after = allFiles(dir);
        List<Path> gone = new ArrayList<>(before);
        gone.removeAll(after);
        assertThat(gone).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(after).contains(s1.resolve("notes.txt"), s1.resolve("t2.mp4"), s1.resolve("t9.mp4"));
        assertThat(takeIdsInLog()).containsExactly("t2", "t9", "t3");
        assertThat(log.readAll().problems()).isEmpty();
        assertThat(d.summary()).isEqualTo("Deleted 1 take from the history and 6 files from disk.");
    }

    @Test
    void deletingASessionRemovesEveryTakeOfThatProfileAndFoldersLeftEmpty() throws IOException {
        TakeHistory h = history();
        Deletion s2 = h.deleteSession(h.sessions().get(0));
        assertThat(s2.rowsRemoved()).isEqualTo(1);
        assertThat(s2.foldersRemoved()).containsExactly(data.toAbsolutePath().resolve("2026-03-10/s2"),
                data.toAbsolutePath().resolve("2026-03-10"));
        assertThat(data.resolve("2026-03-10")).doesNotExist();

        Deletion s1 = h.deleteSession(h.sessions().get(1));
        assertThat(s1.rowsRemoved()).isEqualTo(2);
        // Sam's take and the user's own notes share the folder, so it stays.
        assertThat(s1.foldersRemoved()).isEmpty();
        assertThat(takeIdsInLog()).containsExactly("t9");
        assertThat(data.resolve("2026-03-09/s1/t9.mp4")).exists();
        assertThat(data.resolve("2026-03-09/s1/notes.txt")).exists();
        assertThat(data.resolve(AttemptLog.FILE_NAME)).exists();
    }

    @Test
    void filesNamedOutsideTheDataRootAreNeverDeleted() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("evil.mp4"), "not Retake's");
        Files.writeString(outside.resolve("evil.transcript.json"), "not Retake's");
        Files.writeString(outside.resolve("t5.review.json"), "not Retake's");
        log.append(new Attempt(OffsetDateTime.parse("2026-03-10T12:00:00Z"), "..", "t5", "q-one", "test",
                Mode.SOLO, "me", Optional.empty(), Optional.empty(), Duration.ZERO,
                Optional.of("../outside/evil.mp4"), Optional.of(outside.resolve("evil.transcript.json").toString()),
                Map.of()));
        // A row pointing straight at the log itself must not take the log with it.
        log.append(new Attempt(OffsetDateTime.parse("2026-03-10T12:01:00Z"), "s3", "t6", "q-one", "test",
                Mode.SOLO, "me", Optional.empty(), Optional.empty(), Duration.ZERO,
                Optional.of(AttemptLog.FILE_NAME), Optional.empty(), Map.of()));
        List<Path> before = allFiles(dir);
        TakeHistory h = history();
        Deletion d5 = h.delete(find(h, "t5"));
        Deletion d6 = h.delete(find(h, "t6"));
        assertThat(d5.rowsRemoved()).isEqualTo(1);
        assertThat(d5.filesDeleted()).isEmpty();
        assertThat(d5.notes()).anyMatch(n -> n.contains("outside the data folder"));
        assertThat(d6.rowsRemoved()).isEqualTo(1);
        assertThat(d6.filesDeleted()).isEmpty();
        assertThat(allFiles(dir)).containsExactlyElementsOf(before);
        assertThat(takeIdsInLog()).containsExactly("t1", "t2", "t9", "t3");
    }

    @Test
    void aFolderLinkedOutsideTheDataRootIsNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("t8.mp4"), "someone else's video");
        Files.createDirectories(data.resolve("2026-03-10"));
        Files.createSymbolicLink(data.resolve("2026-03-10/s8"), elsewhere);
        log.append(row("me", "s8", "t8", "q-two", "2026-03-10T13:00:00Z"));
        TakeHistory h = history();
        Deletion d = h.delete(find(h, "t8"));
        assertThat(d.rowsRemoved()).isEqualTo(1);
        assertThat(d.filesDeleted()).isEmpty();
        assertThat(d.notes()).anyMatch(n -> n.contains("leads outside the data folder"));
        assertThat(elsewhere.resolve("t8.mp4")).hasContent("someone else's video");
    }

    @Test
    void aFileAnotherTakeStillNamesIsKept() throws IOException {
        Attempt t3 = log.readAll().attempts().get(3);
        log.append(new Attempt(t3.time().plusMinutes(1), "s2", "t3-rerated", "q-one", "test", Mode.SOLO, "me",
                Optional.of(Rating.NAILED), Optional.empty(), t3.duration(), t3.recording(), Optional.empty(),
                Map.of()));
        TakeHistory h = history();
        Deletion d = h.delete(find(h, "t3"));
        assertThat(d.rowsRemoved()).isEqualTo(1);
        // The other row names the recording, so every file of that take (transcript, review…) stays with it.
        assertThat(data.resolve("2026-03-10/s2/t3.mp4")).exists();
        assertThat(data.resolve("2026-03-10/s2/t3.transcript.json")).exists();
        assertThat(data.resolve("2026-03-10/s2/t3.review.json")).exists();
        assertThat(d.filesDeleted()).isEmpty();
        assertThat(d.notes()).anyMatch(n -> n.contains("another take still uses it"));
    }

    @Test
    void deletingRefusesAndChangesNothingWhenTheLogHasUnreadableRows() throws IOException {
        Files.writeString(log.file(), "2026-03-10T13:00:00Z,s9,t9,q-one,test,solo,me,brilliant,,1.0,,,\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(log.file(), "2026-03-10T13:05:00Z,s9,t10,q-one,test,solo,me,good,,1.0,,,\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        byte[] logBefore = Files.readAllBytes(log.file());
        List<Path> before = allFiles(dir);
        TakeHistory h = history();
        assertThatThrownBy(() -> h.delete(find(h, "t1"))).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read").hasMessageContaining("nothing was deleted");
        assertThat(Files.readAllBytes(log.file())).isEqualTo(logBefore);
        assertThat(allFiles(dir)).containsExactlyElementsOf(before);
    }

    @Test
    void rowsAppendedAfterTheHistoryWasLoadedSurviveADelete() throws IOException {
        TakeHistory h = history();
        log.append(row("me", "s4", "t7", "q-two", "2026-03-10T14:00:00Z"));
        h.delete(find(h, "t2"));
        assertThat(takeIdsInLog()).containsExactly("t1", "t9", "t3", "t7");
        Deletion again = h.delete(find(h, "t2"));
        assertThat(again.rowsRemoved()).isZero();
        assertThat(again.summary()).contains("no longer in the attempt log");
    }

    @Test
    void searchFindsTakesByQuestionTextAndByWhatWasSaid() {
        TakeHistory h = history();
        assertThat(takes(h.search("HASH map"))).containsExactly("t2");
        assertThat(takes(h.search("calendar"))).containsExactly("t3");
        // Words may come from the question and the transcript together.
        assertThat(takes(h.search("conflict release"))).containsExactly("t1");
        assertThat(takes(h.search("coworker"))).containsExactly("t3", "t1");
        assertThat(takes(h.search("  "))).containsExactly("t3", "t1", "t2");
        assertThat(h.search("zebra")).isEmpty();
        assertThat(h.transcriptText(find(h, "t2"))).isEqualTo("buckets and a hash function");
    }

    @Test
    void searchSurvivesAMissingOrBrokenTranscript() throws IOException {
        Files.delete(data.resolve("2026-03-09/s1/t2.transcript.json"));
        Files.writeString(data.resolve("2026-03-10/s2/t3.transcript.json"), "{ not json");
        TakeHistory h = history();
        assertThat(takes(h.search("calendar"))).isEmpty();
        assertThat(takes(h.search("hash"))).containsExactly("t2");
    }

    private static List<String> takes(List<SessionTakes> sessions) {
        return sessions.stream().flatMap(s -> s.takes().stream()).map(TakeRef::take).toList();
    }
}
