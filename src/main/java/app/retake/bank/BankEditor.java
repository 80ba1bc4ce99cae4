package app.retake.bank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import app.retake.bank.BankRefusal.Reason;
import app.retake.storage.AtomicFiles;
import app.retake.storage.FileProblem;

/**
 * Adds, changes and removes questions in the user's own bank files. Only the row concerned is rewritten: every
 * other line of the file, including rows that do not load and cells of columns Retake does not know, stays exactly
 * as it was. The bundled core bank is never changed; a question from it can be copied into {@code my-questions.csv}.
 * Files are read again for every change, so a bank edited in a spreadsheet meanwhile is not overwritten blindly.
 */
public final class BankEditor {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path folder;
    private final BankReader reader = new BankReader();
    private final BankWriter writer = new BankWriter();

    /** @param folder the question bank folder */
    public BankEditor(Path folder) {
        this.folder = folder;
    }

    /** Whether the app may change the bank named {@code bank}; the bundled core bank is read-only. */
    public static boolean isEditable(String bank) {
        return !BundledBanks.isBundled(bank);
    }

    /**
     * Adds a question at the end of {@code bank}. A blank id is made from the question's text; a given one must not
     * be used by any bank yet. {@code my-questions.csv} is created when it does not exist.
     *
     * @return the question as it now reads from the file
     */
    public Question add(String bank, QuestionDraft draft) throws BankRefusal, IOException {
        return add(bank, draft, MyQuestions.SOURCE);
    }

    /** Adds {@code draft}, made from the read-only {@code original}, to {@code my-questions.csv}. */
    public Question copyIntoMyQuestions(Question original, QuestionDraft draft) throws BankRefusal, IOException {
        return add(MyQuestions.BANK, draft, "copied from " + original.bank() + ".csv (" + original.id() + ")");
    }

    /**
     * Replaces the question {@code id} of {@code bank} with {@code draft}. The id itself stays (past takes refer to
     * it), and so do the question's source and its cells in columns Retake does not know.
     *
     * @return the question as it now reads from the file
     */
    public Question update(String bank, String id, QuestionDraft draft) throws BankRefusal, IOException {
        refuseInvalid(draft);
        refuseReadOnly(bank);
        if (!draft.id().isEmpty() && !draft.id().equalsIgnoreCase(id)) {
            throw new BankRefusal(Reason.INVALID, "The id of a question cannot be changed: past takes refer to it.");
        }
        Snapshot before = read(existingFile(bank));
        Question original = before.find(id, bank);
        Question edited = draft.toQuestion(original.id(), original.source(), original.extra(), original.bank());
        if (sameContent(edited, original)) {
            return original;
        }
        List<Question> expected = new ArrayList<>(before.bank.questions());
        expected.set(expected.indexOf(original), edited);
        Optional<byte[]> spliced = Optional.empty();
        if (writer.fits(before.bank.header(), edited)) {
            Span span = before.rowAt(original.line());
            String row = writer.row(before.bank.header(), edited, span.endsWithBreak ? before.lineEnd : "");
            spliced = Optional.of(before.replace(span, row.getBytes(StandardCharsets.UTF_8)));
        }
        return commit(before, spliced, expected, edited.id());
    }

    /** Removes the question {@code id} from {@code bank}. */
    public void delete(String bank, String id) throws BankRefusal, IOException {
        refuseReadOnly(bank);
        Snapshot before = read(existingFile(bank));
        Question doomed = before.find(id, bank);
        List<Question> expected = new ArrayList<>(before.bank.questions());
        expected.remove(doomed);
        commit(before, Optional.of(before.replace(before.rowAt(doomed.line()), new byte[0])), expected, null);
    }

