package app.retake.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import app.retake.capture.Cameras;
import app.retake.capture.CaptureClock;
import app.retake.capture.Microphones;
import app.retake.capture.Resolution;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.TakeCapture;
import app.retake.capture.TakeStats;
import app.retake.history.TakeFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bench record}: a long synthetic take while another thread loads a core. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Records --seconds of the synthetic camera (640x480 at 30 fps) and a file microphone "
                + "while a second thread keeps one core busy (a stand-in for live transcription).",
                "Prints dropped frames, audio/video drift and the recorder's CPU use."})
final class BenchRecord implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of the take (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--no-load", description = "Do not load a second core.")
    boolean noLoad;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("retake-bench-record");
        Path wav = dir.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, seconds + 2, 48_000);
        var camera = Cameras.open("synthetic", new Resolution(640, 480), 30);
        var mic = Microphones.open("file:" + wav);
        var files = new TakeFiles(dir, "bench-take");
        var take = new TakeCapture(camera, mic, files, 30,
                CaptureClock.system(), List.of());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean burning = new AtomicBoolean(!noLoad);
        long[] burnerId = {-1};
        Thread burner = new Thread(() -> {
            double x = 0;
            while (burning.get()) {
                for (int i = 0; i < 100_000; i++) {
                    x += Math.sqrt(i + x);
                }
            }
            if (x == 42) {
                out.println("");
            }
        }, "bench-load");
        burner.setDaemon(true);
        burner.start();
        burnerId[0] = burner.getId();
        long cpu0 = RecordCommand.processCpuNanos();
        long burn0 = threads.getThreadCpuTime(burnerId[0]);
        long wall0 = System.nanoTime();
        take.start();
        while (take.elapsedSeconds() < seconds && take.deviceFailure().isEmpty()) {
            Thread.sleep(50);
        }
        TakeStats stats = take.stop();
        long burn1 = threads.getThreadCpuTime(burnerId[0]);
        long cpu1 = RecordCommand.processCpuNanos();
        double wall = (System.nanoTime() - wall0) / 1e9;
        burning.set(false);
        double recorderCore = ((cpu1 - cpu0) - (burn1 - burn0)) / 1e9 / wall;
        out.printf(Locale.ROOT, "take: %.1f s at 640x480, 30 fps, %s%n", stats.seconds(),
                noLoad ? "no other load" : "one other core busy");
        out.printf(Locale.ROOT, "frames captured=%d encoded=%d dropped=%d (target: 0 dropped); camera missed "
                + "%d of %d slots%n", stats.framesCaptured(), stats.framesEncoded(), stats.framesDropped(),
                stats.slotsMissed(), stats.framesEncoded() + stats.slotsMissed());
        out.printf(Locale.ROOT, "audio seconds=%.2f chunks dropped=%d%n", stats.audioSeconds(),
                stats.audioChunksDropped());
        out.printf(Locale.ROOT, "av drift ms=%.1f (target: within 33)%n", stats.avDriftMs());
        out.printf(Locale.ROOT, "recorder cpu=%.0f%% of one core (target: at most 40%%; load thread used %.0f%%)%n",
                100 * recorderCore, 100.0 * (burn1 - burn0) / 1e9 / wall);
        stats.stopReason().ifPresent(r -> out.println("ended early: " + r));
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        out.flush();
        return stats.framesDropped() == 0 ? 0 : 1;
    }
}
