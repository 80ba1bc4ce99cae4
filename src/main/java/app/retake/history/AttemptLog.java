package app.retake.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.storage.AppendOnlyCsv;
import app.retake.storage.AtomicFiles;
import app.retake.storage.FileProblem;
import app.retake.storage.IoProblems;

/**
 * The attempt log, {@code attempts.csv}: one row per take, only ever appended to, each append synced to disk.
 * Everything Retake knows about a user's preparedness is derived by replaying it.
 *
 * <p>A crash during an append can leave a torn last line. Reading skips it with a warning; the next append
 * moves the fragment aside (see {@link AppendOnlyCsv}).
 */
public final class AttemptLog {

    /** File name under the data root. */
    public static final String FILE_NAME = "attempts.csv";
    /** The layout this version writes. */
    public static final int SCHEMA = 1;
    static final String SCHEMA_LINE = "# retake attempt log, schema=" + SCHEMA;

    private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);
    private static final CSVFormat FORMAT = AppendOnlyCsv.FORMAT;
    private static final String DAMAGED_HEADER = "damaged header row (unbalanced quotes); the rows after it are read "
            + "in the order Retake writes its columns";

    /** The columns of schema 1, in file order. */
    enum Column {
        TIME("time"), SESSION("session"), TAKE("take"), QUESTION("question"), BANK("bank"), MODE("mode"),
        PROFILE("profile"), SELF_RATING("self_rating"), INTERVIEWER_RATING("interviewer_rating"),
        DURATION("duration_s"), RECORDING("recording"), TRANSCRIPT("transcript"), METRICS("metrics");

        final String header;

        Column(String header) {
            this.header = header;
        }

        static List<String> headers() {
            return Arrays.stream(values()).map(c -> c.header).toList();
        }
    }

    private final Path file;
    private final AppendOnlyCsv csv;

    public AttemptLog(Path file) {
        this.file = file;
        this.csv = new AppendOnlyCsv(file, SCHEMA_LINE, Column.headers());
    }

    /** The log under {@code dataRoot}. */
    public static AttemptLog in(Path dataRoot) {
        return new AttemptLog(dataRoot.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Appends one row and syncs it to disk before returning. */
    public void append(Attempt attempt) throws IOException {
        csv.append(row(attempt));
    }

    /**
     * Writes a whole log at once, replacing any file there atomically (temp file, sync, rename): for importing,
     * migrating, and generating large logs to measure. Normal use only ever appends.
     */
    public static void writeAll(Path file, Iterable<Attempt> attempts) throws IOException {
        AtomicFiles.replace(file, temp -> {
            try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 var printer = new CSVPrinter(writer, FORMAT)) {
                writer.write(SCHEMA_LINE + "\n");
                printer.printRecord(Column.headers());
                for (Attempt attempt : attempts) {
                    printer.printRecord(row(attempt));
                }
            }
        });
    }

    /**
     * Streams every readable row to {@code sink} in file order. Never throws: unreadable rows, a torn last line
     * or an unreadable file are reported in the result.
     */
    public ReadResult read(Consumer<Attempt> sink) {
        List<FileProblem> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new ReadResult(SCHEMA, 0, problems);
        }
        boolean torn;
        try {
            torn = csv.endsTorn();
        } catch (IOException e) {
            problems.add(new FileProblem(file, 0, "cannot be read: " + IoProblems.describe(e)));
            return new ReadResult(SCHEMA, 0, problems);
        }
        long[] rows = {0};
        int schema = new Reading(problems, torn, attempt -> {
            rows[0]++;
            sink.accept(attempt);
        }).run();
        for (FileProblem problem : problems) {
            LOG.warn("{}", problem);
        }
        return new ReadResult(schema, rows[0], problems);
    }

    /** Reads every row into memory. Never throws. */
    public History readAll() {
        List<Attempt> attempts = new ArrayList<>();
        ReadResult result = read(attempts::add);
        return new History(attempts, result.problems(), result.schema());
    }

    /** What a read found besides the rows themselves. */
    public record ReadResult(int schema, long rows, List<FileProblem> problems) {
    }

    /** The whole log in memory. */
    public record History(List<Attempt> attempts, List<FileProblem> problems, int schema) {
    }

    private static List<String> row(Attempt a) {
        String[] cells = new String[Column.values().length];
        cells[Column.TIME.ordinal()] = a.time().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        cells[Column.SESSION.ordinal()] = oneLine(a.session());
        cells[Column.TAKE.ordinal()] = oneLine(a.take());
        cells[Column.QUESTION.ordinal()] = oneLine(a.questionId());
        cells[Column.BANK.ordinal()] = oneLine(a.bank());
        cells[Column.MODE.ordinal()] = a.mode().label();
        cells[Column.PROFILE.ordinal()] = oneLine(a.profile());
        cells[Column.SELF_RATING.ordinal()] = a.selfRating().map(Rating::label).orElse("");
        cells[Column.INTERVIEWER_RATING.ordinal()] = a.interviewerRating().map(Rating::label).orElse("");
        cells[Column.DURATION.ordinal()] = String.format(Locale.ROOT, "%.3f", a.duration().toMillis() / 1000.0);
        cells[Column.RECORDING.ordinal()] = oneLine(a.recording().orElse(""));
        cells[Column.TRANSCRIPT.ordinal()] = oneLine(a.transcript().orElse(""));
        StringBuilder metrics = new StringBuilder();
        new TreeMap<>(a.metrics()).forEach((k, v) -> {
            if (metrics.length() > 0) {
                metrics.append(';');
            }
            metrics.append(clean(k)).append('=').append(clean(v));
        });
        cells[Column.METRICS.ordinal()] = metrics.toString();
        return Arrays.asList(cells);
    }

    // Every row must stay on one physical line: that is what lets a reader resume after a damaged row.
    private static String oneLine(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private static String clean(String metricPart) {
        return oneLine(metricPart).replace(';', ',').replace('=', ':');
    }

    /** One pass over the file. */
    private final class Reading {
        private final List<FileProblem> problems;
        private final boolean torn;
        private final Consumer<Attempt> sink;
        private int[] index;

        Reading(List<FileProblem> problems, boolean torn, Consumer<Attempt> sink) {
            this.problems = problems;
            this.torn = torn;
            this.sink = sink;
        }

        int run() {
            int schema = SCHEMA;
            long skipLines = 0;
            boolean headerRead = false;
            while (true) {
                try (BufferedReader reader = AppendOnlyCsv.reader(file)) {
                    long lineBase = 0;
                    for (; lineBase < skipLines; lineBase++) {
                        if (reader.readLine() == null) {
                            return schema;
                        }
                    }
                    if (!headerRead) {
                        // Only one character is looked at before going back: a damaged first line may be of any length.
                        reader.mark(1);
                        boolean comment = reader.read() == '#';
                        reader.reset();
                        if (comment) {
                            schema = AppendOnlyCsv.schemaOf(reader.readLine(), SCHEMA);
                            lineBase = 1;
                        }
                    }
                    Long resumeAt = parse(reader, lineBase, headerRead);
                    headerRead = true;
                    if (resumeAt == null) {
                        return schema;
                    }
                    skipLines = resumeAt;
                } catch (NoSuchFileException e) {
                    return schema;
                } catch (IOException | UncheckedIOException e) {
                    problems.add(new FileProblem(file, 0, "cannot be read: " + e.getMessage()));
                    return schema;
                }
            }
        }

        /** Parses until the end (null) or a damaged row, returning the line to resume after it. */
        private Long parse(BufferedReader reader, long lineBase, boolean headerRead) throws IOException {
            CSVParser parser = CSVParser.parse(reader, FORMAT);
            Iterator<CSVRecord> records = parser.iterator();
            boolean needHeader = !headerRead;
            CSVRecord held = null;
            long heldLine = 0;
            while (true) {
                long before = parser.getCurrentLineNumber();
                long line = lineBase + before + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (held != null) {
                        accept(heldLine, held);
                    }
                    problems.add(new FileProblem(file, line, needHeader ? DAMAGED_HEADER : torn
                            ? "incomplete or damaged row (Retake was probably stopped while writing it); skipped"
                            : "damaged row (unbalanced quotes); skipped"));
                    return line;
                }
                if (parser.getCurrentLineNumber() - before > 1) {
                    // Retake writes every row on one line, so a row running over several is a quote left open by
                    // damage that swallowed the rows after it: only its first line is given up.
                    if (held != null) {
                        accept(heldLine, held);
                    }
                    problems.add(new FileProblem(file, line, needHeader ? DAMAGED_HEADER
                            : "damaged row (unbalanced quotes); skipped"));
                    return line;
                }
                if (needHeader) {
                    needHeader = false;
                    readHeader(record, line);
                    continue;
                }
                if (held != null) {
                    accept(heldLine, held);
                }
                held = record;
                heldLine = line;
            }
            if (held != null) {
                if (torn) {
                    problems.add(new FileProblem(file, heldLine,
                            "incomplete last row (Retake was probably stopped while writing it); skipped"));
                } else {
                    accept(heldLine, held);
                }
            }
            return null;
        }

        private void readHeader(CSVRecord header, long line) {
            index = new int[Column.values().length];
            Arrays.fill(index, -1);
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                for (Column c : Column.values()) {
                    if (c.header.equals(name)) {
                        index[c.ordinal()] = i;
                    }
                }
            }
            if (index[Column.TIME.ordinal()] < 0 || index[Column.QUESTION.ordinal()] < 0) {
                problems.add(new FileProblem(file, line, "the header lacks the time and question columns"));
            }
        }

        private String cell(CSVRecord record, Column column) {
            if (index == null) {
                // The header row was damaged: the rows are read in the order this version writes them.
                index = new int[Column.values().length];
                Arrays.setAll(index, i -> i);
            }
            int i = index[column.ordinal()];
            return i < 0 || i >= record.size() ? "" : record.get(i);
        }

        private void accept(long line, CSVRecord record) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                return;
            }
            List<String> reasons = new ArrayList<>();
            if (record.stream().anyMatch(cell -> cell.indexOf(AppendOnlyCsv.NOT_TEXT) >= 0)) {
                reasons.add("contains bytes that are not UTF-8 text");
            }
            OffsetDateTime time = null;
            try {
                time = Timestamps.parse(cell(record, Column.TIME));
            } catch (DateTimeParseException e) {
                reasons.add("unreadable time \"" + cell(record, Column.TIME) + "\"");
            }
            String question = cell(record, Column.QUESTION).strip();
            if (question.isEmpty()) {
                reasons.add("no question id");
            }
            String modeCell = cell(record, Column.MODE);
            Optional<Mode> mode = modeCell.isBlank() ? Optional.of(Mode.SOLO) : Mode.parse(modeCell);
            if (mode.isEmpty()) {
                reasons.add("unknown mode \"" + modeCell + "\"");
            }
            Optional<Rating> self = rating(record, Column.SELF_RATING, reasons);
            Optional<Rating> interviewer = rating(record, Column.INTERVIEWER_RATING, reasons);
            Duration duration = Duration.ZERO;
            String seconds = cell(record, Column.DURATION).strip();
            if (!seconds.isEmpty()) {
                try {
                    duration = Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
                } catch (NumberFormatException e) {
                    reasons.add("unreadable duration \"" + seconds + "\"");
                }
            }
            if (!reasons.isEmpty()) {
                problems.add(new FileProblem(file, line, String.join("; ", reasons) + "; row skipped"));
                return;
            }
            sink.accept(new Attempt(time, cell(record, Column.SESSION), cell(record, Column.TAKE), question,
                    cell(record, Column.BANK), mode.get(), cell(record, Column.PROFILE), self, interviewer, duration,
                    optional(cell(record, Column.RECORDING)), optional(cell(record, Column.TRANSCRIPT)),
                    metrics(cell(record, Column.METRICS))));
        }

        private Optional<Rating> rating(CSVRecord record, Column column, List<String> reasons) {
            String text = cell(record, column);
            if (text.isBlank()) {
                return Optional.empty();
            }
            Optional<Rating> rating = Rating.parse(text);
            if (rating.isEmpty()) {
                reasons.add("unknown rating \"" + text + "\" in " + column.header);
            }
            return rating;
        }
    }

    private static Optional<String> optional(String cell) {
        return cell.isBlank() ? Optional.empty() : Optional.of(cell);
    }

    private static Map<String, String> metrics(String cell) {
        if (cell.isBlank()) {
            return Map.of();
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String pair : cell.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                metrics.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return metrics;
    }

    /** Reads the timestamps this log writes quickly, and any other ISO-8601 offset date-time correctly. */
    static final class Timestamps {
        private Timestamps() {
        }

        static OffsetDateTime parse(String text) {
            // Fast path for exactly "yyyy-MM-ddTHH:mm:ss+HH:MM" or "...Z": replaying a million rows must not be
            // dominated by the general-purpose formatter.
            int n = text.length();
            if ((n == 25 || n == 20) && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                    && text.charAt(13) == ':' && text.charAt(16) == ':') {
                try {
                    ZoneOffset offset;
                    if (n == 20 && text.charAt(19) == 'Z') {
                        offset = ZoneOffset.UTC;
                    } else if (n == 25 && (text.charAt(19) == '+' || text.charAt(19) == '-') && text.charAt(22) == ':') {
                        int sign = text.charAt(19) == '-' ? -1 : 1;
                        offset = ZoneOffset.ofHoursMinutes(sign * digits(text, 20, 22), sign * digits(text, 23, 25));
                    } else {
                        return OffsetDateTime.parse(text);
                    }
                    return OffsetDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                            digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19), 0, offset);
                } catch (RuntimeException e) {
                    return OffsetDateTime.parse(text);
                }
            }
            return OffsetDateTime.parse(text);
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new NumberFormatException(text);
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
