package app.retake.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import app.retake.bank.BankReader;
import app.retake.bank.BankWriter;
import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.bank.QuestionBank;
import app.retake.bank.QuestionLibrary;
import app.retake.capture.Cameras;
import app.retake.capture.CaptureClock;
import app.retake.capture.Microphones;
import app.retake.capture.Resolution;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.TakeCapture;
import app.retake.capture.TakeStats;
import app.retake.drill.Preparedness;
import app.retake.drill.SpringFilter;
import app.retake.drill.SpringPicker;
import app.retake.drill.WeakSpots;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bench}: measurements that print figures. Tests never assert on time; these do the timing. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures.",
        subcommands = {BenchCommand.Banks.class, BenchCommand.Startup.class, BenchCommand.Replay.class,
                BenchCommand.Pick.class, BenchCommand.Record.class})
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

    /** {@code retake bench banks}: how long a large bank takes to load. */
    @Command(name = "banks", mixinStandardHelpOptions = true,
            description = "Writes a bank of --rows realistic rows to a temporary file and times loading it.")
    static final class Banks implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Spec
        CommandSpec spec;

        @Option(names = "--rows", defaultValue = "100000", description = "Rows in the generated bank (default ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--runs", defaultValue = "5", description = "Timed loads (default ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Question> templates = QuestionLibrary.loadFolder(bench.root.locations().banksDir()).questions();
            if (templates.isEmpty()) {
                templates = List.of(new Question("q", "behavioural", "Tell me about a time you disagreed with a colleague.",
                        List.of("the situation", "what you did", "the result"), List.of("What would you change?"),
                        List.of("star"), Difficulty.MEDIUM, "bench", java.util.Map.of(), "", 0));
            }
            List<Question> generated = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                Question t = templates.get(i % templates.size());
                generated.add(new Question(t.id() + "-" + i, t.category(), t.text(), t.talkingPoints(), t.followUps(),
                        t.tags(), t.difficulty(), t.source(), t.extra(), "", 0));
            }
            Path dir = Files.createTempDirectory("retake-bench-banks");
            Path file = dir.resolve("bench.csv");
            try {
                new BankWriter().write(file, List.of(), generated);
                out.printf(Locale.ROOT, "bank: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
                BankReader reader = new BankReader();
                reader.read(file); // warm-up: class loading and JIT, not part of the figure
                List<Double> seconds = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    long start = System.nanoTime();
                    QuestionBank bank = reader.read(file);
                    double s = (System.nanoTime() - start) / 1e9;
                    seconds.add(s);
                    out.printf(Locale.ROOT, "run %d: %d questions, %d problems in %.3f s%n", run,
                            bank.questions().size(), bank.problems().size(), s);
                    if (bank.questions().size() != rows || !bank.problems().isEmpty()) {
                        out.println("FAILED: the generated bank did not read back whole");
                        return 1;
                    }
                }
                double m = median(seconds);
                out.printf(Locale.ROOT, "median load time: %.3f s for %d rows (%.0f rows/s)%n", m, rows, rows / m);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code retake bench startup}: time from launch to the first window on screen. */
    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = {"Starts Retake --runs times in a fresh JVM and prints how long the first window took "
                    + "to appear.", "Needs a display (run it under xvfb-run on a headless machine)."})
    static final class Startup implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "Launches (default ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<String> command = relaunchCommand();
            Path data = Files.createTempDirectory("retake-bench-startup");
            command.addAll(List.of("--data", data.toString(), "--model",
                    bench.root.locations().modelDir().toString(), "--exit-when-shown"));
            List<Double> sinceJvm = new ArrayList<>();
            List<Double> sinceLaunch = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long launched = System.nanoTime();
                Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
                String marker = null;
                List<String> output = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        if (marker == null && line.startsWith(STARTUP_MARKER)) {
                            marker = line;
                            sinceLaunch.add((System.nanoTime() - launched) / 1e6);
                        } else {
                            output.add(line);
                        }
                    }
                }
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
                if (marker == null) {
                    out.println("FAILED: run " + run + " never showed a window. Its output:");
                    output.stream().skip(Math.max(0, output.size() - 15)).forEach(l -> out.println("  " + l));
                    out.println("A display is needed: on a headless machine run this under xvfb-run.");
                    out.flush();
                    return 1;
                }
                double ms = Double.parseDouble(marker.substring(STARTUP_MARKER.length()).trim());
                sinceJvm.add(ms);
                out.printf(Locale.ROOT, "run %d: window shown %.0f ms after launch (%.0f ms after JVM start)%n",
                        run, sinceLaunch.get(run - 1), ms);
            }
            out.printf(Locale.ROOT, "median first window: %.0f ms after launch, %.0f ms after JVM start "
                    + "(target: under 2000 ms)%n", median(sinceLaunch), median(sinceJvm));
            out.flush();
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return 0;
        }

        /** The command line that started this process, minus its arguments: the same program, the same JVM flags. */
        private static List<String> relaunchCommand() {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            String launched = System.getProperty("sun.java.command", "").split(" ")[0];
            if (launched.endsWith(".jar")) {
                command.addAll(Arrays.asList("-jar", launched));
            } else {
                command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), launched));
            }
            return command;
        }
    }

    /** {@code retake bench replay}: how long deriving preparedness from a large attempt log takes. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Writes an attempt log of --rows rows to a temporary folder and times reading and "
                    + "replaying it into per-question preparedness.")
    static final class Replay implements Callable<Integer> {

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
                out.printf(Locale.ROOT, "median replay: %.3f s for %d rows (%.0f rows/s)%n", median(seconds), rows,
                        rows / median(seconds));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code retake bench pick}: how long springing one question from a large pool takes. */
    @Command(name = "pick", mixinStandardHelpOptions = true,
            description = "Times picks from a pool of --questions questions with a history of ratings.")
    static final class Pick implements Callable<Integer> {

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

    /** {@code retake bench record}: a long synthetic take while another thread loads a core. */
    @Command(name = "record", mixinStandardHelpOptions = true,
            description = {"Records --seconds of the synthetic camera (640x480 at 30 fps) and a file microphone "
                    + "while a second thread keeps one core busy (a stand-in for live transcription).",
                    "Prints dropped frames, audio/video drift and the recorder's CPU use."})
    static final class Record implements Callable<Integer> {

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
}
