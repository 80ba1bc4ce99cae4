package app.retake.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import app.retake.bank.Question;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.practice.SavedTakes;
import app.retake.practice.TakeResult;
import app.retake.speech.MetricRows;
import app.retake.speech.MetricSettings;
import app.retake.speech.PointCoverage;
import app.retake.speech.SpeechMetrics;

/**
 * The first and the latest take of one question side by side: each measurement of both, and whether the latest is
 * better, worse or the same by the usual ranges the review screen explains (see {@link MetricRows}).
 *
 * <p>Finding and opening takes reads the attempt log and the takes' files, so it belongs off the FX thread.
 */
public final class TakeComparison {

    /** Lively speech rises and falls by about this many semitones; below it sounds flat, far above it theatrical. */
    public static final double PITCH_LOW = 2.0;
    public static final double PITCH_HIGH = 6.0;

    /** How the latest take did on one measure, against the first. */
    public enum Verdict {
        BETTER("better"),
        WORSE("worse"),
        SAME("same"),
        /** One of the takes has no figure for it, e.g. no transcript or too little voiced speech. */
        UNKNOWN("-");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The word shown on screen. */
        public String label() {
            return label;
        }
    }

    /**
     * A take of the question, found in the log or on screen.
     *
     * @param time   when it was recorded
     * @param rating the rating it was given, if any
     */
    public record Take(TakeFiles files, OffsetDateTime time, Optional<Rating> rating) {

        /**
         * The take on screen that is not in the log yet (just recorded, not rated): it is dated by its files, or
         * by {@code clock} when it has none yet. Does file I/O.
         */
        public static Take unlogged(TakeFiles files, Optional<Rating> rating, Clock clock) {
            OffsetDateTime time = OffsetDateTime.now(clock);
            for (Path file : List.of(files.video(), files.transcript())) {
                try {
                    FileTime modified = Files.getLastModifiedTime(file);
                    time = OffsetDateTime.ofInstant(modified.toInstant(), clock.getZone());
                    break;
                } catch (IOException e) {
                    // not there yet: try the next file, else keep the clock's time
                }
            }
            return new Take(files, time, rating);
        }
    }

    /**
     * One take opened: what was read from its files.
     *
     * @param rating the rating from the log, else from the take's review file
     */
    public record Side(Take take, TakeResult result, Optional<Rating> rating) {

        /** Each talking point, covered or missed; empty without a transcript or without talking points. */
        public List<PointCoverage> coverage() {
            return result.metrics().map(SpeechMetrics::coverage).orElse(List.of());
        }
    }

    /**
     * One measure of both takes.
     *
     * @param first  the first take's figure, in words
     * @param latest the latest take's figure, in words
     */
    public record Row(String name, String first, String latest, Verdict verdict) {
    }

    private final Side first;
    private final Side latest;
    private final int takes;
    private final List<Row> rows;

    private TakeComparison(Side first, Side latest, int takes, List<Row> rows) {
        this.first = first;
        this.latest = latest;
        this.takes = takes;
        this.rows = List.copyOf(rows);
    }

    /**
     * The takes of {@code questionId} by {@code profile} in the log under {@code dataRoot}, oldest first, one per
     * take, leaving out rows whose recording and transcript are both gone. Never throws; reads files.
     */
    public static List<Take> takes(Path dataRoot, String profile, String questionId) {
        return takes(dataRoot, AttemptLog.in(dataRoot).readAll().attempts(), profile, questionId);
    }

