package app.retake.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import app.retake.capture.Resolution;
import app.retake.capture.WavFiles;
import app.retake.faults.Soak;
import app.retake.faults.TrialKit;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;
import app.retake.storage.Locations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bench soak}: many takes in a row, watching memory, threads and open files for leaks. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Records --takes takes of --seconds each, one after another, through the real practice path "
                + "(test-pattern camera, a spoken answer played as the microphone, live transcription, every take "
                + "logged), and prints resident memory, threads, open files and heap after GC at the start, after "
                + "each tenth and at the end, then a verdict: growth beyond noise after the first tenth (open files "
                + "and threads +" + Soak.COUNT_NOISE + ", resident memory +15%, heap after GC +25% or +16 MB).",
                "Uses a fresh data folder, deleted afterwards. Needs espeak-ng and sox for the spoken answer "
                        + "(else a tone is played) and the speech model."})
final class BenchSoak implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--takes", defaultValue = "200", description = "Number of takes (default ${DEFAULT-VALUE}).")
    int takes;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each take (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--size", defaultValue = "640x480", converter = RecordCommand.SizeConverter.class,
            description = "Video size (default ${DEFAULT-VALUE}).")
    Resolution size;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (takes < 1 || seconds <= 0) {
            out.println("--takes must be at least 1 and --seconds more than 0.");
            out.flush();
            return 2;
        }
        Locations locations = bench.root.locations();
        Path work = Files.createTempDirectory("retake-bench-soak");
        try (SpeechModelService speech = new SpeechModelService(locations.modelDir())) {
            ModelStatus status = speech.loadInBackground().join();
            if (!(status instanceof ModelStatus.Ready)) {
                out.println("FAILED: the soak transcribes live and needs the speech model, which could not be loaded "
                        + "from " + locations.modelDir() + " (" + status + "). Give it with --model DIR.");
                out.flush();
                return 1;
            }
            Path wav = TrialKit.answerWav(work.resolve("audio"), 1);
            boolean spoken = SpokenAudio.missingTool().isEmpty();
            out.printf(Locale.ROOT, "soak: %d takes of %.0f s, %dx%d test-pattern camera, %s (%.1f s, looped) as the "
                            + "microphone, live transcription%n", takes, seconds, size.width(), size.height(),
                    spoken ? "a spoken answer" : "a tone", WavFiles.read(wav).mono().length / 16_000.0);
            out.printf(Locale.ROOT, "%6s  %10s  %7s  %10s  %13s%n", "takes", "RSS", "threads", "open files",
                    "heap after GC");
            out.flush();
            Soak.Result result = Soak.run(new Soak.Options(takes, seconds, Files.createDirectories(work.resolve(
                    "data")), locations.banksDir(), wav, size), speech, new Soak.Listener() {
                        @Override
                        public void measured(Soak.Point point) {
                            Soak.Figures f = point.figures();
                            out.printf(Locale.ROOT, "%6d  %7.0f MB  %7d  %10s  %10.1f MB%n", point.takes(),
                                    f.rssKb() / 1024.0, f.threads(), f.fds() < 0 ? "n/a" : Integer.toString(f.fds()),
                                    f.heapKb() / 1024.0);
                            out.flush();
                        }
                    });
            Soak.Verdict verdict = result.verdict();
            out.printf(Locale.ROOT, "takes transcribed: %d of %d; growth judged from the figures after %d takes%n",
                    result.transcribed(), result.takes(), Soak.warmUp(result.points(), result.takes()).takes());
            verdict.lines().forEach(l -> out.println("  " + l));
            result.problems().stream().limit(10).forEach(p -> out.println("problem: " + p));
            out.println("verdict: " + (verdict.grew() ? "GROWTH beyond noise" : "no growth beyond noise"));
            out.flush();
            return verdict.grew() || !result.problems().isEmpty() ? 1 : 0;
        } finally {
            SpokenAudio.deleteTree(work);
        }
    }
}
