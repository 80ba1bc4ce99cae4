package app.retake.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import app.retake.bank.BankImport;
import app.retake.bank.Question;
import app.retake.bank.QuestionBank;
import app.retake.bank.QuestionLibrary;
import app.retake.storage.FileProblem;

/**
 * Bad input: question bank files damaged in thousands of ways (bytes changed, quotes unbalanced, huge cells, NULs,
 * Latin-1 and invalid UTF-8, byte order marks, mixed line breaks, 1 MB lines, files cut short, empty files, a header
 * alone, columns twice or missing), each loaded the way Retake loads banks and checked the way Import checks one.
 *
 * <p>A trial loses data when an exception escapes, when a row that was left alone does not load, or when a row
 * that does not load is not reported with the file and a line that exists. The damage is drawn from a seeded
 * generator; a failure note names the trial's seed, and {@code -Dretake.faults.seed=S} repeats a run.
 */
public final class BankFuzzTrial implements FaultTrial {

    /** The seed a run starts from unless {@code retake.faults.seed} says otherwise. */
    static final long DEFAULT_SEED = 0x5EEDBA4CL;

    private final long seed;

    public BankFuzzTrial() {
        this(Long.getLong("retake.faults.seed", DEFAULT_SEED));
    }

    BankFuzzTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "damaged question bank CSV (fuzzed)";
    }

    @Override
    public Area area() {
        return Area.BAD_INPUT;
    }

    @Override
    public int defaultTrials() {
        return 10_000;
    }

    @Override
    public int quickTrials() {
        return 2_000;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        List<DamagedBank.Source> sources = List.of(DamagedBank.core(), DamagedBank.small());
        Path in = Files.createDirectories(scratch.resolve("in"));
        Path banks = Files.createDirectories(scratch.resolve("banks"));
        Files.writeString(banks.resolve("other.csv"), "id,category,question\nother-1,opener,Why now?\n"
                + "fz-intro,opener,A question whose id a damaged file may also use\n");
        Trials.Tally tally = new Trials.Tally(seed);
        long rowsKept = 0;
        long rowsDamaged = 0;
        long[] reported = new long[1];
        for (int i = 0; i < trials; i++) {
            SplittableRandom random = tally.random(i);
            DamagedBank.Case c = DamagedBank.make(sources.get(random.nextInt(sources.size())), random);
            Path file = in.resolve("fuzz-" + (i % 7) + ".csv");
            Files.write(file, c.bytes());
            try {
                tally.check(i, c.description(), () -> {
                    QuestionLibrary library = QuestionLibrary.loadFolder(in);
                    List<String> wrong = new ArrayList<>(check(c, file, library.banks().get(0)));
                    BankImport.Check imported = new BankImport(banks).check(file);
                    wrong.addAll(checkImport(c, file, imported, library.banks().get(0)));
                    reported[0] += library.problems().size();
                    return wrong;
                });
            } finally {
                Files.deleteIfExists(file);
            }
            rowsKept += c.rows().stream().filter(DamagedBank.Row::untouched).count();
            rowsDamaged += c.rows().stream().filter(r -> !r.untouched()).count();
        }
        return tally.outcome(trials, trials + " damaged files from core.csv and a small hand-made bank, seed " + seed
                + " (-Dretake.faults.seed to repeat); " + rowsDamaged + " rows damaged, " + rowsKept
                + " left alone, " + reported[0] + " problems reported", List.of("checked: no exception escapes "
                + "loading or the import check; every row left alone loads at its line; every damaged row loads or "
                + "is reported at a line it spans; every problem names the file and a line in it; a file that "
                + "cannot be read at all says so"));
    }

    /** What is wrong with how a damaged file was loaded; empty when nothing is. */
    static List<String> check(DamagedBank.Case c, Path file, QuestionBank bank) {
        List<String> wrong = new ArrayList<>();
        byte[] bytes = c.bytes();
        DamagedBank.Lines index = new DamagedBank.Lines(bytes);
        int lines = index.count();
        for (FileProblem p : bank.problems()) {
            if (!p.file().getFileName().equals(file.getFileName())) {
                wrong.add("a problem names another file: " + p);
            }
            if (p.line() < 0 || p.line() > lines) {
                wrong.add("a problem names line " + p.line() + " of a " + lines + "-line file: " + p.reason());
            }
        }
        for (Question q : bank.questions()) {
            if (q.line() < 2 || q.line() > lines) {
                wrong.add("question " + q.id() + " is said to be at line " + q.line() + " of " + lines);
            }
        }
        // A damaged header may happen to mend what made the file unreadable (a column named twice, say).
        if (c.unreadable() && !c.headerDamage() && (!bank.questions().isEmpty() || bank.problems().isEmpty())) {
            wrong.add("an unreadable file gave " + bank.questions().size() + " questions and "
                    + bank.problems().size() + " problems");
        }
        boolean headerReported = bank.problems().stream().anyMatch(p -> p.line() <= 1);
        long previousKept = 1;
        for (DamagedBank.Row row : c.rows()) {
            long first = index.of(row.start());
            long last = index.of(Math.max(row.start(), row.end() - 1));
            if (row.untouched() && !c.headerDamage()) {
                if (!c.unreadable()) {
                    checkKept(row.expected(), first, bank, wrong);
                }
                previousKept = first;
            } else if (!c.unreadable() && !headerReported && !blank(bytes, row)) {
                long from = previousKept + 1;
                boolean accounted = bank.questions().stream().anyMatch(q -> q.line() >= from && q.line() <= last)
                        || bank.problems().stream().anyMatch(p -> p.line() >= from && p.line() <= last);
                if (!accounted) {
                    wrong.add("a row damaged by " + (row.untouched() ? "a damaged header" : row.damage())
                            + " at lines " + first + "-" + last
                            + " neither loaded nor was reported");
                }
            }
        }
        return wrong;
    }

    private static void checkKept(Question expected, long line, QuestionBank bank, List<String> wrong) {
        Question found = bank.questions().stream().filter(q -> q.line() == line).findFirst().orElse(null);
        if (found != null && found.id().equals(expected.id()) && found.category().equals(expected.category())
                && found.text().equals(expected.text())) {
            return;
        }
        // A damaged row earlier in the file may have taken this row's id: the first use of an id wins, as always.
        String key = expected.id().toLowerCase(Locale.ROOT);
        boolean taken = bank.questions().stream().anyMatch(q -> q.id().toLowerCase(Locale.ROOT).equals(key)
                && q.line() < line);
        if (found == null && taken) {
            return;
        }
        String why = bank.problems().stream().filter(p -> p.line() == line).map(FileProblem::reason).findFirst()
                .orElse(found == null ? "no question and no problem at that line" : "it loaded as " + found.id()
                        + " \"" + abbreviate(found.text()) + "\"");
        wrong.add("untouched row " + expected.id() + " at line " + line + " did not load: " + abbreviate(why));
    }

    private static List<String> checkImport(DamagedBank.Case c, Path file, BankImport.Check check,
                                            QuestionBank loaded) {
        List<String> wrong = new ArrayList<>();
        int lines = new DamagedBank.Lines(c.bytes()).count();
        for (FileProblem p : check.everything()) {
            if (p.line() < 0 || p.line() > lines || !p.file().getFileName().equals(file.getFileName())) {
                wrong.add("the import check reported " + p + " for a " + lines + "-line file");
            }
        }
        if (!check.bank().questions().stream().map(Question::id).toList()
                .equals(loaded.questions().stream().map(Question::id).toList())) {
            wrong.add("the import check read other questions than loading did");
        }
        if (check.canImport() && (check.bank().questions().isEmpty()
                || check.bank().problems().stream().anyMatch(p -> p.line() <= 1))) {
            wrong.add("the import check would import a file with nothing to load or a broken header");
        }
        return wrong;
    }

    /** Whether a damaged row holds nothing but blanks, commas and quotes: a blank line, which is no row at all. */
    private static boolean blank(byte[] bytes, DamagedBank.Row row) {
        String text = new String(bytes, row.start(), row.end() - row.start(), StandardCharsets.UTF_8);
        return text.replace(",", "").replace("\"", "").isBlank();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
