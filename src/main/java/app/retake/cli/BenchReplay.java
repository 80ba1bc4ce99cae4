package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import app.retake.drill.Preparedness;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code retake bench replay}: how long deriving preparedness from a large attempt log takes. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Writes an attempt log of --rows rows to a temporary folder and times reading and "
                + "replaying it into per-question preparedness.")
final class BenchReplay implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the log (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--questions", defaultValue = "2000", description = "Distinct questions (default ${DEFAULT-VALUE}).")
    int questions;

    @Option(names = "--runs", defaultValue = "3", description = "Timed replays (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("retake-bench-replay");
        Path file = dir.resolve(AttemptLog.FILE_NAME);
        try {
            SplittableRandom random = new SplittableRandom(1);
            OffsetDateTime start = OffsetDateTime.parse("2024-01-01T09:00:00+01:00");
            Rating[] ratings = Rating.values();
            AttemptLog.writeAll(file, () -> new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < rows;
                }

                @Override
                public Attempt next() {
                    int n = i++;
                    // Rows in time order, about one every 90 s; a few profiles share the machine.
                    return new Attempt(start.plusSeconds(90L * n), "s" + n / 10, "t" + n,
                            "q" + random.nextInt(questions), "bench", Mode.SOLO, "p" + n % 3,
                            Optional.of(ratings[random.nextInt(4)]), Optional.empty(), Duration.ofSeconds(100),
                            Optional.empty(), Optional.empty(), Map.of());
                }
            });
            out.printf(Locale.ROOT, "log: %d rows, %d questions, %.1f MB%n", rows, questions,
                    Files.size(file) / 1e6);
            AttemptLog log = new AttemptLog(file);
            List<Double> seconds = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                long t0 = System.nanoTime();
                Preparedness memory = Preparedness.replay(log, "p0");
                double s = (System.nanoTime() - t0) / 1e9;
                if (run == 0) {
                    out.printf(Locale.ROOT, "cold run: %.3f s (%d questions replayed for profile p0)%n", s,
                            memory.memories().size());
                    continue;
                }
                seconds.add(s);
                out.printf(Locale.ROOT, "run %d: %.3f s%n", run, s);
            }
            out.printf(Locale.ROOT, "median replay: %.3f s for %d rows (%.0f rows/s)%n", BenchCommand.median(seconds), rows,
                    rows / BenchCommand.median(seconds));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        out.flush();
        return 0;
    }
}
