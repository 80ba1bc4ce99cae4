package app.retake.bank;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import app.retake.storage.AtomicFiles;

/** Writes a bank back to CSV, keeping the file's own column order and every column Retake does not know. */
public final class BankWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** The CSV text for {@code questions} under {@code header}; known columns the header lacks are appended. */
    public String toCsv(List<String> header, Collection<Question> questions) {
        List<String> columns = new ArrayList<>(header.isEmpty() ? BankColumn.standardHeader() : header);
        for (BankColumn c : BankColumn.values()) {
            boolean present = columns.stream().anyMatch(h -> BankColumn.match(h).orElse(null) == c);
            if (!present && questions.stream().anyMatch(q -> !value(q, c).isEmpty())) {
                columns.add(c.header());
            }
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(columns);
            for (Question q : questions) {
                printer.printRecord(cells(columns, q));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString();
    }

    /**
     * One row holding {@code q} under the columns of {@code header}, ended by {@code lineEnd}. Cells for columns the
     * header lacks are left out; check {@link #fits} first.
     */
    public String row(List<String> header, Question q, String lineEnd) {
        CSVFormat format = FORMAT.builder().setRecordSeparator(lineEnd).get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(cells(header, q));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString();
    }

    /** Whether {@code header} has a column for everything {@code q} holds, so a row under it loses nothing. */
    public boolean fits(List<String> header, Question q) {
        for (BankColumn c : BankColumn.values()) {
            // An empty difficulty cell reads as medium, so a bank without the column can still hold medium ones.
            boolean needed = c == BankColumn.DIFFICULTY ? q.difficulty() != Difficulty.MEDIUM : !value(q, c).isEmpty();
            if (needed && header.stream().noneMatch(h -> BankColumn.match(h).orElse(null) == c)) {
                return false;
            }
        }
        return header.containsAll(q.extra().keySet());
    }

    /** Atomically replaces {@code file} with the given questions. */
    public void write(Path file, List<String> header, Collection<Question> questions) throws IOException {
        AtomicFiles.writeString(file, toCsv(header, questions));
    }

    /** The cells of {@code q} in the order of {@code columns}; unknown columns come from its extra cells. */
    private static List<String> cells(List<String> columns, Question q) {
        List<String> row = new ArrayList<>(columns.size());
        for (String name : columns) {
            Optional<BankColumn> known = BankColumn.match(name);
            row.add(known.map(c -> value(q, c)).orElseGet(() -> q.extra().getOrDefault(name, "")));
        }
        return row;
    }

    private static String value(Question q, BankColumn column) {
        return switch (column) {
            case ID -> q.id();
            case CATEGORY -> q.category();
            case QUESTION -> q.text();
            case TALKING_POINTS -> String.join(BankColumn.LIST_SEPARATOR, q.talkingPoints());
            case FOLLOW_UPS -> String.join(BankColumn.LIST_SEPARATOR, q.followUps());
            case TAGS -> String.join(BankColumn.LIST_SEPARATOR, q.tags());
            case DIFFICULTY -> q.difficulty().label();
            case SOURCE -> q.source();
        };
    }
}