    private Question add(String bank, QuestionDraft draft, String source) throws BankRefusal, IOException {
        refuseInvalid(draft);
        refuseReadOnly(bank);
        QuestionLibrary library = QuestionLibrary.loadFolder(folder);
        Path file = fileOf(bank, library);
        Set<String> taken = new HashSet<>();
        library.questions().forEach(q -> taken.add(QuestionDraft.key(q.id())));
        String name = QuestionBank.nameOf(file);
        if (!Files.exists(file)) {
            String id = chooseId(draft, taken, library);
            Question added = draft.toQuestion(id, source, Map.of(), name);
            AtomicFiles.writeString(file, writer.toCsv(BankColumn.standardHeader(), List.of(added)));
            return reread(file, id);
        }
        Snapshot before = read(file);
        before.bank.questions().forEach(q -> taken.add(QuestionDraft.key(q.id())));
        String id = chooseId(draft, taken, library);
        // Where a question came from is a note, not worth rewriting a bank without a source column for.
        boolean hasSource = before.bank.header().stream()
                .anyMatch(h -> BankColumn.match(h).orElse(null) == BankColumn.SOURCE);
        Question added = draft.toQuestion(id, hasSource ? source : "", Map.of(), name);
        List<Question> expected = new ArrayList<>(before.bank.questions());
        expected.add(added);
        Optional<byte[]> spliced = Optional.empty();
        if (writer.fits(before.bank.header(), added)) {
            spliced = Optional.of(before.append(writer.row(before.bank.header(), added, before.lineEnd)));
        }
        return commit(before, spliced, expected, id);
    }

    private static String chooseId(QuestionDraft draft, Set<String> taken, QuestionLibrary library)
            throws BankRefusal {
        if (draft.id().isEmpty()) {
            return MyQuestions.uniqueId(draft.text(), taken);
        }
        if (taken.contains(QuestionDraft.key(draft.id()))) {
            String where = library.find(draft.id()).map(q -> " (in " + q.bank() + ".csv at line " + q.line() + ")")
                    .orElse("");
            throw new BankRefusal(Reason.INVALID, "The id \"" + draft.id() + "\" is already used" + where
                    + ". Choose another, or leave it empty to have one made.");
        }
        return draft.id();
    }

    /**
     * Writes the spliced bytes when they read back as exactly the expected questions; otherwise rewrites the whole
     * file, but only when that loses no row.
     */
    private Question commit(Snapshot before, Optional<byte[]> spliced, List<Question> expected, String id)
            throws BankRefusal, IOException {
        if (spliced.isPresent() && sameContent(reader.parse(before.file, spliced.get()).questions(), expected)) {
            AtomicFiles.write(before.file, spliced.get());
        } else if (before.bank.problems().isEmpty()) {
            AtomicFiles.writeString(before.file, writer.toCsv(before.bank.header(), expected));
        } else {
            throw new BankRefusal(Reason.UNSAFE, "Could not change " + before.file.getFileName() + " without "
                    + "losing the rows that do not load yet (" + before.bank.problems().get(0).describe(folder)
                    + "). Fix those rows first.", before.bank.problems());
        }
        return id == null ? null : reread(before.file, id);
    }

    private Question reread(Path file, String id) throws IOException {
        return reader.read(file).questions().stream().filter(q -> q.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IOException(file.getFileName() + " did not read back as written"));
    }