    /** As {@link #takes(Path, String, String)}, among rows already read from the log under {@code dataRoot}. */
    public static List<Take> takes(Path dataRoot, Collection<Attempt> attempts, String profile, String questionId) {
        Path root = dataRoot.toAbsolutePath().normalize();
        Map<Path, Take> found = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            if (!a.profile().equalsIgnoreCase(profile) || !a.questionId().equalsIgnoreCase(questionId)) {
                continue;
            }
            Optional<TakeFiles> files = TakeHistory.files(root, a);
            if (files.isEmpty()) {
                continue;
            }
            Path video = a.recording().flatMap(p -> TakeHistory.inside(root, p)).orElse(files.get().video());
            Path transcript = a.transcript().flatMap(p -> TakeHistory.inside(root, p))
                    .orElse(files.get().transcript());
            if (!Files.isRegularFile(video) && !Files.isRegularFile(transcript)) {
                continue;
            }
            // A take with two rows in the log is still one take: its first row stands for it.
            found.putIfAbsent(key(files.get()), new Take(files.get(), a.time(), a.effectiveRating()));
        }
        List<Take> sorted = new ArrayList<>(found.values());
        sorted.sort(Comparator.comparing(t -> t.time().toInstant()));
        return sorted;
    }

    /**
     * {@code logged} with {@code shown} added in time order, unless the log already holds that take or neither its
     * recording nor its transcript exists. Reads files.
     */
    public static List<Take> including(List<Take> logged, Take shown) {
        Path key = key(shown.files());
        if (logged.stream().anyMatch(t -> key(t.files()).equals(key))
                || !Files.isRegularFile(shown.files().video()) && !Files.isRegularFile(shown.files().transcript())) {
            return logged;
        }
        List<Take> all = new ArrayList<>(logged);
        all.add(shown);
        all.sort(Comparator.comparing(t -> t.time().toInstant()));
        return all;
    }

    /**
     * Opens the first and the latest of {@code takes} (oldest first) and compares them; empty with fewer than two.
     * Missing or damaged files leave their figures blank and are said in each side's notes. Reads files.
     */
    public static Optional<TakeComparison> open(List<Take> takes, Optional<Question> question,
                                                MetricSettings settings) {
        if (takes.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(of(side(takes.get(0), question, settings),
                side(takes.get(takes.size() - 1), question, settings), takes.size()));
    }

    /** Finds the takes of a question in the log and compares the first with the latest. Reads files. */
    public static Optional<TakeComparison> load(Path dataRoot, String profile, String questionId,
                                                Optional<Question> question, MetricSettings settings) {
        return open(takes(dataRoot, profile, questionId), question, settings);
    }

    private static Side side(Take take, Optional<Question> question, MetricSettings settings) {
        SavedTakes.Opened opened = SavedTakes.open(take.files(), question, settings);
        return new Side(take, opened.take(), take.rating().or(() -> opened.review().rating()));
    }

    /** Compares two opened takes; {@code takes} is how many takes of the question there are in all. */
    public static TakeComparison of(Side first, Side latest, int takes) {
        Optional<SpeechMetrics> a = first.result().metrics();
        Optional<SpeechMetrics> b = latest.result().metrics();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Rating", rating(first.rating()), rating(latest.rating()),
                higher(grade(first.rating()), grade(latest.rating()), 0)));
        if (!first.coverage().isEmpty() || !latest.coverage().isEmpty()) {
            rows.add(new Row("Talking points covered", points(first.coverage(), a), points(latest.coverage(), b),
                    higher(covered(first.coverage(), a), covered(latest.coverage(), b), 0)));
        }
        OptionalDouble paceA = number(a, SpeechMetrics::wordsPerMinute);
        OptionalDouble paceB = number(b, SpeechMetrics::wordsPerMinute);
        rows.add(new Row("Pace", text(paceA, "%.0f words per minute"), text(paceB, "%.0f words per minute"),
                nearer(paceA, paceB, MetricRows.PACE_LOW, MetricRows.PACE_HIGH, 0)));
        OptionalDouble firstWordA = number(a, SpeechMetrics::timeToFirstWord);
        OptionalDouble firstWordB = number(b, SpeechMetrics::timeToFirstWord);
        rows.add(new Row("Time to first word", text(firstWordA, "%.1f s"), text(firstWordB, "%.1f s"),
                lower(firstWordA, firstWordB, 1)));
        rows.add(new Row("Long pauses", pauses(a), pauses(b),
                lower(count(a, m -> m.longPauses().size()), count(b, m -> m.longPauses().size()), 0)));
        OptionalDouble fillersA = number(a, SpeechMetrics::fillersPerMinute);
        OptionalDouble fillersB = number(b, SpeechMetrics::fillersPerMinute);
        rows.add(new Row("Filler phrases per minute", fillers(a), fillers(b), lower(fillersA, fillersB, 1)));
        OptionalDouble umA = number(a, TakeComparison::filledPauses);
        OptionalDouble umB = number(b, TakeComparison::filledPauses);
        if (umA.isPresent() || umB.isPresent()) {
            rows.add(new Row("Um and uh (estimate)", text(umA, "%.0f"), text(umB, "%.0f"), lower(umA, umB, 0)));
        }
        addCount(rows, "Hedges", a, b, m -> m.hedges().total());
        addCount(rows, "Repeated words", a, b, m -> m.repeats().size());
        addCount(rows, "Bitter or negative phrasing", a, b, m -> m.toneCues().total());
        OptionalDouble pitchA = voice(first);
        OptionalDouble pitchB = voice(latest);
        if (pitchA.isPresent() || pitchB.isPresent()) {
            rows.add(new Row("Pitch variation", text(pitchA, "%.1f semitones"), text(pitchB, "%.1f semitones"),
                    nearer(pitchA, pitchB, PITCH_LOW, PITCH_HIGH, 1)));
        }
        return new TakeComparison(first, latest, takes, rows);
    }

    public Side first() {
        return first;
    }

    public Side latest() {
        return latest;
    }

    /** How many takes of the question there are, the two compared included. */
    public int takes() {
        return takes;
    }

    /** The measures in display order, the rating first. */
    public List<Row> rows() {
        return rows;
    }

    /** How many measures got that verdict. */
    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** One sentence on how the latest take did, e.g. "The latest take is better on 5 measures and worse on 1." */
    public String summary() {
        long better = count(Verdict.BETTER);
        long worse = count(Verdict.WORSE);
        if (better == 0 && worse == 0) {
            return count(Verdict.SAME) > 0 ? "The latest take measures the same as the first."
                    : "These takes cannot be compared: at least one of them has no transcript yet.";
        }
        List<String> parts = new ArrayList<>();
        if (better > 0) {
            parts.add("better on " + measures(better));
        }
        if (worse > 0) {
            parts.add("worse on " + measures(worse));
        }
        return "The latest take is " + String.join(" and ", parts) + " than the first.";
    }

    private static String measures(long n) {
        return n + (n == 1 ? " measure" : " measures");
    }

    private static Path key(TakeFiles files) {
        return files.dir().toAbsolutePath().normalize().resolve(files.take());
    }

    private static void addCount(List<Row> rows, String name, Optional<SpeechMetrics> a, Optional<SpeechMetrics> b,
                                 Function<SpeechMetrics, Integer> count) {
        OptionalDouble x = count(a, count);
        OptionalDouble y = count(b, count);
        rows.add(new Row(name, text(x, "%.0f"), text(y, "%.0f"), lower(x, y, 0)));
    }

    private static OptionalDouble number(Optional<SpeechMetrics> m, Function<SpeechMetrics, OptionalDouble> figure) {
        return m.map(figure).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble count(Optional<SpeechMetrics> m, Function<SpeechMetrics, Integer> count) {
        return m.map(x -> OptionalDouble.of(count.apply(x))).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble filledPauses(SpeechMetrics m) {
        return m.filledPauses().isPresent() ? OptionalDouble.of(m.filledPauses().getAsInt()) : OptionalDouble.empty();
    }

    private static OptionalDouble voice(Side side) {
        return side.result().voice().map(v -> OptionalDouble.of(v.pitchVariationSemitones()))
                .orElse(OptionalDouble.empty());
    }

    private static OptionalDouble grade(Optional<Rating> rating) {
        return rating.map(r -> OptionalDouble.of(r.grade())).orElse(OptionalDouble.empty());
    }

    private static String rating(Optional<Rating> rating) {
        return rating.map(Rating::label).orElse("not rated");
    }

    private static OptionalDouble covered(List<PointCoverage> coverage, Optional<SpeechMetrics> metrics) {
        if (metrics.isEmpty() || coverage.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(coverage.stream().filter(PointCoverage::covered).count());
    }

    private static String points(List<PointCoverage> coverage, Optional<SpeechMetrics> metrics) {
        if (metrics.isEmpty() || coverage.isEmpty()) {
            return "-";
        }
        return coverage.stream().filter(PointCoverage::covered).count() + " of " + coverage.size();
    }

    private static String pauses(Optional<SpeechMetrics> metrics) {
        return metrics.map(m -> m.longPauses().size() + (m.longPauses().isEmpty() || m.longestPause().isEmpty() ? ""
                : format(" (longest %.1f s)", m.longestPause().getAsDouble()))).orElse("-");
    }

    private static String fillers(Optional<SpeechMetrics> metrics) {
        return metrics.map(m -> m.fillersPerMinute().isPresent()
                ? format("%.1f (%d in all)", m.fillersPerMinute().getAsDouble(), m.fillers().total())
                : Integer.toString(m.fillers().total())).orElse("-");
    }

    private static String text(OptionalDouble value, String pattern) {
        return value.isPresent() ? format(pattern, value.getAsDouble()) : "-";
    }

    /** Fewer is better; differences too small to show at {@code decimals} places count as the same. */
    static Verdict lower(OptionalDouble first, OptionalDouble latest, int decimals) {
        if (first.isEmpty() || latest.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        int order = Double.compare(round(latest.getAsDouble(), decimals), round(first.getAsDouble(), decimals));
        return order < 0 ? Verdict.BETTER : order > 0 ? Verdict.WORSE : Verdict.SAME;
    }

    /** More is better. */
    static Verdict higher(OptionalDouble first, OptionalDouble latest, int decimals) {
        if (first.isEmpty() || latest.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        return lower(OptionalDouble.of(-first.getAsDouble()), OptionalDouble.of(-latest.getAsDouble()), decimals);
    }

    /** Closer to the range {@code low}..{@code high} is better; anywhere inside it is as good as can be. */
    static Verdict nearer(OptionalDouble first, OptionalDouble latest, double low, double high, int decimals) {
        if (first.isEmpty() || latest.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        return lower(OptionalDouble.of(outside(round(first.getAsDouble(), decimals), low, high)),
                OptionalDouble.of(outside(round(latest.getAsDouble(), decimals), low, high)), decimals);
    }

    private static double outside(double value, double low, double high) {
        return value < low ? low - value : value > high ? value - high : 0;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
