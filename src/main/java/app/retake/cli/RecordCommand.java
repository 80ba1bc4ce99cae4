package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import app.retake.capture.DeviceException;
import app.retake.capture.Resolution;
import app.retake.capture.TakeStats;
import app.retake.doctor.Findings;
import app.retake.history.TakeFiles;
import app.retake.practice.Devices;
import app.retake.practice.InterruptedTakes;
import app.retake.practice.LiveTake;
import app.retake.practice.TakeResult;
import app.retake.speech.MetricSettings;
import app.retake.speech.MetricsReport;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;
import app.retake.storage.IoProblems;
import app.retake.storage.Locations;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake record}: a take without the window. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Records a take headless and prints what was captured and encoded.",
                "Missing devices are reported and the take goes on with what there is."})
public final class RecordCommand implements Callable<Integer>, ChecksDataFolder {

    /** First line printed, naming the file being written, so a caller can find it even if the take is killed. */
    public static final String RECORDING_MARKER = "recording to ";

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", required = true, description = "How long to record.")
    double seconds;

    @Option(names = "--camera", defaultValue = "default",
            description = "default, synthetic, file:PATH, none, or a camera's name (default ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--mic", defaultValue = "default",
            description = "default, file:PATH (a WAV played in real time), none, or a device's name "
                    + "(default ${DEFAULT-VALUE}).")
    String mic;

    @Option(names = "--size", defaultValue = "640x480", converter = SizeConverter.class,
            description = "Video size (default ${DEFAULT-VALUE}; 1280x720 also works).")
    Resolution size;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second (default ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--no-transcribe", description = "Do not transcribe the take while recording.")
    boolean noTranscribe;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the take (default: <data>/<date>/<session>/).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var locations = root.locations();
        Optional<String> unwritable = out != null ? Locations.unwritable(out) : locations.unwritable();
        if (unwritable.isPresent()) {
            err.println("Cannot record: nothing can be saved in " + (out != null ? out.toAbsolutePath()
                    : locations.dataRoot()) + " (" + unwritable.get() + "). Choose another folder with "
                    + (out != null ? "--out" : "--data") + " DIR.");
            err.flush();
            return 2;
        }
        InterruptedTakes.Recovery recovery = InterruptedTakes.recover(locations.dataRoot());
        for (Path repaired : recovery.repaired()) {
            err.println("Repaired a take a crash had interrupted: " + repaired);
        }
        for (var attempt : recovery.logged()) {
            err.println("Added a take Retake had stopped in the middle of to the history, marked interrupted: "
                    + attempt.recording().orElse(attempt.take()));
        }
        recovery.problems().forEach(err::println);
        Devices devices = Devices.open(camera, mic, size, fps);
        devices.notes().forEach(err::println);
        if (!devices.any()) {
            err.println("Nothing to record: there is no camera and no microphone.");
            err.flush();
            return 2;
        }
        String now = LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS"));
        TakeFiles files = out != null ? new TakeFiles(out.toAbsolutePath(), "take-" + now)
                : TakeFiles.of(locations.dataRoot(), LocalDate.now(), "cli-" + now, "take-" + now);
        Path model = noTranscribe || devices.microphone().isEmpty() ? locations.dataRoot().resolve("no-model")
                : locations.modelDir();
        try (SpeechModelService speech = new SpeechModelService(model)) {
            if (!noTranscribe && devices.microphone().isPresent()) {
                ModelStatus status = speech.loadInBackground().join();
                if (!(status instanceof ModelStatus.Ready)) {
                    err.println(Findings.model(status).summary());
                }
            }
            long cpuBefore = processCpuNanos();
            LiveTake take;
            try {
                take = LiveTake.start(Optional.empty(), files, devices, speech, MetricSettings.defaults(),
                        LiveTake.Listener.NONE);
            } catch (DeviceException e) {
                err.println(e.getMessage());
                err.flush();
                return 2;
            } catch (IOException e) {
                err.println("Cannot record to " + files.dir() + ": " + IoProblems.describe(e) + ".");
                err.flush();
                return 2;
            }
            stdout.println(RECORDING_MARKER + files.recording());
            stdout.flush();
            while (take.elapsedSeconds() < seconds && take.deviceFailure().isEmpty()) {
                Thread.sleep(Math.max(1, Math.min(100, (long) ((seconds - take.elapsedSeconds()) * 1000))));
            }
            TakeResult result = take.stop();
            TakeStats stats = result.stats();
            double cpu = (processCpuNanos() - cpuBefore) / 1e9;
            stdout.println(stats.file());
            stdout.printf(Locale.ROOT, "frames captured=%d encoded=%d dropped=%d (camera missed %d slots)%n",
                    stats.framesCaptured(), stats.framesEncoded(), stats.framesDropped(), stats.slotsMissed());
            stdout.printf(Locale.ROOT, "audio seconds=%.2f (chunks dropped=%d)%n", stats.audioSeconds(),
                    stats.audioChunksDropped());
            stdout.printf(Locale.ROOT, "av drift ms=%.1f%n", stats.avDriftMs());
            stdout.printf(Locale.ROOT, "process cpu seconds=%.2f over %.2f s (%.0f%% of one core)%n", cpu,
                    stats.seconds(), stats.seconds() > 0 ? 100 * cpu / stats.seconds() : 0);
            if (result.transcript().isPresent()) {
                stdout.printf(Locale.ROOT, "transcript: %d words in %s (ready %.0f ms after the answer ended)%n",
                        result.transcript().get().words().size(), files.transcript(), result.transcriptMillis());
                for (String line : MetricsReport.lines(result.metrics().orElseThrow(), result.voice())) {
                    stdout.println("  " + line);
                }
            }
            result.notes().stream().filter(n -> n.startsWith("The transcriber") || n.startsWith("The transcript"))
                    .forEach(err::println);
            stdout.println("peak memory (resident): " + BenchCommand.peakRss());
            stats.stopReason().ifPresent(reason -> err.println("The take ended early: " + reason));
            stdout.flush();
            err.flush();
            return stats.stopReason().isPresent() ? 1 : 0;
        }
    }

    /** The process's CPU time in nanoseconds, all threads. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Parses {@code 640x480}. */
    static final class SizeConverter implements ITypeConverter<Resolution> {
        @Override
        public Resolution convert(String value) {
            return Resolution.parse(value);
        }
    }
}
