package app.retake.bank;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The search box of the banks page: every word typed must turn up in a question's text, id, category or tags. */
public final class BankSearch {

    private BankSearch() {
    }

    /**
     * Questions matching {@code query} (blank: all) in the bank named {@code bank} (blank: any bank). Matching
     * ignores case and the order of the words.
     */
    public static Predicate<Question> of(String query, String bank) {
        List<String> words = query == null || query.isBlank() ? List.of()
                : Arrays.stream(query.strip().toLowerCase(Locale.ROOT).split("\\s+")).toList();
        boolean anyBank = bank == null || bank.isBlank();
        return q -> (anyBank || q.bank().equalsIgnoreCase(bank)) && matchesAll(q, words);
    }

    private static boolean matchesAll(Question q, List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        String haystack = (q.text() + "\n" + q.id() + "\n" + q.category() + "\n" + String.join("\n", q.tags()))
                .toLowerCase(Locale.ROOT);
        return words.stream().allMatch(haystack::contains);
    }
}
