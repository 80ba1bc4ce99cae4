package app.retake.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import app.retake.capture.Resolution;
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
                Path wav = work.resolve("answer.wav");
                if (!speak(work, wav)) {
                    out.println("FAILED: could not make a spoken answer with espeak-ng and sox (on Debian or Ubuntu: "
                            + "apt-get install espeak-ng sox), or give a WAV with --mic file:PATH.");
                    return 1;
                }
                microphone = "file:" + wav;
            }
            Locations given = bench.root.locations();
            Locations fresh = new Locations(work.resolve("data"), given.banksDir(), given.modelDir(),
                    given.checkout());
            return bench.root.gui().benchUi(fresh, new GuiStarter.UiBenchOptions(seconds, camera, microphone, size),
                    out);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean speak(Path dir, Path wav) throws Exception {
        Path raw = dir.resolve("raw.wav");
        String text = "In my last role I led a small team that rebuilt our billing service. We had three months, "
                + "and the old system kept failing every weekend. I split the work into weekly milestones, "
                + "talked to every customer who depended on it, and we shipped two weeks early. Looking back, "
                + "the biggest lesson was to agree on what done means before writing any code.";
        return run(dir, "espeak-ng", "-v", "en-us", "-s", "140", "-w", raw.toString(), text)
                && run(dir, "sox", raw.toString(), "-r", "16000", "-c", "1", wav.toString(), "pad", "0.8", "1.5");
    }

    private static boolean run(Path dir, String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("tool.log").toFile()).start();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
