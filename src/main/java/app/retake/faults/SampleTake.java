package app.retake.faults;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.retake.capture.AudioChunk;
import app.retake.capture.RecorderSettings;
import app.retake.capture.Resolution;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.SyntheticDevice;
import app.retake.capture.TakeRecorder;
import app.retake.capture.TakeStats;
import app.retake.capture.VideoFrame;
import app.retake.capture.WavFiles;
import app.retake.history.TakeFiles;
import app.retake.speech.Transcript;
import app.retake.speech.Word;

/**
 * A real take, recorded once per run the way Retake records one (the synthetic camera's pictures and a voice-like
 * tone through the take recorder, H.264 and AAC in an MP4), for trials that damage copies of it.
 */
final class SampleTake {

    /** Length of the sample take. */
    static final double SECONDS = 2;
    static final double FPS = 30;
    static final int RATE = 16_000;

    private static Path recorded;

    private SampleTake() {
    }

    /** The sample take's MP4; recorded on first use (about two seconds), then the same file for the whole run. */
    static synchronized Path video() throws IOException {
        if (recorded != null && Files.isRegularFile(recorded)) {
            return recorded;
        }
        Path dir = Files.createTempDirectory("retake-sample-take-");
        TakeFiles files = TakeFiles.of(dir, LocalDate.of(2024, 5, 1), "session-sample", "take-01");
        Path wav = dir.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, SECONDS, RATE);
        short[] voice = WavFiles.read(wav).mono();
        Files.delete(wav);
        // Fed as fast as the encoder takes it: the recorder places everything by its capture time, not by when it came.
        TakeRecorder recorder = new TakeRecorder(files, RecorderSettings.of(new Resolution(320, 240), FPS, RATE), 60);
        long start = 1_000_000_000L;
        recorder.start(start);
        SyntheticDevice camera = new SyntheticDevice();
        camera.setResolution(new Dimension(320, 240));
        camera.open();
        try {
            int chunk = RATE / 50;
            int frames = (int) Math.round(SECONDS * FPS);
            int sent = 0;
            for (int i = 0; i < frames; i++) {
                BufferedImage image = camera.getImage();
                recorder.offerVideo(new VideoFrame(start + Math.round(i * 1e9 / FPS), i, image));
                for (; sent + chunk <= voice.length && sent < (i + 1) * RATE / FPS; sent += chunk) {
                    recorder.offerAudio(new AudioChunk(start + Math.round(sent * 1e9 / RATE), RATE,
                            java.util.Arrays.copyOfRange(voice, sent, sent + chunk)));
                }
            }
        } finally {
            camera.close();
        }
        TakeStats stats = recorder.stop();
        if (stats.stopReason().isPresent() || !Files.isRegularFile(files.video())) {
            throw new IOException("the sample take could not be recorded: " + stats.stopReason().orElse("no file"));
        }
        files.video().toFile().deleteOnExit();
        files.dir().toFile().deleteOnExit();
        recorded = files.video();
        return recorded;
    }

    /** What the sample take "says": word timings within its two seconds, as a transcript file holds them. */
    static Transcript transcript() {
        String[] said = {"I", "would", "talk", "to", "my", "manager", "first"};
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < said.length; i++) {
            words.add(new Word(said[i], 0.2 + i * 0.25, 0.4 + i * 0.25, 0.9));
        }
        return new Transcript(words, SECONDS, "sample");
    }
}
