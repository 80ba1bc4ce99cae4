package app.retake.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code retake bench}: measurements that print figures. Tests never assert on time; these do the timing. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures.",
        subcommands = {BenchBanks.class, BenchStartup.class, BenchReplay.class,
                BenchPick.class, BenchRecord.class, BenchTranscribe.class})
public final class BenchCommand {

    /** Line the window prints when started with {@code --exit-when-shown}. */
    public static final String STARTUP_MARKER = "startup first-window-ms=";

    @ParentCommand
    RetakeCommand root;

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
