package app.retake.bank;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One interview question as a bank holds it.
 *
 * @param id            unique across all banks; the attempt log refers to questions by it
 * @param talkingPoints what a strong answer covers
 * @param extra         cells of columns Retake does not know, by header name, kept so a rewrite loses nothing
 * @param bank          name of the bank file it came from (without {@code .csv})
 * @param line          line in that file where its row starts, 0 when not read from a file
 */
public record Question(String id, String category, String text, List<String> talkingPoints,
                       List<String> followUps, List<String> tags, Difficulty difficulty, String source,
                       Map<String, String> extra, String bank, long line) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(text, "text");
        talkingPoints = List.copyOf(talkingPoints);
        followUps = List.copyOf(followUps);
        tags = List.copyOf(tags);
        Objects.requireNonNull(difficulty, "difficulty");
        source = source == null ? "" : source;
        extra = Map.copyOf(extra);
        bank = bank == null ? "" : bank;
    }

    /** Whether the question carries the tag, ignoring case. */
    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }
}
