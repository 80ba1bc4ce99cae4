package app.retake.history;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import app.retake.storage.AppendOnlyCsv;
import app.retake.storage.FileProblem;
import app.retake.storage.IoProblems;

/**
 * Debriefs of real interviews, kept in {@code debriefs.csv} under the data root. Saving one also appends a
 * {@link Mode#DEBRIEF} attempt per question asked, so the questions that caught the user out join the weak
 * spots at once.
 */
public final class Debriefs {

    public static final String FILE_NAME = "debriefs.csv";
    static final int SCHEMA = 1;
    static final List<String> HEADER = List.of("logged", "date", "profile", "company", "role", "asked",
            "unprepared", "lessons");
    private static final String LIST_SEPARATOR = " | ";

    private final AppendOnlyCsv csv;
    private final AttemptLog attempts;

    public Debriefs(Path dataRoot, AttemptLog attempts) {
        this.csv = new AppendOnlyCsv(dataRoot.resolve(FILE_NAME), "# retake debriefs, schema=" + SCHEMA, HEADER);
        this.attempts = attempts;
    }

    /**
     * Saves the debrief, then one attempt per question asked, timed at midday of the interview (or when logged,
     * if that is earlier).
     *
     * @param bankOf the bank each question id belongs to, for the attempt rows
     */
    public void save(Debrief debrief, Function<String, String> bankOf) throws IOException {
        csv.append(List.of(debrief.logged().toString(), debrief.date().toString(), debrief.profile(),
                debrief.company(), debrief.role(), String.join(LIST_SEPARATOR, debrief.asked()),
                String.join(LIST_SEPARATOR, debrief.asked().stream()
                        .filter(id -> debrief.ratingFor(id) == Rating.UNPREPARED).toList()),
                debrief.lessons()));
        OffsetDateTime midday = debrief.date().atTime(LocalTime.NOON).atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
        OffsetDateTime when = midday.isBefore(debrief.logged()) ? midday : debrief.logged();
        String session = "debrief-" + debrief.logged().toEpochSecond();
        int n = 0;
        for (String id : debrief.asked()) {
            n++;
            attempts.append(new Attempt(when, session, session + "-" + n, id, bankOf.apply(id), Mode.DEBRIEF,
                    debrief.profile(), Optional.of(debrief.ratingFor(id)), Optional.empty(), Duration.ZERO,
                    Optional.empty(), Optional.empty(), Map.of()));
        }
    }

    /** Every readable debrief, oldest first, and what could not be read. Never throws. */
    public Result readAll() {
        List<Debrief> debriefs = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        Path file = csv.file();
        if (!Files.exists(file)) {
            return new Result(debriefs, problems);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader,
                     AppendOnlyCsv.FORMAT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get())) {
            boolean torn = csv.endsTorn();
            List<CSVRecord> records = parser.getRecords();
            for (int i = 0; i < records.size(); i++) {
                CSVRecord record = records.get(i);
                long line = record.getRecordNumber() + 2; // comment line and header come first
                if (torn && i == records.size() - 1) {
                    problems.add(new FileProblem(file, line, "incomplete last row (Retake was probably stopped "
                            + "while writing it); skipped"));
                    break;
                }
                try {
                    debriefs.add(new Debrief(OffsetDateTime.parse(record.get("logged")),
                            LocalDate.parse(record.get("date")), record.get("profile"), record.get("company"),
                            record.get("role"), list(record.get("asked")),
                            new LinkedHashSet<>(list(record.get("unprepared"))), record.get("lessons")));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    problems.add(new FileProblem(file, line, "unreadable debrief (" + e.getMessage() + "); skipped"));
                }
            }
        } catch (IOException e) {
            problems.add(new FileProblem(file, 0, "cannot be read: " + IoProblems.describe(e)));
        } catch (UncheckedIOException | IllegalStateException e) {
            problems.add(new FileProblem(file, 0, "damaged (" + e.getMessage() + "); debriefs after the damage "
                    + "could not be read"));
        }
        return new Result(debriefs, problems);
    }

    /**
     * Removes every debrief of {@code profile} (ignoring case) by rewriting the file atomically; other profiles'
     * rows are copied as they are, cell for cell.
     *
     * @return how many debriefs were removed
     * @throws IOException when some rows cannot be read (a rewrite would drop them) or the file cannot be written;
     *                     nothing has changed then
     */
    public int removeProfile(String profile) throws IOException {
        Path file = csv.file();
        if (!Files.exists(file)) {
            return 0;
        }
        Result read = readAll();
        if (!read.problems().isEmpty()) {
            throw new IOException("The debriefs file " + file + " has rows Retake cannot read (first: "
                    + read.problems().get(0) + "). Removing rows now would drop them, so nothing was deleted.");
        }
        String comment;
        List<String> header;
        List<List<String>> keep = new ArrayList<>();
        int removed = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader,
                     AppendOnlyCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                             .get())) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (record.isConsistent() && record.get("profile").equalsIgnoreCase(profile)) {
                    removed++;
                } else {
                    keep.add(record.toList());
                }
            }
        }
        if (removed == 0) {
            return 0;
        }
        try (java.io.BufferedReader first = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = first.readLine();
            comment = line != null && line.startsWith("#") ? line : "# retake debriefs, schema=" + SCHEMA;
        }
        StringBuilder text = new StringBuilder(comment).append('\n');
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(text,
                AppendOnlyCsv.FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : keep) {
                printer.printRecord(row);
            }
        }
        app.retake.storage.AtomicFiles.writeString(file, text.toString());
        return removed;
    }

    /** Debriefs and problems found reading them. */
    public record Result(List<Debrief> debriefs, List<FileProblem> problems) {
    }

    private static List<String> list(String cell) {
        return cell.isBlank() ? List.of()
                : Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
