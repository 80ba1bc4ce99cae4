package app.retake.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import app.retake.capture.Resolution;
import app.retake.capture.WavFiles;
import app.retake.storage.Locations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bench ui}: start-up, FX-thread stalls, preview frame rate and memory during a real take. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Opens the real window, springs a question and records an answer the way Space does, with "
                + "live transcription, then prints the first-window time, the longest FX-thread pause, the camera "
                + "preview's frame rate, transcript latency and peak memory.",
                "Uses a fresh data folder. Needs a display (xvfb-run on a headless machine) and, for the default "
                        + "spoken answer, espeak-ng and sox."})
final class BenchUi implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of the take (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--camera", defaultValue = "synthetic",
            description = "Camera spec (default ${DEFAULT-VALUE}; default uses the first real camera).")
    String camera;

    @Option(names = "--mic", description = "Microphone spec; by default a spoken answer made with espeak-ng is "
            + "played as the microphone.")
    String mic;

    @Option(names = "--size", defaultValue = "640x480", converter = RecordCommand.SizeConverter.class,
            description = "Video size (default ${DEFAULT-VALUE}).")
    Resolution size;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("retake-bench-ui");
        try {
            String microphone = mic;
            if (microphone == null) {
                Optional<String> missing = SpokenAudio.missingTool();
                if (missing.isPresent()) {
                    out.println("FAILED: " + missing.get() + " Or give a WAV with --mic file:PATH.");
                    return 1;
                }
                Path wav = work.resolve("answer.wav");
                speak(work, wav);
                microphone = "file:" + wav;
            }
            Locations given = bench.root.locations();
            Locations fresh = new Locations(work.resolve("data"), given.banksDir(), given.modelDir(),
                    given.checkout());
            return bench.root.gui().benchUi(fresh, new GuiStarter.UiBenchOptions(seconds, camera, microphone, size),
                    out);
        } finally {
            SpokenAudio.deleteTree(work);
        }
    }

    /** A two-paragraph answer with a lead-in and a trailing pause, as a microphone would hear it. */
    private static void speak(Path dir, Path wav) throws Exception {
        String text = "In my last role I led a small team that rebuilt our billing service. We had three months, "
                + "and the old system kept failing every weekend. I split the work into weekly milestones, "
                + "talked to every customer who depended on it, and we shipped two weeks early. Looking back, "
                + "the biggest lesson was to agree on what done means before writing any code.";
        short[] said = SpokenAudio.speak(dir, "answer-raw", "en-us", 140, text);
        WavFiles.write(wav, SpokenAudio.concat(List.of(SpokenAudio.silence(0.8), said, SpokenAudio.silence(1.5))),
                SpokenAudio.RATE);
    }
}
