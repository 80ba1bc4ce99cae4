package app.retake.faults;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import app.retake.bank.BankColumn;
import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.progress.CsvExport;
import app.retake.progress.ProgressReport;

/**
 * Bad input: text that a spreadsheet would run as a formula ({@code =HYPERLINK(…)}, {@code +cmd|…}, {@code -1+1},
 * {@code @SUM(…)}, after a tab, a line break or spaces, and in full-width forms) in question texts, categories,
 * talking points, question ids, profiles, session names and measurements, exported as the attempt history and the
 * unprepared list and read back as CSV. No cell may start with what a spreadsheet takes for a formula, and every cell
 * must read as it was, at most with the apostrophe that marks it as text.
 */
public final class CsvFormulaTrial implements FaultTrial {

    /** What makes a spreadsheet read a cell as a formula, ASCII and full-width and small forms. */
    static final String TRIGGERS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";
    private static final String[] PAYLOADS = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
        "-1+1", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+1", "\uFF1D1+1", "\uFF0Bcmd|'/C calc'!A0", "\uFF0D2+3",
        "\uFF20SUM(A1)", "\uFE66IMPORTXML(A1)", "=", "-", "+", "@"};
    private static final String[] LEADS = {"", "", " ", "   ", "\t", "\r", "\n", "\u00A0", "\u3000", " \t "};
    private final long seed;

    public CsvFormulaTrial() {
        this(Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    CsvFormulaTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "formulas in exported CSV cells";
    }

    @Override
    public Area area() {
        return Area.BAD_INPUT;
    }

    @Override
    public int defaultTrials() {
        return 1_000;
    }

    @Override
    public int quickTrials() {
        return 150;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Trials.Tally tally = new Trials.Tally(seed);
        long[] cells = new long[1];
        for (int i = 0; i < trials; i++) {
            Path dir = Files.createDirectories(scratch.resolve("t" + i));
            SplittableRandom random = tally.random(i);
            tally.check(i, "", () -> {
                List<String> wrong = new ArrayList<>();
                cells[0] += trial(dir, random, wrong);
                return wrong;
            });
            Trials.deleteTree(dir);
        }
        return tally.outcome(trials, trials + " exports of attempts and unprepared lists carrying formulas (seed "
                + seed + "), " + cells[0] + " cells read back with Commons CSV; checked: no cell starts, even after "
                + "spaces, with = + - @ (or their full-width forms), a tab or a line break, and each reads as "
                + "written, at most with a leading apostrophe");
    }

    private static String sly(SplittableRandom random) {
        String plain = "plain text " + random.nextInt(100);
        if (random.nextInt(4) == 0) {
            return plain;
        }
        return LEADS[random.nextInt(LEADS.length)] + PAYLOADS[random.nextInt(PAYLOADS.length)]
                + (random.nextBoolean() ? "" : " " + plain);
    }

    /** Runs one export of each kind and checks it; returns how many cells were read back. */
    private static long trial(Path dir, SplittableRandom random, List<String> wrong) throws Exception {
        Path banks = Files.createDirectories(dir.resolve("banks"));
        // Bank ids are letters and digits, so formulas reach the export through the other columns of a bank.
        StringBuilder bank = new StringBuilder(String.join(",", BankColumn.standardHeader())).append('\n');
        int questions = 3 + random.nextInt(5);
        for (int q = 0; q < questions; q++) {
            List<String> cells = List.of("q" + q, sly(random), sly(random), sly(random) + " | " + sly(random), "",
                    "", "", sly(random));
            bank.append(DamagedBank.line(cells)).append('\n');
        }
        Files.writeString(banks.resolve("sly.csv"), bank);
        QuestionLibrary library = QuestionLibrary.loadFolder(banks);
        if (library.questions().size() != questions) {
            wrong.add("the bank of formulas did not load: " + library.problems());
        }
        String profile = random.nextBoolean() ? "me" : sly(random).strip();
        List<Attempt> attempts = new ArrayList<>();
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        for (int n = 0; n < 10; n++) {
            String id = random.nextInt(3) == 0 ? sly(random) : "q" + random.nextInt(questions);
            Map<String, String> metrics = new LinkedHashMap<>();
            metrics.put("wpm", random.nextBoolean() ? "-12" : sly(random));
            attempts.add(new Attempt(OffsetDateTime.ofInstant(now.minus(Duration.ofHours(10 - n)), ZoneOffset.UTC),
                    sly(random), sly(random), id.isBlank() ? "x" : id, sly(random), Mode.SOLO, profile,
                    Optional.of(random.nextBoolean() ? Rating.UNPREPARED : Rating.SHAKY), Optional.empty(),
                    Duration.ofSeconds(20), Optional.of(sly(random)), Optional.of(sly(random)), metrics));
        }
        // Through the log and back, as the export command reads them.
        Path data = Files.createDirectories(dir.resolve("data"));
        AttemptLog.writeAll(AttemptLog.in(data).file(), attempts);
        List<Attempt> read = AttemptLog.in(data).readAll().attempts();
        Path attemptsCsv = dir.resolve("attempts.csv");
        CsvExport.writeAttempts(attemptsCsv, read, library);
        ProgressReport report = ProgressReport.compute(read, library, read.isEmpty() ? profile : read.get(0).profile(),
                now, ZoneId.of("UTC"));
        Path unpreparedCsv = dir.resolve("unprepared.csv");
        CsvExport.writeUnprepared(unpreparedCsv, report.unprepared(), ZoneId.of("UTC"));

        long cells = 0;
        List<CSVRecord> rows = parse(attemptsCsv);
        if (rows.size() != read.size()) {
            wrong.add("the attempts export has " + rows.size() + " of " + read.size() + " rows");
        }
        for (int r = 0; r < rows.size() && r < read.size(); r++) {
            Attempt a = read.get(r);
            CSVRecord row = rows.get(r);
            cells += checkRow(row, wrong);
            same(row, "question_id", a.questionId(), wrong);
            same(row, "profile", a.profile(), wrong);
            same(row, "session", a.session(), wrong);
            same(row, "take", a.take(), wrong);
            same(row, "bank", a.bank(), wrong);
            same(row, "recording", a.recording().orElse(""), wrong);
            same(row, "wpm", a.metrics().getOrDefault("wpm", ""), wrong);
            library.find(a.questionId()).ifPresent(q -> {
                same(row, "question", q.text(), wrong);
                same(row, "category", q.category(), wrong);
            });
        }
        List<CSVRecord> unprepared = parse(unpreparedCsv);
        if (unprepared.size() != report.unprepared().size()) {
            wrong.add("the unprepared export has " + unprepared.size() + " of " + report.unprepared().size() + " rows");
        }
        for (int r = 0; r < unprepared.size() && r < report.unprepared().size(); r++) {
            ProgressReport.Unprepared u = report.unprepared().get(r);
            CSVRecord row = unprepared.get(r);
            cells += checkRow(row, wrong);
            same(row, "question_id", u.questionId(), wrong);
            same(row, "question", u.text(), wrong);
            same(row, "category", u.category(), wrong);
            same(row, "talking_points", String.join(" | ", u.talkingPoints()), wrong);
        }
        return cells;
    }

    private static List<CSVRecord> parse(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new IllegalStateException(file + " has no byte order mark");
        }
        try (Reader in = new StringReader(text.substring(1))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** Every cell of a row: none may start like a formula. */
    private static int checkRow(CSVRecord row, List<String> wrong) {
        for (String cell : row) {
            if (startsLikeFormula(cell)) {
                wrong.add("a cell starts like a formula: " + show(cell));
            }
        }
        return row.size();
    }

    /** Whether a spreadsheet might run {@code cell}: a trigger first or after leading blanks, or a tab or break. */
    static boolean startsLikeFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        int i = 0;
        while (i < cell.length() && (Character.isWhitespace(cell.charAt(i)) || Character.isSpaceChar(cell.charAt(i)))) {
            i++;
        }
        return i < cell.length() && TRIGGERS.indexOf(cell.charAt(i)) >= 0;
    }

    private static void same(CSVRecord row, String column, String written, List<String> wrong) {
        String shown = row.get(column);
        if (!shown.equals(written) && !shown.equals("'" + written)) {
            wrong.add(column + " " + show(written) + " reads back as " + show(shown));
        }
    }

    private static String show(String text) {
        String escaped = text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        return "\"" + (escaped.length() > 60 ? escaped.substring(0, 57) + "..." : escaped) + "\"";
    }
}
