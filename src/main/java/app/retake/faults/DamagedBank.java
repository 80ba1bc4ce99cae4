package app.retake.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import app.retake.bank.BankReader;
import app.retake.bank.Question;
import app.retake.bank.QuestionBank;

/**
 * One damaged bank file made from a good one, and what the damage may and may not cost: which rows were left alone
 * (and so must still load, at the line they now start on), which were damaged (and so must load or be reported),
 * and whether the whole file is beyond reading (and so must be reported as such).
 *
 * <p>Rows are damaged as bytes, after they were written out, because that is how files get damaged: a byte flipped,
 * a quote lost, a spreadsheet saving in another encoding, a copy cut short.
 */
final class DamagedBank {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Lines longer than the reader ever sees in a real bank: the size a runaway export or a pasted blob makes. */
    static final int MEGABYTE = 1 << 20;

    /**
     * A row as it ended up in the file.
     *
     * @param start    offset of its first byte
     * @param end      offset after its last byte (not counting its line break)
     * @param expected the question it must still load as when untouched; null when damaged
     * @param damage   what was done to it, for the report; empty when untouched
     */
    record Row(int start, int end, Question expected, String damage) {
        boolean untouched() {
            return expected != null;
        }
    }

    /**
     * @param bytes        the file
     * @param rows         the rows still (partly) in the file, in file order
     * @param unreadable   whether nothing in it can be read (wrong encoding, broken header): it must say so
     * @param headerDamage whether the header itself was damaged: untouched rows load unless the header is reported
     * @param description  what was done, for the report
     */
    record Case(byte[] bytes, List<Row> rows, boolean unreadable, boolean headerDamage, String description) {
    }

    /** A good bank: its header cells, its rows' cells, and the questions those rows read as. */
    record Source(String name, List<String> header, List<List<String>> rows, List<Question> questions) {

        static Source of(String name, List<String> header, List<List<String>> rows) {
            QuestionBank bank = new BankReader().parse(Path.of(name), render(header, rows));
            if (!bank.problems().isEmpty() || bank.questions().size() != rows.size()) {
                throw new IllegalStateException(name + " is not a clean bank: " + bank.problems());
            }
            return new Source(name, header, rows, bank.questions());
        }

        private static byte[] render(List<String> header, List<List<String>> rows) {
            StringBuilder out = new StringBuilder(line(header)).append('\n');
            rows.forEach(r -> out.append(line(r)).append('\n'));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The bank shipped with Retake, from the jar, parsed into cells. */
    static Source core() {
        try (InputStream in = DamagedBank.class.getResourceAsStream("/question-banks/core.csv")) {
            if (in == null) {
                throw new IllegalStateException("this build carries no core.csv");
            }
            var records = org.apache.commons.csv.CSVParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("^\uFEFF", ""), FORMAT).getRecords();
            List<String> header = records.get(0).toList();
            List<List<String>> rows = records.subList(1, records.size()).stream().map(r -> r.toList()).toList();
            return Source.of("core.csv", header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small bank with everything a hand-made one has: spreadsheet header names in another order, an extra
     * column, quoted commas and quotes, cells over two lines, accents, emoji and CJK, empty optional cells.
     */
    static Source small() {
        List<String> header = List.of("Question", "ID", "Category", "Talking points", "follow-ups", "tags",
                "Difficulty", "source", "notes");
        List<List<String>> rows = List.of(
                List.of("Tell me about yourself, briefly.", "fz-intro", "opener",
                        "Who you are | What you did | \"Why here\"", "Anything else?", "common", "easy", "fuzz",
                        "kept\nover two lines"),
                List.of("Describe a conflict with a colleague.", "fz-conflict", "behavioural",
                        "Situation | Task | Action | Result", "", "conflict | team", "medium", "fuzz", ""),
                List.of("Qu'est-ce qui vous motive ? — café ☕ 日本語", "fz-unicode", "culture",
                        "Motivation | Élan", "", "intl", "hard", "fuzz", "émoji 🎤"),
                List.of("Explain a hash map.\r\nThen its worst case.", "fz-multiline", "technical",
                        "Buckets | Collisions\nand resizing", "", "tech", "", "fuzz", ""),
                List.of("Why this role?", "fz.empty_optional", "motivation", "", "", "", "", "", ""),
                List.of("\"Quoted\" from the start, with, commas", "fz-quotes", "curveball",
                        "One, two | \"three\"", "Say \"\"why\"\"", "", "EASY", "", "x"),
                List.of("A plain question", "FZ-Upper", "opener", "a | b", "", "", "Hard", "", ""));
        return Source.of("small.csv", header, rows);
    }

    /** One row or header as CSV text, quoted only where needed, without its line break. */
    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setRecordSeparator("").get())) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Makes one damaged file from {@code source}, all choices drawn from {@code random}. */
    static Case make(Source source, SplittableRandom random) {
        return new Maker(source, random).make();
    }

    /** Line numbers of offsets in a file, counted as a CSV reader counts them: CR, LF and CRLF each end a line. */
    static final class Lines {
        private final int[] breaks;
        private final int count;

        Lines(byte[] bytes) {
            int[] found = new int[16];
            int n = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r' && !(i + 1 < bytes.length && bytes[i + 1] == '\n')) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
            }
            breaks = Arrays.copyOf(found, n);
            count = n + 1;
        }

        /** The 1-based line holding the byte at {@code offset}. */
        int of(int offset) {
            int at = Arrays.binarySearch(breaks, offset);
            return (at >= 0 ? at : -at - 1) + 1;
        }

        /** How many lines there are, the one after a final line break included. */
        int count() {
            return count;
        }
    }

