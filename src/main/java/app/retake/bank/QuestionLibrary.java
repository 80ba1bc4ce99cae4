package app.retake.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import app.retake.storage.FileProblem;

/**
 * Every bank loaded together. Ids must be unique across banks: a row whose id an earlier bank (in file-name
 * order) already uses is reported and left out.
 */
public record QuestionLibrary(Path folder, List<QuestionBank> banks, List<FileProblem> folderProblems) {

    public QuestionLibrary {
        banks = List.copyOf(banks);
        folderProblems = List.copyOf(folderProblems);
    }

    /** Loads every {@code *.csv} directly inside {@code folder}. Never throws. */
    public static QuestionLibrary loadFolder(Path folder) {
        List<Path> files = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new FileProblem(folder, 0, "question bank folder not found"));
        } else {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .forEach(files::add);
            } catch (IOException | SecurityException e) {
                problems.add(new FileProblem(folder, 0, "cannot be listed: " + e.getMessage()));
            }
            if (files.isEmpty() && problems.isEmpty()) {
                problems.add(new FileProblem(folder, 0, "holds no .csv question banks"));
            }
        }
        return load(folder, files, problems);
    }

    /** Loads the given files, in the given order. Never throws. */
    public static QuestionLibrary loadFiles(List<Path> files) {
        return load(null, files, List.of());
    }

    private static QuestionLibrary load(Path folder, List<Path> files, List<FileProblem> folderProblems) {
        BankReader reader = new BankReader();
        Map<String, Question> byId = new HashMap<>();
        List<QuestionBank> banks = new ArrayList<>();
        for (Path file : files) {
            QuestionBank bank = reader.read(file);
            List<Question> kept = new ArrayList<>();
            List<FileProblem> problems = new ArrayList<>(bank.problems());
            for (Question q : bank.questions()) {
                Question earlier = byId.putIfAbsent(q.id().toLowerCase(Locale.ROOT), q);
                if (earlier == null) {
                    kept.add(q);
                } else {
                    problems.add(new FileProblem(file, q.line(), "duplicate id \"" + q.id() + "\" (already in "
                            + earlier.bank() + ".csv at line " + earlier.line() + ")"));
                }
            }
            problems.sort(Comparator.comparingLong(FileProblem::line));
            banks.add(new QuestionBank(bank.file(), bank.header(), kept, problems));
        }
        return new QuestionLibrary(folder, banks, folderProblems);
    }

    /** All valid questions of all banks, bank by bank in file order. */
    public List<Question> questions() {
        return banks.stream().flatMap(b -> b.questions().stream()).toList();
    }

    /** Folder-level problems followed by every bank's problems. */
    public List<FileProblem> problems() {
        return Stream.concat(folderProblems.stream(), banks.stream().flatMap(b -> b.problems().stream())).toList();
    }

    /** Number of questions per category over all banks, sorted by category. */
    public Map<String, Integer> countsByCategory() {
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Question q : questions()) {
            counts.merge(q.category(), 1, Integer::sum);
        }
        return counts;
    }

    /** The question with this id, ignoring case. */
    public Optional<Question> find(String id) {
        return questions().stream().filter(q -> q.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Questions in {@code category} (null: any) carrying {@code tag} (null: any). */
    public List<Question> filter(String category, String tag) {
        return questions().stream()
                .filter(q -> category == null || q.category().equalsIgnoreCase(category))
                .filter(q -> tag == null || q.hasTag(tag))
                .toList();
    }
}
