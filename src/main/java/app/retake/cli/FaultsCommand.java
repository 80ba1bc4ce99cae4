package app.retake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import app.retake.faults.FaultTrial;
import app.retake.faults.Faults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retake faults}: runs every fault trial against real files in a scratch folder and prints a table of fault,
 * trials and data lost. Exit 1 if any trial lost data.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Tries every fault Retake must survive (kills mid-write, full disk, corrupt files, unplugged "
                + "devices, network use) many times and prints: fault, trials, data lost.")
public final class FaultsCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Run the smaller number of trials the test suite runs.")
    boolean quick;

    @Option(names = "--only", paramLabel = "TEXT", description = "Only faults whose description contains TEXT.")
    String only;

    @Option(names = "--verbose", description = "Print each fault's notes under the table.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int failed = 0;
        for (FaultTrial trial : Faults.all()) {
            if (only != null && !trial.fault().toLowerCase(Locale.ROOT).contains(only.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Path scratch = Files.createTempDirectory("retake-fault-");
            int trials = quick ? trial.quickTrials() : trial.defaultTrials();
            long started = System.nanoTime();
            FaultTrial.Outcome outcome;
            try {
                outcome = trial.run(trials, scratch);
            } catch (Exception e) {
                outcome = new FaultTrial.Outcome(0, 0, List.of("the trial itself failed: " + e));
                failed++;
            } finally {
                deleteQuietly(scratch);
            }
            if (outcome.lost() > 0) {
                failed++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            rows.add(new String[] {trial.area().label(), trial.fault(), Integer.toString(outcome.trials()),
                    Integer.toString(outcome.lost()), String.format(Locale.ROOT, "%.1f s", seconds)});
            outcome.notes().forEach(n -> notes.add(trial.fault() + ": " + n));
            System.out.flush();
        }
        print(rows);
        if (verbose) {
            System.out.println();
            notes.forEach(System.out::println);
        }
        return failed == 0 ? 0 : 1;
    }

    private static void print(List<String[]> rows) {
        String[] head = {"area", "fault", "trials", "data lost", "time"};
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder format = new StringBuilder();
        for (int i = 0; i < head.length; i++) {
            format.append(i >= 2 ? "%" + width[i] + "s" : "%-" + width[i] + "s").append(i + 1 < head.length ? "  "
                    : "%n");
        }
        System.out.printf(Locale.ROOT, format.toString(), (Object[]) head);
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, format.toString(), (Object[]) r);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