    /** The choices for one case. */
    private static final class Maker {
        private final Source source;
        private final SplittableRandom random;
        private final List<String> done = new ArrayList<>();
        private List<String> header;
        private List<List<String>> rows;
        private List<Question> questions;
        private boolean unreadable;
        private boolean headerDamage;

        Maker(Source source, SplittableRandom random) {
            this.source = source;
            this.random = random;
            this.header = new ArrayList<>(source.header());
            this.rows = new ArrayList<>(source.rows().stream().map(r -> (List<String>) new ArrayList<>(r)).toList());
            this.questions = new ArrayList<>(source.questions());
        }

        Case make() {
            done.add(source.name());
            if (rows.size() > 12 && random.nextInt(4) != 0) {
                // A slice keeps most cases small and fast; every fourth uses the whole bank.
                int from = random.nextInt(rows.size() - 4);
                int to = Math.min(rows.size(), from + 4 + random.nextInt(30));
                rows = new ArrayList<>(rows.subList(from, to));
                questions = new ArrayList<>(questions.subList(from, to));
                done.add("rows " + (from + 1) + "-" + to);
            }
            int scenario = random.nextInt(100);
            if (scenario < 4) {
                return special();
            }
            if (scenario < 14) {
                columns();
            }
            String[] breaks = lineBreaks();
            boolean bom = random.nextInt(5) == 0;
            if (bom) {
                done.add("UTF-8 BOM");
            }
            List<byte[]> rowBytes = new ArrayList<>();
            List<String> damage = new ArrayList<>();
            for (List<String> r : rows) {
                rowBytes.add(line(r).getBytes(StandardCharsets.UTF_8));
                damage.add("");
            }
            int damaged = rows.isEmpty() ? 0 : random.nextInt(Math.min(6, rows.size() + 1));
            for (int i = 0; i < damaged; i++) {
                int at = random.nextInt(rows.size());
                String what = damageRow(rowBytes, at);
                damage.set(at, damage.get(at).isEmpty() ? what : damage.get(at) + " + " + what);
            }
            byte[] headerBytes = line(header).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(40) == 0) {
                headerBytes = flip(headerBytes, 1 + random.nextInt(3));
                headerDamage = true;
                done.add("header bytes changed");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (bom) {
                out.writeBytes(UTF8_BOM);
            }
            out.writeBytes(headerBytes);
            out.writeBytes(ascii(breaks[0]));
            List<Row> placed = new ArrayList<>();
            boolean garbage = random.nextInt(20) == 0;
            for (int i = 0; i < rowBytes.size(); i++) {
                if (random.nextInt(30) == 0) {
                    out.writeBytes(ascii(breaks[random.nextInt(breaks.length)])); // a blank line between rows
                }
                int start = out.size();
                out.writeBytes(rowBytes.get(i));
                boolean untouched = damage.get(i).isEmpty();
                placed.add(new Row(start, out.size(), untouched ? questions.get(i) : null, damage.get(i)));
                boolean last = i == rowBytes.size() - 1;
                if (!last || garbage || random.nextInt(3) != 0) {
                    out.writeBytes(ascii(breaks[random.nextInt(breaks.length)]));
                }
            }
            if (garbage) {
                int start = out.size();
                out.writeBytes(randomBytes(1 + random.nextInt(200)));
                placed.add(new Row(start, out.size(), null, "garbage after the last row"));
            }
            byte[] bytes = out.toByteArray();
            int fileLevel = random.nextInt(100);
            if (fileLevel < 8) {
                return truncated(bytes, placed);
            }
            if (fileLevel < 11) {
                return latin1(bytes, placed, bom);
            }
            if (fileLevel < 13) {
                return utf16(bytes, placed);
            }
            return new Case(bytes, placed, unreadable, headerDamage, String.join(", ", done));
        }

