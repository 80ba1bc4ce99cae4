package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The example users copy from question-banks/README.md must itself be a valid bank. */
class BankDocsTest {

    @Test
    void readmeExampleIsAValidBank() throws IOException {
        String readme = Files.readString(Path.of("question-banks", "README.md"));
        int start = readme.indexOf("```csv\n");
        assertThat(start).as("the README has a csv example").isNotNegative();
        String example = readme.substring(start + 7, readme.indexOf("```", start + 7));
        QuestionBank bank = new BankReader().parse(Path.of("README-example.csv"),
                example.getBytes(StandardCharsets.UTF_8));
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.questions()).hasSize(3).allSatisfy(q -> assertThat(q.talkingPoints()).isNotEmpty());
    }
}
