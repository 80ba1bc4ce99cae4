package app.retake.faults;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import app.retake.capture.Resolution;
import app.retake.drill.SpringFilter;
import app.retake.history.Rating;
import app.retake.practice.LiveTake;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.practice.TakeResult;
import app.retake.review.SelfCheck;
import app.retake.settings.Settings;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/**
 * A soak: many takes in a row through the real practice path (test-pattern camera, a WAV as the microphone, live
 * transcription, each take logged), with the process's memory, threads and open files measured along the way. A
 * leak shows as growth that does not level off; one-time costs (the model, the first recorder, class loading) come
 * in the first takes, so growth is judged from the figures after the first tenth of the takes (the warm-up).
 */
public final class Soak {

    /** Open files and threads may differ by this much from the warm-up before it counts as growth. */
    public static final int COUNT_NOISE = 2;
    /** Resident memory may grow by this share of the warm-up figure (the allocator and JIT settle slowly). */
    public static final double RSS_NOISE = 0.15;
    /** Heap after a full collection may grow by this share of the warm-up figure, or by {@link #HEAP_FLOOR_KB}. */
    public static final double HEAP_NOISE = 0.25;
    public static final long HEAP_FLOOR_KB = 16 * 1024;

    private Soak() {
    }

    /**
     * The process at one moment.
     *
     * @param rssKb  resident memory (Linux VmRSS), 0 where unknown
     * @param fds    open file descriptors (/proc/self/fd), -1 where unknown
     * @param heapKb heap used just after a full collection
     */
    public record Figures(long rssKb, int threads, int fds, long heapKb) {

        /** Measures now, after a full collection so the heap figure is what is still reachable. */
        public static Figures now() {
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
            return new Figures(Soak.rssKb(), ManagementFactory.getThreadMXBean().getThreadCount(), openFiles(), heap);
        }
    }

    /** The figures after {@code takes} takes. */
    public record Point(int takes, Figures figures) {
    }

    /** What to run. */
    public record Options(int takes, double seconds, Path data, Path banks, Path wav, Resolution size) {
    }

    /** What happened to each take, as it finishes. */
    public interface Listener {
        default void measured(Point point) {
        }

        default void took(int number, TakeResult take) {
        }
    }

    /**
     * The outcome.
     *
     * @param transcribed takes with a transcript
     * @param problems    takes that went wrong, one sentence each
     */
    public record Result(List<Point> points, int takes, int transcribed, boolean liveTranscription,
                         List<String> problems) {
        public Result {
            points = List.copyOf(points);
            problems = List.copyOf(problems);
        }

        public Verdict verdict() {
            return judge(points, takes);
        }
    }

    /**
     * Growth beyond noise, judged from the warm-up point to the last one.
     *
     * @param lines one line per figure: the change and whether it is within the noise allowed
     */
    public record Verdict(boolean grew, int fdGrowth, int threadGrowth, double rssGrowth, double heapGrowth,
                          List<String> lines) {
        public Verdict {
            lines = List.copyOf(lines);
        }
    }

    /** The first point at or after a tenth of the takes (at least one take in), against which growth is judged. */
    public static Point warmUp(List<Point> points, int takes) {
        int after = Math.max(1, (int) Math.ceil(takes * 0.1));
        return points.stream().filter(p -> p.takes() >= after).findFirst().orElse(points.get(points.size() - 1));
    }