        /** Files that are not a bank at all, or only just. */
        private Case special() {
            byte[] bytes;
            switch (random.nextInt(7)) {
                case 0 -> {
                    bytes = new byte[0];
                    done.add("empty file");
                }
                case 1 -> {
                    bytes = UTF8_BOM.clone();
                    done.add("only a BOM");
                }
                case 2 -> {
                    bytes = ascii(" \r\n\t\n\n");
                    done.add("only blank lines");
                }
                case 3 -> {
                    bytes = (line(header) + (random.nextBoolean() ? "\n" : "")).getBytes(StandardCharsets.UTF_8);
                    done.add("header only");
                    return new Case(bytes, List.of(), false, false, String.join(", ", done));
                }
                case 4 -> {
                    bytes = randomBytes(1 + random.nextInt(4096));
                    done.add("random bytes");
                    return new Case(bytes, List.of(), false, true, String.join(", ", done));
                }
                case 5 -> {
                    // What renaming a spreadsheet to .csv gives: a zip archive.
                    ByteArrayOutputStream zip = new ByteArrayOutputStream();
                    zip.writeBytes(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
                    zip.writeBytes(randomBytes(2000));
                    bytes = zip.toByteArray();
                    done.add("a zip archive (xlsx renamed)");
                }
                default -> {
                    StringBuilder text = new StringBuilder();
                    for (List<String> r : rows) {
                        text.append(line(r)).append('\n');
                    }
                    bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    done.add("rows without a header");
                    if (rows.isEmpty()) {
                        return new Case(bytes, List.of(), false, false, String.join(", ", done));
                    }
                }
            }
            return new Case(bytes, List.of(), true, false, String.join(", ", done));
        }

        /** Column changes: some leave every row readable, some leave none. */
        private void columns() {
            switch (random.nextInt(6)) {
                case 0 -> {
                    int[] order = permutation(header.size());
                    header = permute(header, order);
                    rows = rows.stream().map(r -> permute(r, order)).toList();
                    done.add("columns reordered");
                }
                case 1 -> {
                    List<String> optional = List.of("talking_points", "follow_ups", "tags", "source",
                            "Talking points", "follow-ups", "notes");
                    List<Integer> droppable = new ArrayList<>();
                    for (int i = 0; i < header.size(); i++) {
                        if (optional.contains(header.get(i))) {
                            droppable.add(i);
                        }
                    }
                    int drop = droppable.get(random.nextInt(droppable.size()));
                    done.add("optional column " + header.get(drop) + " removed");
                    header = without(header, drop);
                    rows = rows.stream().map(r -> without(r, drop)).toList();
                }
                case 2 -> {
                    header = with(header, "my notes");
                    rows = rows.stream().map(r -> with(r, "note " + random.nextInt(1000))).toList();
                    done.add("extra column added");
                }
                case 3 -> {
                    int twice = random.nextInt(header.size());
                    header = with(header, header.get(twice).toUpperCase(java.util.Locale.ROOT));
                    rows = rows.stream().map(r -> with(r, "x")).toList();
                    done.add("column " + header.get(twice) + " twice in the header");
                    unreadable = true;
                }
                case 4 -> {
                    List<String> required = List.of("id", "ID", "category", "Category", "question", "Question");
                    int drop = -1;
                    for (int i = 0; i < header.size() && drop < 0; i++) {
                        if (required.contains(header.get(i)) && random.nextBoolean()) {
                            drop = i;
                        }
                    }
                    drop = drop < 0 ? header.indexOf(header.stream().filter(required::contains).findFirst()
                            .orElseThrow()) : drop;
                    done.add("required column " + header.get(drop) + " removed");
                    int d = drop;
                    header = without(header, d);
                    rows = rows.stream().map(r -> without(r, d)).toList();
                    unreadable = true;
                }
                default -> {
                    header = header.stream().map(h -> random.nextBoolean() ? " " + h.toUpperCase(java.util.Locale.ROOT)
                            + " " : h.replace('_', ' ')).toList();
                    done.add("header names respelt");
                }
            }
        }

        private String[] lineBreaks() {
            switch (random.nextInt(5)) {
                case 0:
                    done.add("CRLF");
                    return new String[] {"\r\n"};
                case 1:
                    done.add("CR");
                    return new String[] {"\r"};
                case 2:
                    done.add("LF, CRLF and CR mixed");
                    return new String[] {"\n", "\r\n", "\r"};
                default:
                    return new String[] {"\n"};
            }
        }

        /** Damages row {@code at} in place; returns what was done. */
        private String damageRow(List<byte[]> rowBytes, int at) {
            byte[] row = rowBytes.get(at);
            String what;
            switch (random.nextInt(20)) {
                case 0 -> {
                    int n = 1 + random.nextInt(4);
                    row = flip(row, n);
                    what = n + " byte(s) changed";
                }
                case 1 -> {
                    row = row.clone();
                    if (row.length > 0) {
                        int i = random.nextInt(row.length);
                        row[i] ^= (byte) (1 << random.nextInt(8));
                    }
                    what = "a bit flipped";
                }
                case 2 -> {
                    row = insert(row, cellStartOrAnywhere(row), new byte[] {'"'});
                    what = "a quote added";
                }
                case 3 -> {
                    int quote = indexOf(row, (byte) '"', random.nextInt(Math.max(1, row.length)));
                    row = quote < 0 ? insert(row, cellStartOrAnywhere(row), new byte[] {'"'}) : remove(row, quote, 1);
                    what = "a quote removed";
                }
                case 4 -> {
                    byte[] nuls = new byte[1 + random.nextInt(3)];
                    row = insert(row, random.nextInt(row.length + 1), nuls);
                    what = "NUL bytes";
                }
                case 5 -> {
                    String text = new String(row, StandardCharsets.UTF_8);
                    if (text.chars().anyMatch(c -> c > 127)) {
                        row = text.getBytes(StandardCharsets.ISO_8859_1);
                        what = "saved as Latin-1";
                    } else {
                        byte letter = (byte) (0xC0 + random.nextInt(64));
                        row = insert(row, random.nextInt(row.length + 1), new byte[] {letter});
                        what = "a Latin-1 letter";
                    }
                }
                case 6 -> {
                    byte[][] invalid = {{(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80},
                        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF5, 'a'}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
                            (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}};
                    row = insert(row, random.nextInt(row.length + 1), invalid[random.nextInt(invalid.length)]);
                    what = "invalid UTF-8";
                }
                case 7 -> {
                    int size = random.nextInt(10) == 0 ? MEGABYTE : 1000 + random.nextInt(100_000);
                    row = hugeCell(at, size);
                    what = "a " + size + "-character cell";
                }
                case 8 -> {
                    byte[] blob = new byte[MEGABYTE + random.nextInt(1000)];
                    for (int i = 0; i < blob.length; i++) {
                        blob[i] = (byte) (random.nextInt(10) == 0 ? ',' : 'a' + random.nextInt(26));
                    }
                    row = blob;
                    what = "replaced by a 1 MB line";
                }
                case 9 -> {
                    row = Arrays.copyOf(row, random.nextInt(row.length + 1));
                    what = "cut short";
                }
                case 10 -> {
                    row = concat(row, ascii(",x,\"y\",z".repeat(1 + random.nextInt(3))));
                    what = "extra cells";
                }
                case 11 -> {
                    List<String> cells = new ArrayList<>(rows.get(at));
                    int keep = random.nextInt(cells.size());
                    row = line(cells.subList(0, keep)).getBytes(StandardCharsets.UTF_8);
                    what = "only " + keep + " cells";
                }
                case 12 -> {
                    row = withCell(at, requiredColumn(), random.nextBoolean() ? "" : "   ");
                    what = "a required cell emptied";
                }
                case 13 -> {
                    String[] bad = {"has space", "slash/id", "-leading", "ünïcode", "tab\tid", "semi;colon"};
                    row = withCell(at, idColumn(), bad[random.nextInt(bad.length)]);
                    what = "a bad id";
                }
                case 14 -> {
                    row = withCell(at, header.indexOf(header.stream().filter(h -> h.strip().equalsIgnoreCase(
                            "difficulty")).findFirst().orElse(header.get(0))), "very hard");
                    what = "an unknown difficulty";
                }
                case 15 -> {
                    int other = random.nextInt(rows.size());
                    row = withCell(at, idColumn(), questions.get(other).id().toUpperCase(java.util.Locale.ROOT));
                    what = "the id of row " + (other + 1);
                }
                case 16 -> {
                    String[] breaks = {"\n", "\r", "\r\n"};
                    row = insert(row, random.nextInt(row.length + 1), ascii(breaks[random.nextInt(3)]));
                    what = "a line break inside";
                }
                case 17 -> {
                    row = randomBytes(1 + random.nextInt(300));
                    what = "replaced by random bytes";
                }
                case 18 -> {
                    String[] odd = {"\u0001", "\u001b[31m", "\u007f", "\uFEFF", "\u2028", "\u200b", "\t", "\f"};
                    row = insert(row, random.nextInt(row.length + 1),
                            odd[random.nextInt(odd.length)].getBytes(StandardCharsets.UTF_8));
                    what = "a control character";
                }
                default -> {
                    row = withCell(at, random.nextInt(header.size()), "\"" + "unbalanced, with, commas");
                    what = "a cell with a stray quote";
                }
            }
            rowBytes.set(at, row);
            return what;
        }

        private int idColumn() {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equalsIgnoreCase("id")) {
                    return i;
                }
            }
            return 0;
        }

