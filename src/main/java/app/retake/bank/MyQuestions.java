package app.retake.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.retake.storage.FileProblem;

/** The user's own bank, {@code my-questions.csv}: where questions typed into Retake are kept. */
public final class MyQuestions {

    public static final String FILE_NAME = "my-questions.csv";
    /** The bank's name, as questions and settings refer to it. */
    public static final String BANK = "my-questions";
    static final String SOURCE = "typed in Retake";

    private final Path file;

    public MyQuestions(Path banksDir) {
        this.file = banksDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * Adds a question and rewrites the bank atomically, keeping every existing row and column.
     *
     * @param takenIds ids already used by any bank (compared ignoring case), so the new id is unique
     * @throws IOException when the bank cannot be written, or cannot be read cleanly (so rewriting it would
     *                     drop rows the user has not fixed yet)
     */
    public Question add(String category, String text, Set<String> takenIds) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        QuestionBank bank = Files.exists(file) ? new BankReader().read(file)
                : new QuestionBank(file, BankColumn.standardHeader(), List.of(), List.of());
        if (!bank.problems().isEmpty()) {
            FileProblem first = bank.problems().get(0);
            throw new IOException(first + (bank.problems().size() > 1 ? " (and " + (bank.problems().size() - 1)
                    + " more)" : "") + "; fix " + file.getFileName() + " first so no row is lost when it is rewritten");
        }
        Set<String> taken = takenIds.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        bank.questions().forEach(q -> taken.add(q.id().toLowerCase(Locale.ROOT)));
        String id = uniqueId(text, taken);
        Question added = new Question(id, category == null || category.isBlank() ? "real-interviews" : category.strip(),
                text.strip().replace('\n', ' '), List.of(), List.of(), List.of(), Difficulty.MEDIUM, SOURCE, Map.of(),
                BANK, 0);
        List<Question> all = new ArrayList<>(bank.questions());
        all.add(added);
        new BankWriter().write(file, bank.header(), all);
        return added;
    }

    /** {@code my-} plus the first words of the question, made unique with a number when needed. */
    static String uniqueId(String text, Set<String> taken) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String[] words = slug.isEmpty() ? new String[0] : slug.split("-");
        String base = "my-" + String.join("-", List.of(words).subList(0, Math.min(6, words.length)));
        if (words.length == 0) {
            base = "my-question";
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
