package app.retake.bank;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.retake.storage.FileProblem;

/**
 * One bank file as read: its valid questions, its header (kept for rewriting) and every problem found.
 *
 * @param header the column names exactly as the file spells them, in file order
 */
public record QuestionBank(Path file, List<String> header, List<Question> questions, List<FileProblem> problems) {

    public QuestionBank {
        header = List.copyOf(header);
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    /** The bank's name: its file name without {@code .csv}. */
    public String name() {
        return nameOf(file);
    }

    /** Number of questions per category, categories sorted by name. */
    public Map<String, Integer> countsByCategory() {
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Question q : questions) {
            counts.merge(q.category(), 1, Integer::sum);
        }
        return counts;
    }

    static String nameOf(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
