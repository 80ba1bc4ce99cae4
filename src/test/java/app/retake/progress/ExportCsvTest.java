package app.retake.progress;

import static app.retake.progress.ProgressFixtures.NOW;
import static app.retake.progress.ProgressFixtures.daysAgo;
import static app.retake.progress.ProgressFixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;

/** CSV exports open safely in a spreadsheet and hold what the history holds. */
class ExportCsvTest {

    @TempDir
    Path dir;

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
        assertThat(CsvExport.safe("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvExport.safe("+44 20 7946 0000")).isEqualTo("'+44 20 7946 0000");
        assertThat(CsvExport.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvExport.safe("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvExport.safe("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(CsvExport.safe("\r=cmd")).isEqualTo("'\r=cmd");
        assertThat(CsvExport.safe("Tell me about yourself")).isEqualTo("Tell me about yourself");
        assertThat(CsvExport.safe("a=b")).isEqualTo("a=b");
        assertThat(CsvExport.safe("131.0")).isEqualTo("131.0");
        assertThat(CsvExport.safe("")).isEmpty();
        assertThat(CsvExport.safe(null)).isEmpty();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    @Test
    void attemptExportNeutralisesFormulasInEveryColumnAndKeepsTheFigures() throws IOException {
        QuestionLibrary library = ProgressFixtures.library(dir,
                "q-evil,\"=cmd|' /C calc'!A0\",\"=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\",",
                "q-fine,behavioural,\"Tell me about a conflict, briefly.\",");
        Attempt evil = new Attempt(OffsetDateTime.parse("2026-03-09T10:00:00+01:00"), "+session", "-take", "q-evil",
                "@bank", Mode.SOLO, "me", Optional.of(Rating.SHAKY), Optional.of(Rating.UNPREPARED),
                Duration.ofMillis(61_250), Optional.of("\tfolder/x.mp4"), Optional.of("\rx.transcript.json"),
                Map.of("wpm", "-5", "long_pauses", "3"));
        Attempt fine = ProgressFixtures.take("s1", "t1", "q-fine", daysAgo(1), Rating.GOOD,
                Map.of("wpm", "131.5", "fillers_per_min", "2.10"));
        Path file = dir.resolve("out/attempts.csv");
        int rows = CsvExport.writeAttempts(file, List.of(evil, fine), library);

        assertThat(rows).isEqualTo(2);
        List<CSVRecord> records = read(file);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).toList()).isEqualTo(CsvExport.ATTEMPT_HEADER);
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell).as("cell %s", cell).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        CSVRecord bad = records.get(1);
        assertThat(cell(bad, "question")).isEqualTo("'=HYPERLINK(\"http://example.com\",\"click\")");
        assertThat(cell(bad, "category")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(cell(bad, "session")).isEqualTo("'+session");
        assertThat(cell(bad, "take")).isEqualTo("'-take");
        assertThat(cell(bad, "bank")).isEqualTo("'@bank");
        assertThat(cell(bad, "wpm")).isEqualTo("'-5");
        assertThat(cell(bad, "recording")).isEqualTo("'\tfolder/x.mp4");
        assertThat(cell(bad, "transcript")).isEqualTo("'\rx.transcript.json");
        assertThat(cell(bad, "rating")).isEqualTo("unprepared");
        assertThat(cell(bad, "date")).isEqualTo("2026-03-09");
        assertThat(cell(bad, "time")).isEqualTo("10:00:00");
        assertThat(cell(bad, "timestamp")).isEqualTo("2026-03-09T10:00:00+01:00");
        assertThat(cell(bad, "duration_s")).isEqualTo("61.3");
        CSVRecord good = records.get(2);
        assertThat(cell(good, "question")).isEqualTo("Tell me about a conflict, briefly.");
        assertThat(cell(good, "wpm")).isEqualTo("131.5");
        assertThat(cell(good, "fillers_per_min")).isEqualTo("2.10");
        assertThat(cell(good, "long_pauses")).isEmpty();
    }

    private static String cell(CSVRecord record, String column) {
        return record.get(CsvExport.ATTEMPT_HEADER.indexOf(column));
    }

    @Test
    void unpreparedExportIsWorstFirstWithTalkingPoints() throws IOException {
        QuestionLibrary library = ProgressFixtures.library(dir,
                "q-old,behavioural,Describe a failure.,what happened | what you learned",
                "q-new,curveball,@Why should we hire you?,");
        List<Attempt> attempts = List.of(rated("q-new", daysAgo(1), Rating.UNPREPARED),
                rated("q-old", daysAgo(9), Rating.UNPREPARED), rated("q-old", daysAgo(8), Rating.SHAKY));
        ProgressReport report = ProgressReport.compute(attempts, library, "me", NOW, ZoneOffset.UTC);
        Path file = dir.resolve("unprepared.csv");
        assertThat(CsvExport.writeUnprepared(file, report.unprepared(), ZoneOffset.UTC)).isEqualTo(2);

        List<CSVRecord> records = read(file);
        assertThat(records.get(0).toList()).isEqualTo(CsvExport.UNPREPARED_HEADER);
        assertThat(records.get(1).toList()).containsExactly("1", "q-old", "behavioural", "Describe a failure.",
                "shaky", "2026-03-02", "2", String.format(Locale.ROOT, "%.2f",
                        report.unprepared().get(0).weakness()), "what happened | what you learned");
        assertThat(records.get(2).get(0)).isEqualTo("2");
        assertThat(records.get(2).get(3)).isEqualTo("'@Why should we hire you?");
    }

    @Test
    void formulasAfterBlanksOrInFullWidthOrAfterALineBreakAreWrittenAsTextToo() {
        assertThat(CsvExport.safe("  =1+2")).isEqualTo("'  =1+2");
        assertThat(CsvExport.safe("\u00A0@SUM(A1)")).isEqualTo("'\u00A0@SUM(A1)");
        assertThat(CsvExport.safe("\uFF1D1+2")).isEqualTo("'\uFF1D1+2");
        assertThat(CsvExport.safe("\u3000\uFF0Bcmd")).isEqualTo("'\u3000\uFF0Bcmd");
        assertThat(CsvExport.safe("\uFF0D2")).isEqualTo("'\uFF0D2");
        assertThat(CsvExport.safe("\uFF20x")).isEqualTo("'\uFF20x");
        assertThat(CsvExport.safe("\n=cmd")).isEqualTo("'\n=cmd");
        assertThat(CsvExport.safe("  plain words")).isEqualTo("  plain words");
        assertThat(CsvExport.safe("   ")).isEqualTo("   ");
    }
}
