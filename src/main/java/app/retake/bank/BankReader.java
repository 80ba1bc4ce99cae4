package app.retake.bank;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import app.retake.storage.FileProblem;

/**
 * Reads one bank file. It never throws: every valid row is kept, and every bad row or file-level fault is
 * reported as a {@link FileProblem} naming the line where the row starts.
 */
public final class BankReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final char REPLACEMENT = '\uFFFD';

    /** Reads and validates {@code file}. */
    public QuestionBank read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return failed(file, List.of(), "is a folder, not a CSV file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failed(file, List.of(), "file not found");
        } catch (IOException | SecurityException e) {
            return failed(file, List.of(), "cannot be read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return failed(file, List.of(), "too large to load");
        }
        return parse(file, bytes);
    }

    /** Validates bank content already in memory; {@code file} names it in problems. */
    public QuestionBank parse(Path file, byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return failed(file, List.of(), "is saved as UTF-16; save it as \"CSV UTF-8\" instead");
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (start == bytes.length) {
            return failed(file, List.of(), "is empty; a bank needs at least a header row");
        }
        if (looksBinary(bytes, start)) {
            return failed(file, List.of(), "is not a CSV file (it contains binary data)");
        }
        String text;
        boolean badEncoding = false;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            // Keep going with replacement characters so the clean rows still load; the damaged ones are named below.
            text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            badEncoding = true;
        }
        return new Parse(file, text, badEncoding).run();
    }

    /**
     * Whether the file is not text at all (a spreadsheet renamed, UTF-16 without a byte order mark): NUL bytes in
     * its first line, or in more than one byte in ten. A stray NUL further down costs only its row.
     */
    private static boolean looksBinary(byte[] bytes, int start) {
        int nuls = 0;
        boolean firstLine = true;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                if (firstLine) {
                    return true;
                }
                nuls++;
            } else if (b == '\n' || b == '\r') {
                firstLine = false;
            }
        }
        return nuls > 0 && nuls >= (bytes.length - start) / 10;
    }

    private static QuestionBank failed(Path file, List<String> header, String reason) {
        return new QuestionBank(file, header, List.of(), List.of(new FileProblem(file, 0, reason)));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The state of reading one file. */
    private static final class Parse {
        private final Path file;
        private final String text;
        private final boolean badEncoding;
        private final String bankName;
        private final List<FileProblem> problems = new ArrayList<>();
        private final List<Question> questions = new ArrayList<>();
        private final Map<String, Long> firstLineOfId = new HashMap<>();
        private List<String> header = List.of();
        private final Map<BankColumn, Integer> columns = new EnumMap<>(BankColumn.class);
        /** Indexes of the header cells Retake does not know, whose cells are kept as they are. */
        private final List<Integer> extraColumns = new ArrayList<>();
        private int[] lineStarts;

        Parse(Path file, String text, boolean badEncoding) {
            this.file = file;
            this.text = text;
            this.badEncoding = badEncoding;
            this.bankName = QuestionBank.nameOf(file);
        }

        QuestionBank run() {
            int offset = 0;
            long lineBase = 0;
            boolean headerRead = false;
            // A syntax error (an unclosed quote swallows the rest of the file) costs only the row where it starts:
            // parsing resumes on the next physical line.
            restart:
            while (offset >= 0 && offset <= text.length()) {
                try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(offset)), FORMAT)) {
                    Iterator<CSVRecord> records = parser.iterator();
                    while (true) {
                        long before = parser.getCurrentLineNumber();
                        long line = lineBase + before + 1;
                        CSVRecord record;
                        try {
                            if (!records.hasNext()) {
                                break restart;
                            }
                            record = records.next();
                        } catch (UncheckedIOException | IllegalStateException e) {
                            problems.add(new FileProblem(file, line, syntaxError(e)));
                            if (!headerRead) {
                                return result();
                            }
                            offset = startOfLine(line + 1);
                            lineBase = line;
                            continue restart;
                        }
                        List<String> values = record.toList();
                        if (!headerRead) {
                            headerRead = true;
                            if (!readHeader(values)) {
                                return result();
                            }
                        } else if (parser.getCurrentLineNumber() - before > 1 && runsOn(values)) {
                            // Rows run together by a quote left open cost only the line where it was opened: the
                            // rows it swallowed are read again.
                            problems.add(new FileProblem(file, line, "a quote opened on this line is not closed "
                                    + "where it should be and runs on over the rows after it; this row is skipped"));
                            offset = startOfLine(line + 1);
                            lineBase = line;
                            continue restart;
                        } else if (!isBlank(values)) {
                            readRow(line, values);
                        }
                    }
                } catch (IOException e) {
                    problems.add(new FileProblem(file, 0, "cannot be parsed: " + e.getMessage()));
                    break;
                }
            }
            if (!headerRead) {
                problems.add(new FileProblem(file, 0, "is empty; a bank needs at least a header row"));
            }
            return result();
        }

        private QuestionBank result() {
            return new QuestionBank(file, header, questions, problems);
        }

        private boolean readHeader(List<String> cells) {
            header = cells.stream().map(String::strip).toList();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                String key = BankColumn.normalise(name);
                if (key.isEmpty()) {
                    continue;
                }
                Integer before = seen.putIfAbsent(key, i);
                if (before != null) {
                    problems.add(new FileProblem(file, 1, "column " + shown(name) + " appears twice in the header"));
                    return false;
                }
                int index = i;
                BankColumn.match(name).ifPresentOrElse(c -> columns.put(c, index), () -> extraColumns.add(index));
            }
            List<String> missing = Arrays.stream(BankColumn.values())
                    .filter(c -> c.required() && !columns.containsKey(c))
                    .map(BankColumn::header).toList();
            if (!missing.isEmpty()) {
                String hint = columns.isEmpty()
                        ? "; the first line must be a header row such as " + String.join(",", BankColumn.standardHeader())
                        : "";
                problems.add(new FileProblem(file, 1, "missing required column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + hint));
                return false;
            }
            return true;
        }

        private void readRow(long line, List<String> values) {
            List<String> reasons = new ArrayList<>();
            if (values.size() > header.size()) {
                reasons.add("has " + values.size() + " cells but the header has " + header.size()
                        + " columns (a comma in a cell that is not quoted?)");
            }
            if (values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                reasons.add("contains NUL characters, which do not belong in a text file");
            }
            if (badEncoding && values.stream().anyMatch(v -> v.indexOf(REPLACEMENT) >= 0)) {
                reasons.add("contains bytes that are not UTF-8 text (save the file as \"CSV UTF-8\")");
            }
            String id = cell(values, BankColumn.ID);
            String category = cell(values, BankColumn.CATEGORY);
            String question = cell(values, BankColumn.QUESTION);
            String difficultyCell = cell(values, BankColumn.DIFFICULTY);
            if (id.isEmpty()) {
                reasons.add("empty id");
            } else if (!ID.matcher(id).matches()) {
                reasons.add("id " + shown(id) + " may only contain letters, digits, '-', '_' and '.'");
            }
            if (category.isEmpty()) {
                reasons.add("empty category");
            }
            if (question.isEmpty()) {
                reasons.add("empty question");
            }
            Difficulty difficulty = Difficulty.parse(difficultyCell).orElse(null);
            if (difficulty == null) {
                reasons.add("unknown difficulty " + shown(difficultyCell) + " (use easy, medium or hard)");
            }
            if (!id.isEmpty()) {
                Long first = firstLineOfId.get(id.toLowerCase(Locale.ROOT));
                if (first != null) {
                    reasons.add("duplicate id " + shown(id) + " (first used at line " + first + ")");
                }
            }
            if (!reasons.isEmpty()) {
                problems.add(new FileProblem(file, line, String.join("; ", reasons)));
                return;
            }
            firstLineOfId.put(id.toLowerCase(Locale.ROOT), line);
            Map<String, String> extra = new LinkedHashMap<>();
            for (int i : extraColumns) {
                if (i < values.size() && !values.get(i).isEmpty()) {
                    extra.put(header.get(i), values.get(i));
                }
            }
            questions.add(new Question(id, category, question, list(values, BankColumn.TALKING_POINTS),
                    list(values, BankColumn.FOLLOW_UPS), list(values, BankColumn.TAGS), difficulty,
                    cell(values, BankColumn.SOURCE), extra, bankName, line));
        }

        /**
         * Whether a row over several lines is rows run together: more cells than the header has, or a cell holding a
         * line with a whole row's worth of commas. A cell a spreadsheet wrapped over lines has neither.
         */
        private boolean runsOn(List<String> values) {
            if (values.size() > header.size()) {
                return true;
            }
            for (String cell : values) {
                String[] lines = cell.split("\r\n|\r|\n", -1);
                for (int i = 1; i < lines.length; i++) {
                    if (header.size() > 2 && lines[i].chars().filter(c -> c == ',').count() >= header.size() - 1) {
                        return true;
                    }
                }
            }
            return false;
        }

        private String cell(List<String> values, BankColumn column) {
            Integer index = columns.get(column);
            return index == null || index >= values.size() ? "" : values.get(index).strip();
        }

        private List<String> list(List<String> values, BankColumn column) {
            String cell = cell(values, column);
            if (cell.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        /**
         * A cell quoted in a problem: damaged rows can hold a megabyte of text or control characters, and a message
         * must stay one readable line.
         */
        private static String shown(String cell) {
            StringBuilder out = new StringBuilder("\"");
            cell.codePoints().limit(40).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
            return out.append(cell.codePointCount(0, cell.length()) > 40 ? "...\"" : "\"").toString();
        }

        private static boolean isBlank(List<String> values) {
            return values.stream().allMatch(String::isBlank);
        }

        /** Character offset where physical line {@code line} (1-based) starts, or -1 past the end. */
        private int startOfLine(long line) {
            if (lineStarts == null) {
                lineStarts = indexLines(text);
            }
            return line - 1 < lineStarts.length ? lineStarts[(int) (line - 1)] : -1;
        }

        // Counts line breaks the way the CSV parser does: CR, LF and CRLF each end one line.
        private static int[] indexLines(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    starts.add(i + 1);
                } else if (c == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        private static String syntaxError(RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                return "unbalanced quotes: a quoted cell starting on this line is never closed";
            }
            if (message.contains("Invalid character between encapsulated token and delimiter")
                    || message.contains("invalid char between encapsulated token and delimiter")) {
                return "unbalanced quotes: text follows a closing quote (write a quote inside a quoted cell as \"\")";
            }
            return "cannot be parsed: " + message;
        }
    }
}
