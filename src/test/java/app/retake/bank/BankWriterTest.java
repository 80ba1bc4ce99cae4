package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankWriterTest {

    @TempDir
    Path dir;

    @Test
    void rewriteKeepsColumnOrderExtraColumnsAndAwkwardText() throws IOException {
        Path file = dir.resolve("mine.csv");
        String original = "Question,id,Company,category,talking_points,difficulty\n"
                + "\"Why \"\"us\"\", of all places?\",m1,ACME,motivation,Research | Fit,hard\n"
                + "\"Two\nlines\",m2,,motivation,,\n";
        Files.writeString(file, original);
        QuestionBank bank = new BankReader().read(file);
        assertThat(bank.problems()).isEmpty();

        List<Question> edited = new ArrayList<>(bank.questions());
        Question added = new Question("m3", "motivation", "Café, or tea?", List.of("One", "Two"), List.of(),
                List.of("new"), Difficulty.EASY, "", Map.of("Company", "Initech"), "mine", 0);
        edited.add(added);
        new BankWriter().write(file, bank.header(), edited);

        QuestionBank again = new BankReader().read(file);
        assertThat(again.problems()).isEmpty();
        assertThat(again.header()).startsWith("Question", "id", "Company", "category", "talking_points", "difficulty");
        assertThat(again.header()).contains("tags"); // appended because the new question has tags
        assertThat(again.questions()).extracting(Question::text)
                .containsExactly("Why \"us\", of all places?", "Two\nlines", "Café, or tea?");
        assertThat(again.questions().get(0).extra()).containsEntry("Company", "ACME");
        assertThat(again.questions().get(2).extra()).containsEntry("Company", "Initech");
        assertThat(again.questions().get(0).talkingPoints()).containsExactly("Research", "Fit");
        assertThat(again.questions().get(0).difficulty()).isEqualTo(Difficulty.HARD);
        assertThat(Files.readString(file)).startsWith("Question,id,Company,category,talking_points,difficulty,tags\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }
}
