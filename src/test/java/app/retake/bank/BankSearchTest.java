package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BankSearchTest {

    private static final Question CONFLICT = new Question("beh-conflict", "behavioural",
            "Tell me about a conflict with a colleague.", List.of(), List.of(), List.of("star", "teamwork"),
            Difficulty.MEDIUM, "", Map.of(), "core", 2);
    private static final Question SALARY = new Question("my-salary", "closing", "What salary do you expect?",
            List.of(), List.of(), List.of(), Difficulty.HARD, "", Map.of(), "my-questions", 2);
    private static final List<Question> ALL = List.of(CONFLICT, SALARY);

    private static List<Question> search(String query, String bank) {
        return ALL.stream().filter(BankSearch.of(query, bank)).toList();
    }

    @Test
    void everyWordMustTurnUpInTextIdCategoryOrTags() {
        assertThat(search("", null)).containsExactly(CONFLICT, SALARY);
        assertThat(search("COLLEAGUE", null)).containsExactly(CONFLICT);
        assertThat(search("my-sal", null)).containsExactly(SALARY);
        assertThat(search("closing", null)).containsExactly(SALARY);
        assertThat(search("teamwork conflict", null)).containsExactly(CONFLICT);
        assertThat(search("teamwork salary", null)).isEmpty();
    }

    @Test
    void aBankNarrowsTheSearch() {
        assertThat(search("", "My-Questions")).containsExactly(SALARY);
        assertThat(search("conflict", "my-questions")).isEmpty();
        assertThat(search("conflict", "")).containsExactly(CONFLICT);
    }
}
