package app.retake.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.drill.Preparedness;
import app.retake.drill.SpringFilter;
import app.retake.drill.SpringPicker;
import app.retake.drill.WeakSpots;
import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code retake bench pick}: how long springing one question from a large pool takes. */
@Command(name = "pick", mixinStandardHelpOptions = true,
        description = "Times picks from a pool of --questions questions with a history of ratings.")
final class BenchPick implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", defaultValue = "10000", description = "Pool size (default ${DEFAULT-VALUE}).")
    int questions;

    @Option(names = "--picks", defaultValue = "2000", description = "Timed picks (default ${DEFAULT-VALUE}).")
    int picks;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SplittableRandom random = new SplittableRandom(2);
        List<Question> pool = new ArrayList<>(questions);
        for (int i = 0; i < questions; i++) {
            pool.add(new Question("q" + i, "c" + i % 9, "Question " + i, List.of(), List.of(), List.of(),
                    Difficulty.MEDIUM, "", Map.of(), "bench", 0));
        }
        List<Attempt> history = new ArrayList<>();
        Instant now = Instant.now();
        Rating[] ratings = Rating.values();
        for (int i = 0; i < questions * 3; i++) {
            history.add(new Attempt(OffsetDateTime.ofInstant(now.minusSeconds(random.nextLong(90L * 86400)),
                    ZoneOffset.UTC), "s", "t", "q" + random.nextInt(questions / 2), "bench", Mode.SOLO, "me",
                    Optional.of(ratings[random.nextInt(4)]), Optional.empty(), Duration.ZERO, Optional.empty(),
                    Optional.empty(), Map.of()));
        }
        Preparedness memory = Preparedness.replay(history, "me");
        SpringPicker picker = new SpringPicker(new SplittableRandom(3));
        List<String> recent = new ArrayList<>();
        // The same work a session does for each question: filter the pool, weigh every question, choose one.
        Runnable pickOne = () -> recent.add(picker.pick(WeakSpots.passing(pool, memory, SpringFilter.ANY),
                q -> memory.weakness(q.id(), now), recent).orElseThrow().question().id());
        for (int i = 0; i < picks; i++) {
            pickOne.run(); // warm-up: let the JIT compile the path before it is timed
        }
        long[] nanos = new long[picks];
        for (int i = 0; i < picks; i++) {
            long t0 = System.nanoTime();
            pickOne.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "pool: %d questions, %d rated%n", questions, memory.memories().size());
        out.printf(Locale.ROOT, "pick: median %.3f ms, p95 %.3f ms, mean %.3f ms (%d picks)%n",
                nanos[picks / 2] / 1e6, nanos[(int) (picks * 0.95)] / 1e6,
                Arrays.stream(nanos).average().orElse(0) / 1e6, picks);
        out.flush();
        return 0;
    }
}
