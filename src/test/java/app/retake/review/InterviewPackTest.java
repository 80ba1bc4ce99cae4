package app.retake.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;

class InterviewPackTest {

    private static int count(String html, String needle) {
        return (int) Pattern.compile(Pattern.quote(needle)).matcher(html).results().count();
    }

    @Test
    void eachQuestionCarriesItsPointsFollowUpsFlagsAndAnEmptyRubricWithEveryTextEscaped() {
        Question q1 = new Question("q-1", "behavioural", "Tell me about a <script>alert(1)</script> conflict & more.",
                List.of("Situation \"briefly\"", "What you did"), List.of("What would you change?"), List.of(),
                Difficulty.MEDIUM, "", Map.of(), "core", 2);
        Question q2 = new Question("q-2", "opener", "Tell me about yourself.", List.of(), List.of(), List.of(),
                Difficulty.EASY, "", Map.of(), "core", 3);
        String html = InterviewPack.html("Alex <3", List.of(q1, q2), LocalDate.of(2026, 11, 22));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Mock interview with Alex &lt;3</title>")
                .contains("2026-11-22 · 2 questions");
        assertThat(html).doesNotContain("<script").contains("Tell me about a &lt;script&gt;alert(1)&lt;/script&gt; "
                + "conflict &amp; more.");
        assertThat(html).contains("<li>Situation &quot;briefly&quot;</li>").contains("<li>What would you change?</li>");
        assertThat(count(html, "<section class=\"question\">")).isEqualTo(2);
        assertThat(count(html, "A strong answer covers")).as("only where there are points").isEqualTo(1);
        assertThat(count(html, "<td class=\"box\"></td>")).isEqualTo(2 * Rubric.Criterion.values().length
                * (Rubric.MAX - Rubric.MIN + 1));
        for (String flag : Flag.STANDARD) {
            assertThat(count(html, "&#9744; " + flag)).isEqualTo(2);
        }
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
    }
}
