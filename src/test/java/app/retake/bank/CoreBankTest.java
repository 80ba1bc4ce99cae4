package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The bank Retake ships must load cleanly and meet the content bar it promises users. */
class CoreBankTest {

    static final Path CORE = Path.of("question-banks", "core.csv");

    @Test
    void shippedBankLoadsWithoutProblems() {
        QuestionBank bank = new BankReader().read(CORE);
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.questions()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(bank.countsByCategory()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyQuestionSaysWhatAStrongAnswerCovers() {
        List<Question> questions = new BankReader().read(CORE).questions();
        assertThat(questions).allSatisfy(q -> assertThat(q.talkingPoints()).hasSizeBetween(2, 5));
    }

    @Test
    void coversTheQuestionsCandidatesDreadAndTheOnesTheyShouldAsk() {
        List<Question> questions = new BankReader().read(CORE).questions();
        assertThat(questions).anySatisfy(q -> assertThat(q.text()).containsIgnoringCase("tell me about yourself"));
        assertThat(questions).anySatisfy(q -> assertThat(q.text()).containsIgnoringCase("leaving"));
        assertThat(questions).anySatisfy(q -> assertThat(String.join(" ", q.talkingPoints()))
                .containsIgnoringCase("doesn't yet see"));
        assertThat(questions).extracting(Question::category)
                .contains("opener", "motivation", "strengths-weaknesses", "behavioural", "situational",
                        "office-admin", "curveball", "salary-logistics", "candidate-questions");
    }
}
