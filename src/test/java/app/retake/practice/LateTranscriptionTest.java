package app.retake.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.SpokenWavs;
import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.capture.Cameras;
import app.retake.capture.FileMicrophone;
import app.retake.drill.Preparedness;
import app.retake.drill.SpringFilter;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.review.SelfCheck;
import app.retake.speech.FileTranscriber;
import app.retake.speech.MetricSettings;
import app.retake.speech.MetricsSummary;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/** A take recorded before the speech model was ready gets its transcript and measurements once it is. */
class LateTranscriptionTest {

    static final Path MODEL = Path.of(System.getProperty("retake.model.dir", "models/vosk-model-en-us"));

    @TempDir
    Path dir;

    @Test
    void aTakeRecordedWithoutTheModelIsTranscribedLaterAndItsLogRowGainsMeasurements() throws Exception {
        Path wav = SpokenWavs.say(dir, "answer",
                "I would talk to my manager first and then agree on a plan with the team.", 16_000, "pad", "0.3",
                "0.5");
        Path data = Files.createDirectories(dir.resolve("data"));
        QuestionLibrary library = QuestionLibrary.loadFolder(Path.of("question-banks"));
        Question question = library.questions().get(0);
        AttemptLog log = AttemptLog.in(data);
        PracticeSession session = new PracticeSession(data, log, List.of(question),
                Preparedness.replay(List.<Attempt>of(), Attempt.DEFAULT_PROFILE),
                PracticeSession.quickDrill(SpringFilter.ANY), Mode.SOLO, Clock.systemDefaultZone(),
                new SplittableRandom(1));

        TakeResult spoken;
        try (SpeechModelService noModel = new SpeechModelService(dir.resolve("no-model"))) {
            Devices devices = new Devices(Optional.empty(), Optional.of(new FileMicrophone(wav, false)), 30,
                    List.of());
            LiveTake take = LiveTake.start(Optional.of(question), session.newTake(), devices, noModel,
                    MetricSettings.defaults(), LiveTake.Listener.NONE);
            while (take.elapsedSeconds() < 5.5) {
                Thread.sleep(50);
            }
            spoken = take.stop();
        }
        assertThat(spoken.transcript()).isEmpty();
        assertThat(spoken.notes()).anyMatch(n -> n.contains("transcribed once it is"));
        session.log(spoken, Optional.of(Rating.SHAKY), SelfCheck.EMPTY, session.now());

        Devices cameraOnly = new Devices(Cameras.open("synthetic", Cameras.STANDARD, 30), Optional.empty(), 30,
                List.of());
        LiveTake silent = LiveTake.start(Optional.of(question), session.newTake(), cameraOnly,
                new SpeechModelService(dir.resolve("no-model")), MetricSettings.defaults(), LiveTake.Listener.NONE);
        Thread.sleep(500);
        silent.stop();

        assertThat(LateTranscription.pending(data)).hasSize(2);
        try (SpeechModelService speech = new SpeechModelService(MODEL)) {
            ModelStatus status = speech.loadInBackground().join();
            Assumptions.assumeTrue(status instanceof ModelStatus.Ready, "speech model missing");
            FileTranscriber transcriber = new FileTranscriber(speech.model().orElseThrow(), "test");
            LateTranscription.Outcome outcome = LateTranscription.run(data, transcriber, library,
                    MetricSettings.defaults());
            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.transcribed()).containsExactly(spoken.files());
        }
        assertThat(spoken.files().transcript()).isRegularFile();
        assertThat(Files.readString(spoken.files().transcript())).contains("manager");
        assertThat(spoken.files().subtitles()).isRegularFile();
        Attempt row = log.readAll().attempts().get(0);
        assertThat(row.selfRating()).contains(Rating.SHAKY);
        assertThat(MetricsSummary.number(row.metrics(), MetricsSummary.WORDS_PER_MINUTE)).isPresent();
        assertThat(row.transcript()).isPresent();
        assertThat(LateTranscription.pending(data)).as("nothing left, the silent take is marked").isEmpty();
    }
}