        private int requiredColumn() {
            List<Integer> required = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
                if (h.equals("id") || h.equals("category") || h.equals("question")) {
                    required.add(i);
                }
            }
            return required.isEmpty() ? 0 : required.get(random.nextInt(required.size()));
        }

        private byte[] withCell(int row, int column, String value) {
            List<String> cells = new ArrayList<>(rows.get(row));
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value);
            return line(cells).getBytes(StandardCharsets.UTF_8);
        }

        private byte[] hugeCell(int row, int size) {
            StringBuilder text = new StringBuilder(size);
            String words = "lorem, ipsum \"dolor\" sit | amet\n";
            while (text.length() < size) {
                text.append(words, 0, Math.min(words.length(), size - text.length()));
            }
            return withCell(row, random.nextInt(header.size()), text.toString());
        }

        private int cellStartOrAnywhere(byte[] row) {
            if (random.nextBoolean()) {
                List<Integer> starts = new ArrayList<>(List.of(0));
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == ',') {
                        starts.add(i + 1);
                    }
                }
                return starts.get(random.nextInt(starts.size()));
            }
            return random.nextInt(row.length + 1);
        }

        /** The file cut off at a random byte: rows wholly before the cut are untouched, the one cut is damaged. */
        private Case truncated(byte[] bytes, List<Row> placed) {
            int cut = random.nextInt(bytes.length + 1);
            List<Row> kept = new ArrayList<>();
            for (Row r : placed) {
                if (r.start() >= cut) {
                    break;
                }
                kept.add(r.end() <= cut ? r : new Row(r.start(), cut, null, "cut off by the end of the file"));
            }
            done.add("cut after byte " + cut + " of " + bytes.length);
            int headerEnd = placed.isEmpty() ? bytes.length : placed.get(0).start();
            // A cut inside the header leaves a header without all its columns: nothing in the file can load.
            return new Case(Arrays.copyOf(bytes, cut), kept, unreadable, headerDamage || cut < headerEnd,
                    String.join(", ", done));
        }

        /** The whole file saved as Latin-1: rows of plain ASCII are untouched, the others damaged. */
        private Case latin1(byte[] bytes, List<Row> placed, boolean bom) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int headerStart = bom ? UTF8_BOM.length : 0;
            int firstRow = placed.isEmpty() ? bytes.length : placed.get(0).start();
            out.writeBytes(latin1(Arrays.copyOfRange(bytes, headerStart, firstRow)));
            List<Row> moved = new ArrayList<>();
            int previous = firstRow;
            for (Row r : placed) {
                out.writeBytes(latin1(Arrays.copyOfRange(bytes, previous, r.start())));
                int start = out.size();
                byte[] row = Arrays.copyOfRange(bytes, r.start(), r.end());
                boolean ascii = true;
                for (byte b : row) {
                    ascii &= b >= 0;
                }
                out.writeBytes(latin1(row));
                String damage = ascii ? r.damage()
                        : (r.damage().isEmpty() ? "" : r.damage() + " + ") + "non-ASCII in Latin-1";
                moved.add(new Row(start, out.size(), ascii ? r.expected() : null, damage));
                previous = r.end();
            }
            out.writeBytes(latin1(Arrays.copyOfRange(bytes, previous, bytes.length)));
            done.add("saved as Latin-1");
            return new Case(out.toByteArray(), moved, unreadable, headerDamage, String.join(", ", done));
        }

        private static byte[] latin1(byte[] utf8) {
            return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        }

        /** The whole file saved as UTF-16, with or without a byte order mark: nothing in it reads as UTF-8. */
        private Case utf16(byte[] bytes, List<Row> placed) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            byte[] out;
            switch (random.nextInt(4)) {
                case 0 -> {
                    out = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
                    done.add("saved as UTF-16LE with BOM");
                }
                case 1 -> {
                    out = text.getBytes(StandardCharsets.UTF_16);
                    done.add("saved as UTF-16BE with BOM");
                }
                case 2 -> {
                    out = text.getBytes(StandardCharsets.UTF_16LE);
                    done.add("saved as UTF-16LE without BOM");
                }
                default -> {
                    out = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes);
                    done.add("UTF-8 text behind a UTF-16 BOM");
                }
            }
            return new Case(out, List.of(), true, false, String.join(", ", done));
        }

        private byte[] flip(byte[] bytes, int n) {
            byte[] copy = bytes.clone();
            for (int i = 0; i < n && copy.length > 0; i++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            return copy;
        }

        private byte[] randomBytes(int n) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            return bytes;
        }

        private int[] permutation(int n) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        }
    }

    private static List<String> permute(List<String> cells, int[] order) {
        List<String> out = new ArrayList<>();
        for (int i : order) {
            out.add(i < cells.size() ? cells.get(i) : "");
        }
        return out;
    }

    private static List<String> without(List<String> cells, int index) {
        List<String> out = new ArrayList<>(cells);
        if (index < out.size()) {
            out.remove(index);
        }
        return out;
    }

    private static List<String> with(List<String> cells, String value) {
        List<String> out = new ArrayList<>(cells);
        out.add(value);
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static byte[] remove(byte[] bytes, int at, int n) {
        byte[] out = new byte[bytes.length - n];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + n, out, at, bytes.length - at - n);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = 0; i < bytes.length; i++) {
            int at = (from + i) % bytes.length;
            if (bytes[at] == wanted) {
                return at;
            }
        }
        return -1;
    }
}
