package app.retake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code retake bench}: measurements that print figures. Tests never assert on time; these do the timing. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures.",
        subcommands = {BenchBanks.class, BenchStartup.class, BenchReplay.class,
                BenchPick.class, BenchRecord.class, BenchTranscribe.class, BenchUi.class,
                BenchFilledPauses.class, BenchRemote.class, BenchSoak.class})
public final class BenchCommand {

    /** Line the window prints when started with {@code --exit-when-shown}. */
    public static final String STARTUP_MARKER = "startup first-window-ms=";

    @ParentCommand
    RetakeCommand root;

    /** The process's peak resident memory (Linux: VmHWM), or "n/a" where the system does not say. */
    static String peakRss() {
        long kb = memoryKb("VmHWM:");
        return kb > 0 ? String.format(Locale.ROOT, "%.0f MB", kb / 1024.0) : "n/a";
    }

    /**
     * A memory figure of this process from /proc/self/status in kB ({@code VmRSS:} now, {@code VmHWM:} the peak);
     * 0 where the system does not say.
     */
    public static long memoryKb(String field) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith(field))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