    /** Judges the growth from the warm-up to the end: see the noise constants. */
    public static Verdict judge(List<Point> points, int takes) {
        Figures warm = warmUp(points, takes).figures();
        Figures end = points.get(points.size() - 1).figures();
        int fds = warm.fds() < 0 || end.fds() < 0 ? 0 : end.fds() - warm.fds();
        int threads = end.threads() - warm.threads();
        double rss = warm.rssKb() > 0 ? (end.rssKb() - warm.rssKb()) / (double) warm.rssKb() : 0;
        long heapKb = end.heapKb() - warm.heapKb();
        double heap = warm.heapKb() > 0 ? heapKb / (double) warm.heapKb() : 0;
        boolean fdsOk = fds <= COUNT_NOISE;
        boolean threadsOk = threads <= COUNT_NOISE;
        boolean rssOk = rss <= RSS_NOISE;
        boolean heapOk = heap <= HEAP_NOISE || heapKb <= HEAP_FLOOR_KB;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "open files %+d (allowed +%d): %s", fds, COUNT_NOISE, ok(fdsOk))
                + (warm.fds() < 0 ? " (unknown on this system)" : ""));
        lines.add(String.format(Locale.ROOT, "threads %+d (allowed +%d): %s", threads, COUNT_NOISE, ok(threadsOk)));
        lines.add(String.format(Locale.ROOT, "resident memory %+.1f%% (allowed +%.0f%%): %s", rss * 100,
                RSS_NOISE * 100, ok(rssOk)) + (warm.rssKb() == 0 ? " (unknown on this system)" : ""));
        lines.add(String.format(Locale.ROOT, "heap after GC %+.1f%% (%+.1f MB; allowed +%.0f%% or +%d MB): %s",
                heap * 100, heapKb / 1024.0, HEAP_NOISE * 100, HEAP_FLOOR_KB / 1024, ok(heapOk)));
        return new Verdict(!(fdsOk && threadsOk && rssOk && heapOk), fds, threads, rss, heap, lines);
    }

    private static String ok(boolean ok) {
        return ok ? "within noise" : "GROWTH";
    }

    /**
     * Runs the takes one after another, measuring before the first, after every tenth of them and at the end.
     * Sessions are started afresh whenever the drill's questions run out, as a user pressing Space would.
     */
    public static Result run(Options options, SpeechModelService speech, Listener listener) throws Exception {
        Settings settings = Settings.defaults().withDevices("synthetic", "file:" + options.wav().toAbsolutePath())
                .withVideoSize(options.size());
        Practice practice = TrialKit.practice(options.data(), options.banks(), speech, () -> settings);
        boolean live = speech.status() instanceof ModelStatus.Ready;
        List<Point> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Point start = new Point(0, Figures.now());
        points.add(start);
        listener.measured(start);
        int every = Math.max(1, options.takes() / 10);
        int transcribed = 0;
        PracticeSession session = null;
        Rating[] ratings = Rating.values();
        for (int n = 1; n <= options.takes(); n++) {
            var next = session == null ? Optional.<app.retake.drill.SpringPicker.Candidate>empty() : session.spring();
            if (next.isEmpty()) {
                session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY), Optional.empty())
                        .session();
                next = session.spring();
            }
            LiveTake take = practice.startTake(session, next.orElseThrow().question(), LiveTake.Listener.NONE);
            var started = session.now();
            while (take.elapsedSeconds() < options.seconds() && take.deviceFailure().isEmpty()) {
                Thread.sleep(20);
            }
            TakeResult result = take.stop();
            session.log(result, Optional.of(ratings[n % ratings.length]), SelfCheck.EMPTY, started);
            if (result.transcript().isPresent()) {
                transcribed++;
            } else if (live) {
                problems.add("take " + n + " has no transcript: " + String.join(" ", result.notes()));
            }
            if (result.stats().stopReason().isPresent()) {
                problems.add("take " + n + " ended early: " + result.stats().stopReason().get());
            }
            listener.took(n, result);
            if (n % every == 0 || n == options.takes()) {
                Point point = new Point(n, Figures.now());
                points.add(point);
                listener.measured(point);
            }
        }
        return new Result(points, options.takes(), transcribed, live, problems);
    }

    /** Open file descriptors of this process, or -1 where the system does not say. */
    static int openFiles() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            // The listing holds one descriptor of its own while it runs.
            return (int) list.count() - 1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Resident memory in kB from /proc/self/status, or 0 where the system does not say. */
    static long rssKb() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
