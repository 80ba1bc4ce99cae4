package app.retake.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A question as the user typed it into the editor, tidied: blanks stripped, lists without empty items, line breaks
 * in the question and category folded into spaces.
 *
 * @param id an id of the user's choosing, or empty to have one made from the text
 */
public record QuestionDraft(String id, String category, String text, List<String> talkingPoints,
                            List<String> followUps, List<String> tags, Difficulty difficulty) {

    public QuestionDraft {
        id = oneLine(id);
        category = oneLine(category);
        text = oneLine(text);
        talkingPoints = tidy(talkingPoints);
        followUps = tidy(followUps);
        tags = tidy(tags);
        difficulty = difficulty == null ? Difficulty.MEDIUM : difficulty;
    }

    /** The draft that reproduces {@code q}, to start editing from. */
    public static QuestionDraft of(Question q) {
        return new QuestionDraft(q.id(), q.category(), q.text(), q.talkingPoints(), q.followUps(), q.tags(),
                q.difficulty());
    }

    /** One item per line of {@code text}, as typed into a multi-line field. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : tidy(Arrays.asList(text.split("\\R")));
    }

    /** Items separated by commas or by the bank's own {@code |}, as typed into a one-line field. */
    public static List<String> items(String text) {
        return text == null ? List.of() : tidy(Arrays.asList(text.split("[,|]")));
    }

    /** Why this draft cannot be saved, one sentence per reason; empty when it can. */
    public List<String> problems() {
        List<String> reasons = new ArrayList<>();
        if (text.isEmpty()) {
            reasons.add("The question is empty.");
        }
        if (category.isEmpty()) {
            reasons.add("The category is empty.");
        }
        if (!id.isEmpty() && !BankReader.ID.matcher(id).matches()) {
            reasons.add("The id \"" + id + "\" may only contain letters, digits, '-', '_' and '.', and must start "
                    + "with a letter or digit.");
        }
        // The bank file splits list cells at '|', so an item holding one would come back as two.
        checkItems(reasons, "talking point", talkingPoints);
        checkItems(reasons, "follow-up", followUps);
        checkItems(reasons, "tag", tags);
        return reasons;
    }

    /** The question this draft describes, for {@code bank}, keeping the source and extra cells given. */
    Question toQuestion(String finalId, String source, Map<String, String> extra, String bank) {
        return new Question(finalId, category, text, talkingPoints, followUps, tags, difficulty, source, extra, bank,
                0);
    }

    private static void checkItems(List<String> reasons, String what, List<String> items) {
        for (String item : items) {
            if (item.indexOf('|') >= 0) {
                reasons.add("The " + what + " \"" + item + "\" contains '|', which separates items in a bank file; "
                        + "put each " + what + " on its own.");
                return;
            }
        }
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static List<String> tidy(List<String> items) {
        if (items == null) {
            return List.of();
        }
        return items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    /** The id compared the way banks compare ids: ignoring case. */
    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
