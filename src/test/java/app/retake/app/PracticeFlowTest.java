package app.retake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import app.retake.SpokenWavs;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.review.ReviewFiles;
import app.retake.history.TakeFiles;
import app.retake.speech.MetricsSummary;
import app.retake.ui.practice.PracticeModel.Phase;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;

/**
 * The practice loop as a user drives it, keyboard only: spring a question, record an answer with the synthetic
 * camera and a spoken WAV as the microphone, stop, review the transcript and measurements, rate, and go on.
 */
class PracticeFlowTest {

    @TempDir
    Path dir;

    private final AppWindow screen = new AppWindow();
    private final FxRobot robot = screen.robot;
    private MainWindow window;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        AppWindow.registerToolkit();
    }

    @AfterEach
    void close() throws TimeoutException {
        screen.close();
    }

    private void open() throws Exception {
        Path speech = SpokenWavs.say(dir, "answer", "In my last role I led a small team that rebuilt the billing "
                + "service. Basically I split the work into weekly milestones and we shipped two weeks early.", 16_000,
                "pad", "0.5", "30");
        window = screen.open(AppWindow.data(dir, AppWindow.testDevices(speech, "")), AppWindow.coreBanks(dir));
        waitUntil(() -> text("#status-speech-model").startsWith("Speech model ready"));
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        AppWindow.waitUntil(60, condition);
    }

    private String text(String query) {
        return screen.text(query);
    }

    private void press(KeyCode key) {
        screen.press(key);
    }

    /** From a question on screen: record about {@code seconds} of answer and stop; the review opens. */
    private void answer(double seconds) throws TimeoutException {
        press(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.RECORDING);
        waitUntil(() -> window.practice().elapsed().get() >= seconds);
        press(KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#review-page").tryQuery().map(n -> n.getScene() != null).orElse(false)
                && window.review().take().get().isPresent());
    }

    @Test
    void springRecordStopReviewRateAndGoOn() throws Exception {
        open();
        press(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
        String question = text("#practice-question");
        assertThat(question).isNotEqualTo("Ready when you are.");
        assertThat(text("#practice-progress")).startsWith("Question 1 of 10");

        answer(9);
        assertThat(text("#review-question")).isEqualTo(question);
        FlowPane transcript = robot.lookup("#review-transcript").queryAs(FlowPane.class);
        List<String> words = transcript.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertThat(words).contains("team", "weekly");
        GridPane metrics = robot.lookup("#review-metrics").queryAs(GridPane.class);
        assertThat(metrics.getChildren().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText()))
                .contains("Pace", "Filler phrases", "Time to first word");
        assertThat(robot.lookup("#review-points").queryAs(javafx.scene.layout.VBox.class).getChildren()).isNotEmpty();

        press(KeyCode.N);
        assertThat(text("#review-message")).startsWith("Rate this answer first");
        assertThat(AttemptLog.in(dir.resolve("data")).readAll().attempts()).isEmpty();

        robot.interact(() -> robot.lookup("#review-details").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1.0));
        robot.clickOn("#check-tone-work");
        press(KeyCode.DIGIT3);
        press(KeyCode.N);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION
                && text("#practice-progress").startsWith("Question 2 of 10"));
        assertThat(robot.lookup("#practice-page").query().getScene()).isNotNull();

        List<Attempt> attempts = AttemptLog.in(dir.resolve("data")).readAll().attempts();
        assertThat(attempts).hasSize(1);
        Attempt first = attempts.get(0);
        assertThat(first.selfRating()).contains(Rating.GOOD);
        assertThat(first.metrics()).containsKey(MetricsSummary.WORDS_PER_MINUTE).containsEntry("check_tone",
                "work on it");
        assertThat(first.recording()).isPresent();
        assertThat(dir.resolve("data").resolve(first.recording().get())).isRegularFile();
        Path video = dir.resolve("data").resolve(first.recording().get());
        TakeFiles files = new TakeFiles(video.getParent(), first.take());
        assertThat(files.transcript()).isRegularFile();
        assertThat(files.subtitles()).isRegularFile();
        var review = ReviewFiles.read(files.review());
        assertThat(review.rating()).contains(Rating.GOOD);
        assertThat(review.selfCheck().verdicts()).containsEntry(app.retake.review.SelfCheck.Aspect.TONE,
                app.retake.review.SelfCheck.Verdict.WORK_ON_IT);
    }

    @Test
    void retakeAsksTheSameQuestionAgainAndEscEndsTheSession() throws Exception {
        open();
        press(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
        String question = text("#practice-question");
        answer(3);
        press(KeyCode.DIGIT1);
        press(KeyCode.R);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION
                && robot.lookup("#practice-page").query().getScene() != null);
        assertThat(text("#practice-question")).isEqualTo(question);

        answer(3);
        press(KeyCode.ESCAPE);
        assertThat(text("#review-message")).contains("Esc again");
        press(KeyCode.ESCAPE);
        waitUntil(() -> window.practice().phase().get() == Phase.IDLE);
        List<Attempt> attempts = AttemptLog.in(dir.resolve("data")).readAll().attempts();
        assertThat(attempts).extracting(Attempt::selfRating).containsExactly(Optional.of(Rating.UNPREPARED),
                Optional.empty());
        assertThat(attempts).extracting(Attempt::questionId).containsOnly(attempts.get(0).questionId());
        assertThat(window.practice().question().get()).isEmpty();
    }

    @Test
    void aTakeFromTheHistoryOpensInReviewWithItsRating() throws Exception {
        open();
        press(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
        String question = text("#practice-question");
        answer(4);
        press(KeyCode.DIGIT4);
        press(KeyCode.ESCAPE);
        waitUntil(() -> window.practice().phase().get() == Phase.IDLE);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.clickOn("#progress-tab-history");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeTableView<Object> table = robot.lookup("#history-table")
                .queryAs(javafx.scene.control.TreeTableView.class);
        waitUntil(() -> table.getRoot() != null && !table.getRoot().getChildren().isEmpty());
        robot.interact(() -> {
            var session = table.getRoot().getChildren().get(0);
            session.setExpanded(true);
            table.getSelectionModel().select(session.getChildren().get(0));
        });
        robot.clickOn("#history-open");
        waitUntil(() -> robot.lookup("#review-page").tryQuery().map(n -> n.getScene() != null).orElse(false)
                && window.review().take().get().isPresent());
        assertThat(text("#review-question")).isEqualTo(question);
        var rated = robot.lookup("#rate-4").queryAs(javafx.scene.control.ToggleButton.class);
        assertThat(rated.isSelected()).isTrue();
        assertThat(rated.isDisabled()).as("an old take keeps its rating").isTrue();
        assertThat(robot.lookup("#review-loop").query().isVisible()).isFalse();
        FlowPane transcript = robot.lookup("#review-transcript").queryAs(FlowPane.class);
        assertThat(transcript.getChildren()).hasSizeGreaterThan(3);
    }

    @Test
    void closingTheWindowKeepsATakeStillRecordingAndOneRatedButNotLogged() throws Exception {
        open();
        press(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
        answer(3);
        press(KeyCode.DIGIT2);
        press(KeyCode.R);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION
                && robot.lookup("#practice-page").query().getScene() != null);
        press(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.RECORDING);
        waitUntil(() -> window.practice().elapsed().get() >= 2);
        robot.interact(window::closing);

        List<Attempt> attempts = AttemptLog.in(dir.resolve("data")).readAll().attempts();
        assertThat(attempts).extracting(Attempt::selfRating).containsExactly(Optional.of(Rating.SHAKY),
                Optional.empty());
        Attempt last = attempts.get(1);
        assertThat(last.recording()).isPresent();
        assertThat(dir.resolve("data").resolve(last.recording().get())).isRegularFile();
        assertThat(last.duration().toMillis()).isGreaterThan(1500);
    }

    @Test
    void closingTheWindowLogsTheTakeOnTheReviewScreenWithTheRatingGiven() throws Exception {
        open();
        press(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
        answer(3);
        press(KeyCode.DIGIT4);
        robot.interact(window::closing);
        assertThat(AttemptLog.in(dir.resolve("data")).readAll().attempts()).extracting(Attempt::selfRating)
                .containsExactly(Optional.of(Rating.NAILED));
    }
}
