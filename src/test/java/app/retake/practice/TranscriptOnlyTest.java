package app.retake.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.bank.QuestionLibrary;
import app.retake.capture.VideoFrame;
import app.retake.drill.SpringFilter;
import app.retake.faults.TrialKit;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.review.SelfCheck;
import app.retake.settings.Privacy;
import app.retake.settings.Settings;
import app.retake.speech.FileTranscriber;
import app.retake.speech.MetricsSummary;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/**
 * "Transcript only": the camera is never opened and no video is written; the sound is kept only until the
 * transcript exists, and transcript, measurements and ratings remain.
 */
class TranscriptOnlyTest {

    static final Path MODEL = Path.of(System.getProperty("retake.model.dir", "models/vosk-model-en-us"));

    @TempDir
    Path dir;

    private Settings transcriptOnly(Path wav) {
        // The camera is chosen; only the privacy setting keeps it off.
        return TrialKit.headless(wav).withPrivacy(new Privacy(Privacy.FOREVER, true));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private TakeResult record(Practice practice, PracticeSession session, AtomicInteger frames) throws Exception {
        LiveTake take = practice.startTake(session, session.spring().orElseThrow().question(), new LiveTake.Listener() {
            @Override
            public void frame(VideoFrame frame) {
                frames.incrementAndGet();
            }
        });
        while (take.elapsedSeconds() < 3) {
            Thread.sleep(20);
        }
        return take.stop();
    }

    @Test
    void aTranscriptOnlyTakeKeepsTheTranscriptAndMeasurementsButNoVideoAndNoSound() throws Exception {
        Path wav = TrialKit.answerWav(dir.resolve("audio"), 1);
        Path banks = TrialKit.bank(dir.resolve("banks"));
        Path data = Files.createDirectories(dir.resolve("data"));
        try (SpeechModelService speech = new SpeechModelService(MODEL)) {
            Assumptions.assumeTrue(speech.loadInBackground().join() instanceof ModelStatus.Ready,
                    "speech model missing");
            Settings settings = transcriptOnly(wav);
            Practice practice = TrialKit.practice(data, banks, speech, () -> settings);
            PracticeSession session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY),
                    Optional.empty()).session();
            AtomicInteger frames = new AtomicInteger();
            TakeResult take = record(practice, session, frames);
            Attempt row = session.log(take, Optional.of(Rating.GOOD), SelfCheck.EMPTY, session.now());

            assertThat(frames).as("camera frames").hasValue(0);
            assertThat(take.stats().framesCaptured()).isZero();
            TakeFiles files = take.files();
            assertThat(names(data)).noneMatch(n -> n.endsWith(".mp4"));
            assertThat(files.transcript()).isRegularFile();
            assertThat(Files.readString(files.transcript())).contains("team");
            assertThat(take.metrics()).isPresent();
            assertThat(VideoGone.read(files).map(VideoGone::reason)).contains(VideoGone.Reason.TRANSCRIPT_ONLY);
            assertThat(row.recording()).isEmpty();
            assertThat(row.transcript()).isPresent();
            assertThat(MetricsSummary.number(row.metrics(), MetricsSummary.WORDS_PER_MINUTE)).isPresent();
            assertThat(row.selfRating()).contains(Rating.GOOD);

            SavedTakes.Opened opened = SavedTakes.open(files, Optional.empty(), settings.metricSettings());
            assertThat(opened.take().transcript()).isPresent();
            assertThat(opened.take().notes()).anyMatch(n -> n.startsWith("Recorded with \"Transcript only\" on"));
        }
    }

    @Test
    void withoutTheModelTheSoundIsKeptUntilLateTranscriptionThenDeleted() throws Exception {
        Path wav = TrialKit.answerWav(dir.resolve("audio"), 1);
        Path banks = TrialKit.bank(dir.resolve("banks"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Settings settings = transcriptOnly(wav);
        TakeResult take;
        PracticeSession session;
        try (SpeechModelService loading = new SpeechModelService(dir.resolve("no-model"))) {
            Practice practice = TrialKit.practice(data, banks, loading, () -> settings);
            session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY), Optional.empty())
                    .session();
            take = record(practice, session, new AtomicInteger());
            session.log(take, Optional.of(Rating.SHAKY), SelfCheck.EMPTY, session.now());
        }
        TakeFiles files = take.files();
        assertThat(names(data)).noneMatch(n -> n.endsWith(".mp4") && !n.endsWith(TakeFiles.SOUND_SUFFIX));
        assertThat(files.sound()).as("kept for the transcript still to come").isRegularFile();
        assertThat(files.transcript()).doesNotExist();
        assertThat(take.notes()).anyMatch(n -> n.contains("the sound is kept until this take has been transcribed"));
        assertThat(LateTranscription.pending(data)).containsExactly(files);

        try (SpeechModelService speech = new SpeechModelService(MODEL)) {
            Assumptions.assumeTrue(speech.loadInBackground().join() instanceof ModelStatus.Ready,
                    "speech model missing");
            LateTranscription.Outcome outcome = LateTranscription.run(data, new FileTranscriber(
                    speech.model().orElseThrow(), "test"), QuestionLibrary.loadFolder(banks),
                    settings.metricSettings());
            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.transcribed()).containsExactly(files);
        }
        assertThat(files.transcript()).isRegularFile();
        assertThat(files.sound()).doesNotExist();
        assertThat(names(data)).noneMatch(n -> n.endsWith(".mp4"));
        assertThat(VideoGone.read(files).map(VideoGone::reason)).contains(VideoGone.Reason.TRANSCRIPT_ONLY);
        Attempt row = AttemptLog.in(data).readAll().attempts().get(0);
        assertThat(row.transcript()).as("the row now names the transcript").isPresent();
        assertThat(data.resolve(row.transcript().get())).isEqualTo(files.transcript());
        assertThat(MetricsSummary.number(row.metrics(), MetricsSummary.WORDS_PER_MINUTE)).isPresent();
        assertThat(row.selfRating()).contains(Rating.SHAKY);
        assertThat(LateTranscription.pending(data)).isEmpty();
    }
}
