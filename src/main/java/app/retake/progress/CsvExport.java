package app.retake.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.Rating;
import app.retake.speech.MetricsSummary;
import app.retake.storage.AtomicFiles;

/**
 * The attempt history and the unprepared list as CSV for a spreadsheet or a coach. Every cell is made safe to open
 * in a spreadsheet: one that starts with {@code = + - @} (also after spaces, also in full width), a tab or a line
 * break gets a leading apostrophe, so it is shown as text instead of being run as a formula. Files are UTF-8 with
 * a byte order mark (which Excel needs to read non-ASCII text) and are written atomically.
 */
public final class CsvExport {

    /** Logged metrics exported as columns of their own, in this order. */
    static final List<String> METRIC_COLUMNS = List.of(MetricsSummary.WORDS, MetricsSummary.WORDS_PER_MINUTE,
            MetricsSummary.TIME_TO_FIRST_WORD, MetricsSummary.LONG_PAUSES, MetricsSummary.LONGEST_PAUSE,
            MetricsSummary.FILLERS, MetricsSummary.FILLERS_PER_MINUTE, MetricsSummary.HEDGES,
            MetricsSummary.POINTS_COVERED, MetricsSummary.POINTS, MetricsSummary.TONE_CUES,
            MetricsSummary.PITCH_VARIATION);

    /** Header of the attempt history export. */
    public static final List<String> ATTEMPT_HEADER;
    /** Header of the unprepared list export. */
    public static final List<String> UNPREPARED_HEADER = List.of("rank", "question_id", "category", "question",
            "last_rating", "last_rated", "takes", "weakness", "talking_points");

    static {
        List<String> header = new ArrayList<>(List.of("date", "time", "timestamp", "session", "take", "question_id",
                "category", "question", "bank", "mode", "profile", "self_rating", "interviewer_rating", "rating",
                "duration_s"));
        header.addAll(METRIC_COLUMNS);
        header.addAll(List.of("recording", "transcript"));
        ATTEMPT_HEADER = List.copyOf(header);
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();
    private static final char BOM = '\uFEFF';
    /** = + - @, then the same in full width (U+FF1D, U+FF0B, U+FF0D, U+FF20), then in small form (U+FE66 …). */
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";
    private static final String LIST_SEPARATOR = " | ";

    private CsvExport() {
    }

    /** Writes {@code attempts}, in the order given, to {@code file}; returns the rows written (header not counted). */
    public static int writeAttempts(Path file, Collection<Attempt> attempts, QuestionLibrary library)
            throws IOException {
        int[] rows = {0};
        AtomicFiles.replace(file, temp -> {
            try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(BOM);
                rows[0] = attempts(writer, attempts, library);
            }
        });
        return rows[0];
    }

    /** Writes the unprepared list, worst first, to {@code file}; returns the rows written (header not counted). */
    public static int writeUnprepared(Path file, List<ProgressReport.Unprepared> unprepared, ZoneId zone)
            throws IOException {
        int[] rows = {0};
        AtomicFiles.replace(file, temp -> {
            try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(BOM);
                rows[0] = unprepared(writer, unprepared, zone);
            }
        });
        return rows[0];
    }

    /** Prints the attempt history to {@code out}, header first; returns the rows printed. */
    public static int attempts(Appendable out, Collection<Attempt> attempts, QuestionLibrary library)
            throws IOException {
        Map<String, Question> questions = new HashMap<>();
        for (Question q : library.questions()) {
            questions.putIfAbsent(ProgressReport.key(q.id()), q);
        }
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(ATTEMPT_HEADER);
        int rows = 0;
        for (Attempt a : attempts) {
            Question q = questions.get(ProgressReport.key(a.questionId()));
            List<String> cells = new ArrayList<>(ATTEMPT_HEADER.size());
            cells.add(a.time().toLocalDate().toString());
            cells.add(a.time().toLocalTime().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_TIME));
            cells.add(a.time().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            cells.add(a.session());
            cells.add(a.take());
            cells.add(a.questionId());
            cells.add(q == null ? "" : q.category());
            cells.add(q == null ? "" : q.text());
            cells.add(a.bank());
            cells.add(a.mode().label());
            cells.add(a.profile());
            cells.add(a.selfRating().map(Rating::label).orElse(""));
            cells.add(a.interviewerRating().map(Rating::label).orElse(""));
            cells.add(a.effectiveRating().map(Rating::label).orElse(""));
            cells.add(String.format(Locale.ROOT, "%.1f", a.duration().toMillis() / 1000.0));
            for (String metric : METRIC_COLUMNS) {
                cells.add(a.metrics().getOrDefault(metric, ""));
            }
            cells.add(a.recording().orElse(""));
            cells.add(a.transcript().orElse(""));
            printer.printRecord(cells.stream().map(CsvExport::safe).toList());
            rows++;
        }
        printer.flush();
        return rows;
    }

    /** Prints the unprepared list to {@code out}, header first; returns the rows printed. */
    public static int unprepared(Appendable out, List<ProgressReport.Unprepared> unprepared, ZoneId zone)
            throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(UNPREPARED_HEADER);
        int rank = 0;
        for (ProgressReport.Unprepared u : unprepared) {
            rank++;
            List<String> cells = List.of(Integer.toString(rank), u.questionId(), u.category(), u.text(),
                    u.lastRating().label(), u.lastRated().atZone(zone).toLocalDate().toString(),
                    Integer.toString(u.takes()), String.format(Locale.ROOT, "%.2f", u.weakness()),
                    String.join(LIST_SEPARATOR, u.talkingPoints()));
            printer.printRecord(cells.stream().map(CsvExport::safe).toList());
        }
        printer.flush();
        return rank;
    }

    /**
     * The cell as a spreadsheet should show it: text that a spreadsheet would take for a formula gets a leading
     * apostrophe, which spreadsheets hide and read as "this is text". That is text whose first character other than
     * spaces is {@code = + - @} or one of their full-width or small forms (which some spreadsheets accept in place of
     * the ASCII ones), or that starts with a tab or a line break.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return "'" + cell;
        }
        int i = 0;
        while (i < cell.length() && (Character.isWhitespace(cell.charAt(i)) || Character.isSpaceChar(cell.charAt(i)))) {
            i++;
        }
        return i < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(i)) >= 0 ? "'" + cell : cell;
    }
}