    private static void refuseInvalid(QuestionDraft draft) throws BankRefusal {
        List<String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new BankRefusal(Reason.INVALID, String.join(" ", problems));
        }
    }

    private static void refuseReadOnly(String bank) throws BankRefusal {
        if (!isEditable(bank)) {
            throw new BankRefusal(Reason.READ_ONLY, bank + ".csv ships with Retake and cannot be changed here. "
                    + "Copy the question into " + MyQuestions.FILE_NAME + " and change the copy.");
        }
    }

    private Path existingFile(String bank) throws BankRefusal {
        Path file = fileOf(bank, QuestionLibrary.loadFolder(folder));
        if (!Files.isRegularFile(file)) {
            throw new BankRefusal(Reason.NOT_FOUND, file.getFileName() + " is no longer in " + folder
                    + ". Reload the page.");
        }
        return file;
    }

    private Path fileOf(String bank, QuestionLibrary library) throws BankRefusal {
        for (QuestionBank b : library.banks()) {
            if (b.name().equalsIgnoreCase(bank)) {
                return b.file();
            }
        }
        if (MyQuestions.BANK.equalsIgnoreCase(bank)) {
            return new MyQuestions(folder).file();
        }
        throw new BankRefusal(Reason.NOT_FOUND, "There is no bank named " + bank + " in " + folder
                + ". Reload the page.");
    }

    private Snapshot read(Path file) throws IOException, BankRefusal {
        byte[] bytes = Files.readAllBytes(file);
        QuestionBank bank = reader.parse(file, bytes);
        Optional<FileProblem> broken = bank.problems().stream().filter(p -> p.line() <= 1).findFirst();
        if (broken.isPresent()) {
            throw new BankRefusal(Reason.UNSAFE, "Fix " + broken.get().describe(folder) + " first.",
                    List.of(broken.get()));
        }
        return new Snapshot(file, bytes, bank);
    }

    private static boolean sameContent(Question a, Question b) {
        return withoutLine(a).equals(withoutLine(b));
    }

    private static boolean sameContent(List<Question> a, List<Question> b) {
        return a.stream().map(BankEditor::withoutLine).toList()
                .equals(b.stream().map(BankEditor::withoutLine).toList());
    }

    private static Question withoutLine(Question q) {
        return new Question(q.id(), q.category(), q.text(), q.talkingPoints(), q.followUps(), q.tags(),
                q.difficulty(), q.source(), q.extra(), "", 0);
    }

    /** Where one row lies in the file's bytes. */
    private record Span(int start, int end, boolean endsWithBreak) {
    }

    /** A bank file's bytes as read, with where each physical line starts, for rewriting one row in place. */
    private static final class Snapshot {
        final Path file;
        final byte[] bytes;
        final QuestionBank bank;
        final String text;
        final String lineEnd;
        /** Offsets of line starts; byte offsets count a leading BOM, character offsets do not. */
        final List<Integer> byteLines;
        final List<Integer> charLines;

        Snapshot(Path file, byte[] bytes, QuestionBank bank) {
            this.file = file;
            this.bytes = bytes;
            this.bank = bank;
            int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            // Bytes that are not UTF-8 turn into replacement characters here, but line breaks survive, and the
            // rewrite works on the original bytes, so such rows are kept as they were.
            this.text = new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8);
            this.byteLines = lineStarts(bytes.length, i -> bytes[i]);
            this.charLines = lineStarts(text.length(), text::charAt);
            int br = text.indexOf('\n');
            int cr = text.indexOf('\r');
            if (cr >= 0 && (br < 0 || cr < br)) {
                lineEnd = cr + 1 < text.length() && text.charAt(cr + 1) == '\n' ? "\r\n" : "\r";
            } else {
                lineEnd = "\n";
            }
        }

        Question find(String id, String bankName) throws BankRefusal {
            return bank.questions().stream().filter(q -> q.id().equalsIgnoreCase(id)).findFirst()
                    .orElseThrow(() -> new BankRefusal(Reason.NOT_FOUND, "The question \"" + id + "\" is no longer "
                            + "in " + bankName + ".csv. Reload the page."));
        }

        /** The row starting on {@code line}: its own line and any lines its quoted cells run over. */
        Span rowAt(long line) throws IOException {
            int index = (int) line - 1;
            CSVRecord record;
            try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(charLines.get(index))), FORMAT)) {
                record = parser.iterator().next();
            }
            int lines = 1;
            for (String value : record.values()) {
                lines += lineStarts(value.length(), value::charAt).size() - 1;
            }
            int start = byteLines.get(index);
            int end = index + lines < byteLines.size() ? byteLines.get(index + lines) : bytes.length;
            boolean endsWithBreak = end > start && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r');
            return new Span(start, end, endsWithBreak);
        }

        byte[] replace(Span span, byte[] row) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + row.length);
            out.write(bytes, 0, span.start);
            out.writeBytes(row);
            out.write(bytes, span.end, bytes.length - span.end);
            return out.toByteArray();
        }

        byte[] append(String row) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + row.length() + 2);
            out.writeBytes(bytes);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n' && bytes[bytes.length - 1] != '\r') {
                out.writeBytes(lineEnd.getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        // CR, LF and CRLF each end one line, as the CSV parser and BankReader count them.
        private static List<Integer> lineStarts(int length, IntUnaryOperator at) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < length; i++) {
                int c = at.applyAsInt(i);
                if (c == '\r') {
                    if (i + 1 < length && at.applyAsInt(i + 1) == '\n') {
                        i++;
                    }
                    starts.add(i + 1);
                } else if (c == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts;
        }
    }
}
