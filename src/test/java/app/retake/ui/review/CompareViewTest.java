package app.retake.ui.review;

import static app.retake.progress.ComparisonFixtures.FIRST_ANSWER;
import static app.retake.progress.ComparisonFixtures.FIRST_TIME;
import static app.retake.progress.ComparisonFixtures.LATEST_ANSWER;
import static app.retake.progress.ComparisonFixtures.LATEST_TIME;
import static app.retake.progress.ComparisonFixtures.QUESTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.review.SelfCheck;
import app.retake.history.TakeFiles;
import app.retake.practice.SavedTakes;
import app.retake.progress.ComparisonFixtures;
import app.retake.speech.MetricSettings;
import app.retake.speech.TranscriptFiles;
import app.retake.ui.practice.PracticeModel;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Window;

/**
 * The review screen with its compare button, on a temporary data root holding takes of one question, driven as a
 * user would: the comparison opens in its own window with both takes and what got better, and Esc returns.
 */
class CompareViewTest {

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private ExecutorService io;
    private ReviewModel review;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        io = Executors.newSingleThreadExecutor();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            review = new ReviewModel();
            Clock clock = Clock.fixed(Instant.parse("2026-03-09T12:00:00Z"), ZoneOffset.UTC);
            CompareModel compare = new CompareModel(review, data, () -> Attempt.DEFAULT_PROFILE,
                    MetricSettings::defaults, io, clock);
            CompareView compareView = new CompareView(compare, ZoneOffset.UTC);
            ReviewView view = new ReviewView(review, io, List.of(compareView.button()));
            Scene scene = new Scene((Parent) view.root(), 1100, 720);
            var css = ReviewView.class.getResource("/app/retake/ui/retake.css");
            if (css != null) {
                scene.getStylesheets().add(css.toExternalForm());
            }
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.hideStage();
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        io.shutdownNow();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for work already handed to the file thread, and for what it hands back to the FX thread. */
    private void settle() throws Exception {
        io.submit(() -> { }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show(TakeFiles files, Optional<PracticeModel.Loop> loop) {
        SavedTakes.Opened opened = SavedTakes.open(files, Optional.of(QUESTION), MetricSettings.defaults());
        robot.interact(() -> review.show(opened.take(), loop, loop.isPresent() ? Optional.empty()
                : opened.review().rating(), SelfCheck.EMPTY));
    }

    private Button compareButton() {
        return robot.lookup("#review-compare").queryAs(Button.class);
    }

    private boolean compareShowing() {
        return robot.lookup("#compare-page").tryQuery().map(n -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false);
    }

    private List<String> texts(String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<String> words(Node transcript) {
        return ((Pane) transcript).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void comparingShowsBothTakesSideBySideWithWhatGotBetterAndEscReturnsToTheReview() throws Exception {
        ComparisonFixtures.writeTwoTakes(data);
        show(TakeFiles.of(data, LATEST_TIME.toLocalDate(), "s2", "take-02"), Optional.empty());
        waitUntil(() -> !compareButton().isDisabled());

        robot.clickOn("#review-compare");
        waitUntil(() -> compareShowing() && robot.lookup("#compare-first-heading").tryQuery().isPresent());

        assertThat(text("#compare-question")).isEqualTo(QUESTION.text());
        assertThat(text("#compare-first-heading")).isEqualTo("First take (1 Mar 2026, 10:00)");
        assertThat(text("#compare-latest-heading")).isEqualTo("Latest take (8 Mar 2026, 18:30)");
        assertThat(text("#compare-summary")).isEqualTo("The latest take is better on 6 measures and worse on 1 "
                + "measure than the first.");
        assertThat(texts("#compare-grid .metric-name")).startsWith("Rating", "Talking points covered", "Pace",
                "Time to first word", "Long pauses", "Filler phrases per minute", "Hedges");
        assertThat(texts(".compare-first")).startsWith("shaky", "1 of 3", "59 words per minute", "4.0 s");
        assertThat(texts(".compare-latest")).startsWith("good", "3 of 3", "121 words per minute", "1.0 s");
        assertThat(texts(".compare-verdict")).containsExactly("better", "better", "better", "better", "better",
                "better", "worse", "same", "same");
        List<Label> better = robot.lookup(".verdict-better").queryAllAs(Label.class).stream().toList();
        assertThat(better).hasSize(6).allMatch(l -> l.getStyleClass().contains(Styles.SUCCESS));
        assertThat(robot.lookup(".verdict-worse").queryAs(Label.class).getStyleClass()).contains(Styles.DANGER);
        assertThat(robot.lookup(".compare-points .point-covered").queryAll()).hasSize(1 + 3);
        assertThat(robot.lookup(".compare-points .point-missed").queryAll()).hasSize(2);
        assertThat(String.join(" ", words(robot.lookup("#compare-first-transcript").query())))
                .isEqualTo(FIRST_ANSWER.replace(" (3)", ""));
        assertThat(String.join(" ", words(robot.lookup("#compare-latest-transcript").query())))
                .isEqualTo(LATEST_ANSWER);
        assertThat(robot.lookup("#compare-first-transcript .flag-filler").queryAll()).hasSize(3);

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !compareShowing());
        // The review's own keys still work: this take is from the history, so rating it is refused politely.
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#review-message")).startsWith("This take was rated when it was recorded");

        robot.clickOn("#review-compare");
        waitUntil(() -> compareShowing() && robot.lookup("#compare-first-heading").tryQuery().isPresent());
        robot.clickOn("#compare-close");
        waitUntil(() -> !compareShowing());
    }

    @Test
    void aQuestionAnsweredOnceCannotBeCompared() throws Exception {
        Attempt only = ComparisonFixtures.logged(data, "s1", "take-01", FIRST_TIME, Rating.SHAKY, FIRST_ANSWER);
        AttemptLog.in(data).append(only);
        show(TakeFiles.of(data, FIRST_TIME.toLocalDate(), "s1", "take-01"), Optional.empty());
        settle();

        assertThat(compareButton().isDisabled()).isTrue();
    }

    @Test
    void theTakeJustRecordedComparesWithTheFirstAndTheLoopKeysStillWorkAfterwards() throws Exception {
        Attempt first = ComparisonFixtures.logged(data, "s1", "take-01", FIRST_TIME, Rating.SHAKY, FIRST_ANSWER);
        AttemptLog.in(data).append(first);
        TakeFiles now = TakeFiles.of(data, LATEST_TIME.toLocalDate(), "s2", "take-01");
        Files.createDirectories(now.dir());
        Files.writeString(now.transcript(), TranscriptFiles.json(ComparisonFixtures.transcript(1.0, LATEST_ANSWER)));
        Files.setLastModifiedTime(now.transcript(), FileTime.from(LATEST_TIME.toInstant()));
        List<String> loopCalls = new ArrayList<>();
        PracticeModel.Loop loop = new PracticeModel.Loop() {
            @Override
            public void retake(Optional<Rating> rating, SelfCheck check) {
                loopCalls.add("retake " + rating.map(Rating::label).orElse("-"));
            }

            @Override
            public void next(Optional<Rating> rating, SelfCheck check) {
                loopCalls.add("next");
            }

            @Override
            public void end(Optional<Rating> rating, SelfCheck check) {
                loopCalls.add("end");
            }
        };
        show(now, Optional.of(loop));
        waitUntil(() -> !compareButton().isDisabled());
        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#review-compare");
        waitUntil(() -> compareShowing() && robot.lookup("#compare-first-heading").tryQuery().isPresent());
        assertThat(texts(".compare-latest")).startsWith("good", "3 of 3");
        assertThat(text("#compare-latest-heading")).isEqualTo("Latest take (8 Mar 2026, 18:30)");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !compareShowing());
        assertThat(loopCalls).as("Esc in the comparison does not end the session").isEmpty();

        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loopCalls).containsExactly("retake good");
    }
}
