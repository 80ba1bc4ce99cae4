package app.retake.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.retake.bank.BankRefusal.Reason;
import app.retake.storage.AtomicFiles;
import app.retake.storage.FileProblem;

/**
 * Brings a bank file from anywhere into the banks folder, after checking it the way Retake loads banks. The file is
 * copied byte for byte and atomically; the original is only read. A file whose name or ids clash with the banks
 * already there is refused, so importing never changes which question an id means.
 */
public final class BankImport {

    private final Path folder;
    private final BankReader reader = new BankReader();

    /** @param folder the question bank folder the file is copied into */
    public BankImport(Path folder) {
        this.folder = folder;
    }

    /**
     * What checking a file found.
     *
     * @param target   where the file goes in the banks folder
     * @param bank     the file as Retake would load it
     * @param refusals why it cannot be imported, each pinned to a line where one applies; empty when it can be
     * @param problems rows that would not load and would be skipped, each with its line
     */
    public record Check(Path source, Path target, QuestionBank bank, List<FileProblem> refusals,
                        List<FileProblem> problems) {

        public Check {
            refusals = List.copyOf(refusals);
            problems = List.copyOf(problems);
        }

        public boolean canImport() {
            return refusals.isEmpty();
        }

        /** Refusals and the rows that would be skipped together, in file order. */
        public List<FileProblem> everything() {
            List<FileProblem> all = new ArrayList<>(refusals);
            all.addAll(problems);
            all.sort(Comparator.comparingLong(FileProblem::line));
            return all;
        }
    }

    /** Checks {@code source} against the banks in the folder. Never throws. */
    public Check check(Path source) {
        return checked(source).check;
    }

    /**
     * Copies {@code source} into the banks folder if it passes the check; the bytes checked are the bytes written.
     *
     * @throws BankRefusal when the check refuses it; nothing is written then
     */
    public Check importFile(Path source) throws BankRefusal, IOException {
        Checked checked = checked(source);
        Check check = checked.check;
        if (!check.canImport()) {
            FileProblem first = check.refusals().get(0);
            String more = check.refusals().size() > 1 ? " (and " + (check.refusals().size() - 1) + " more)" : "";
            throw new BankRefusal(Reason.UNSAFE, "Cannot import " + fileName(source) + ": "
                    + first.describe(source.toAbsolutePath().getParent()) + more, check.refusals());
        }
        // Checked again just before writing: the replace below would silently overwrite a file made meanwhile.
        if (Files.exists(check.target())) {
            throw new BankRefusal(Reason.UNSAFE, "Cannot import " + fileName(source) + ": a bank of that name was "
                    + "added to " + folder + " meanwhile.");
        }
        AtomicFiles.write(check.target(), checked.bytes);
        return check;
    }

    private Checked checked(Path source) {
        String name = fileName(source);
        Path target = folder.resolve(name);
        List<FileProblem> refusals = new ArrayList<>();
        byte[] bytes = new byte[0];
        QuestionBank bank;
        try {
            bytes = Files.readAllBytes(source);
            bank = reader.parse(source, bytes);
        } catch (NoSuchFileException e) {
            bank = failed(source, "file not found");
        } catch (IOException | SecurityException e) {
            bank = failed(source, "cannot be read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            bank = failed(source, "too large to load");
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            refusals.add(new FileProblem(source, 0, "is not a .csv file; save it as \"CSV UTF-8\" first"));
        } else if (name.startsWith(".")) {
            refusals.add(new FileProblem(source, 0, "has a name starting with '.', which Retake skips; rename it"));
        }
        QuestionLibrary library = QuestionLibrary.loadFolder(folder);
        String bankName = QuestionBank.nameOf(source);
        boolean clash = Files.exists(target)
                || library.banks().stream().anyMatch(b -> b.name().equalsIgnoreCase(bankName));
        if (clash) {
            refusals.add(new FileProblem(source, 0, "a bank named " + name + " is already in the banks folder; "
                    + "rename the file to import it beside that one"));
        }
        List<FileProblem> problems = new ArrayList<>();
        for (FileProblem p : bank.problems()) {
            // A fault in the file as a whole or in its header means nothing in it would load.
            (p.line() <= 1 ? refusals : problems).add(p);
        }
        if (bank.questions().isEmpty() && bank.problems().stream().noneMatch(p -> p.line() <= 1)) {
            refusals.add(new FileProblem(source, 0, "holds no question Retake can load"));
        }
        for (Question q : bank.questions()) {
            Optional<Question> taken = library.find(q.id());
            taken.ifPresent(t -> refusals.add(new FileProblem(source, q.line(), "id \"" + q.id()
                    + "\" is already used in " + t.bank() + ".csv at line " + t.line())));
        }
        refusals.sort(Comparator.comparingLong(FileProblem::line));
        return new Checked(new Check(source, target, bank, refusals, problems), bytes);
    }

    private static QuestionBank failed(Path source, String reason) {
        return new QuestionBank(source, List.of(), List.of(), List.of(new FileProblem(source, 0, reason)));
    }

    private static String fileName(Path source) {
        return source.getFileName() == null ? source.toString() : source.getFileName().toString();
    }

    /** A check with the bytes it judged, so the copy is exactly what was checked. */
    private record Checked(Check check, byte[] bytes) {
    }
}
