package app.retake.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.capture.AudioChunk;
import app.retake.capture.WavFiles;

/** Real speech (espeak-ng) through the real model: batch files, and the live pipeline from a 48 kHz microphone. */
class TranscriptionTest {

    static final String SAID = "Tell me about a time you had a conflict with a colleague and how you resolved it";
    static SpeechModelService speech;

    @TempDir
    static Path dir;

    @BeforeAll
    static void loadModel() {
        speech = new SpeechModelService(Path.of(System.getProperty("retake.model.dir", "models/vosk-model-en-us")));
        assertThat(speech.loadInBackground().join()).isInstanceOf(ModelStatus.Ready.class);
    }

    @AfterAll
    static void close() {
        speech.close();
    }

    /** Speaks {@code text} with espeak-ng and converts it with sox to the given rate, mono 16-bit. */
    static Path speak(String text, int rate) throws Exception {
        return app.retake.SpokenWavs.say(dir, "said-" + rate, text, rate);
    }

    @Test
    void aRecordedAnswerIsTranscribedOnThisMachineWithWordTimings() throws Exception {
        Path wav = speak(SAID, 16_000);
        Transcript t = new FileTranscriber(speech.model().orElseThrow(), "small-en").transcribe(wav);
        assertThat(t.words()).isNotEmpty();
        assertThat(t.text()).contains("conflict");
        assertThat(WordErrorRate.of(SAID, t.text())).isLessThan(0.5);
        assertThat(t.words()).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
        assertThat(t.words()).allSatisfy(w -> assertThat(w.end()).isGreaterThanOrEqualTo(w.start()));
        assertThat(t.seconds()).isGreaterThan(t.words().get(t.words().size() - 1).end() - 0.01);
    }

    @Test
    void theLivePipelineFromA48kHzMicrophoneCostsNoAccuracy() throws Exception {
        Path wav16 = speak(SAID, 16_000);
        Transcript direct = new FileTranscriber(speech.model().orElseThrow(), "m").transcribe(wav16);
        // The recognizer itself can tip a borderline word between runs; the pipeline may add 1% beyond that.
        double ownVariation = WordErrorRate.of(direct.text(),
                new FileTranscriber(speech.model().orElseThrow(), "m").transcribe(wav16).text());
        Path mic = speak(SAID, 48_000);
        short[] samples = WavFiles.read(mic).mono();
        List<String> partials = new ArrayList<>();
        LiveTranscriber live = new LiveTranscriber(speech.model().orElseThrow(), "m", 50,
                new LiveTranscriber.Listener() {
                    @Override
                    public void partial(String text) {
                        partials.add(text);
                    }

                    @Override
                    public void segment(List<Word> words) {
                    }
                });
        int chunk = 48_000 / 50;
        for (int i = 0; i < samples.length; i += chunk) {
            short[] part = java.util.Arrays.copyOfRange(samples, i, Math.min(samples.length, i + chunk));
            live.accept(new AudioChunk(i * 1_000_000_000L / 48_000, 48_000, part));
            Thread.sleep(20); // as a microphone delivers: 20 ms of audio every 20 ms
        }
        Transcript pipeline = live.finish();
        assertThat(live.dropped()).isZero();
        assertThat(partials).anySatisfy(p -> assertThat(p).isNotBlank());
        assertThat(WordErrorRate.of(direct.text(), pipeline.text()))
                .as("direct: \"%s\"%npipeline: \"%s\"", direct.text(), pipeline.text())
                .isLessThanOrEqualTo(0.01 + ownVariation);
    }

    @Test
    void aFileWithoutSoundOrMissingIsAClearError() throws Exception {
        FileTranscriber transcriber = new FileTranscriber(speech.model().orElseThrow(), "m");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transcriber.transcribe(dir.resolve("none.wav")))
                .isInstanceOf(IOException.class).hasMessageContaining("none.wav");
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio at all");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transcriber.transcribe(text))
                .isInstanceOf(IOException.class).hasMessageContaining("notes.wav");
    }
}
