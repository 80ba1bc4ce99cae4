package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import app.retake.capture.SyntheticAudio;
import app.retake.practice.Practice;
import app.retake.settings.Settings;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;
import app.retake.storage.Locations;

/**
 * What the privacy and load trials share: the speech model, a spoken answer to play as the microphone, a small
 * question bank and a {@link Practice} over a scratch data folder, all real.
 */
public final class TrialKit {

    /** The system property the build sets to the unpacked model; else Retake's usual places are searched. */
    public static final String MODEL_PROPERTY = "retake.model.dir";

    private TrialKit() {
    }

    /** The speech model folder: {@value #MODEL_PROPERTY} if set, else where Retake itself would look. */
    public static Path modelDir() {
        String set = System.getProperty(MODEL_PROPERTY);
        return set != null && !set.isBlank() ? Path.of(set) : Locations.resolve(null, null, null).modelDir();
    }

    /** Whether this is a CI build ({@code CI=true} in the environment), where nothing may be skipped. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Loads the speech model. When it cannot be loaded: on CI this fails with a sentence saying what to do; elsewhere
     * the service is returned without a model and the caller says what was not covered.
     */
    public static SpeechModelService loadModel(Path dir) {
        SpeechModelService speech = new SpeechModelService(dir);
        ModelStatus status = speech.loadInBackground().join();
        if (!(status instanceof ModelStatus.Ready) && onCi()) {
            speech.close();
            throw new IllegalStateException("The speech model is needed for this trial and could not be loaded from "
                    + dir.toAbsolutePath() + " (" + status + "). The build unpacks it there (mvn verify); set -D"
                    + MODEL_PROPERTY + "=DIR to point elsewhere.");
        }
        return speech;
    }

    /**
     * A spoken answer (espeak-ng and sox, 16 kHz mono) followed by {@code silence} seconds of quiet, or where those
     * tools are missing a voice-like tone: the file microphone loops it, so any length of take works.
     */
    public static Path answerWav(Path dir, double silence) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path raw = dir.resolve("answer-raw.wav");
        Path wav = dir.resolve("answer.wav");
        boolean spoken = run(dir, "espeak-ng", "-v", "en-us", "-s", "150", "-w", raw.toString(),
                "In my last role I led a small team that rebuilt the billing service. I split the work into weekly "
                        + "milestones and we shipped two weeks early.")
                && run(dir, "sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", wav.toString(), "pad",
                "0.3", Double.toString(silence));
        if (!spoken) {
            SyntheticAudio.writeWav(wav, 6 + silence, 16_000);
        }
        return wav;
    }

    /** A bank of a few questions in {@code dir}, enough for sessions, the progress report and an interview pack. */
    public static Path bank(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("trial.csv"), "id,category,question,talking_points\n"
                + "t-lead,behavioural,Tell me about a time you led a team.,milestones | result\n"
                + "t-fail,behavioural,Describe a project that failed.,what you learned\n"
                + "t-why,motivation,Why do you want this job?,the company | the role\n"
                + "t-map,technical,Explain how a hash map works.,hashing | collisions\n");
        return dir;
    }

    /** A practice over {@code data} with the banks in {@code banks} and the settings supplied. */
    public static Practice practice(Path data, Path banks, SpeechModelService speech, Supplier<Settings> settings) {
        return new Practice(new Locations(data, banks, speech.status().dir(), Optional.empty()), speech, settings,
                Clock.systemDefaultZone(), new SplittableRandom(7));
    }

    /** Settings for a headless take: the test-pattern camera, {@code wav} as the microphone, a small picture. */
    public static Settings headless(Path wav) {
        return Settings.defaults().withDevices("synthetic", "file:" + wav.toAbsolutePath())
                .withVideoSize(new app.retake.capture.Resolution(320, 240));
    }

    /** Deletes a folder and everything in it; what cannot be deleted is left. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left behind is harmless
        }
    }

    private static boolean run(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
