package app.retake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import app.retake.review.SelfCheck;
import app.retake.history.TakeFiles;
import app.retake.practice.SavedTakes;
import app.retake.progress.ComparisonFixtures;
import app.retake.speech.MetricSettings;
import app.retake.ui.shell.Page;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

/** The main window's review page offers the comparison for a question answered twice, read from its data root. */
class CompareWiringTest {

    @TempDir
    Path dir;

    private final AppWindow screen = new AppWindow();
    private final FxRobot robot = screen.robot;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        AppWindow.registerToolkit();
    }

    @AfterEach
    void close() throws TimeoutException {
        screen.close();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        AppWindow.waitUntil(30, condition);
    }

    private boolean showing(String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).orElse(false);
    }

    @Test
    void aTakeFromTheHistoryComparesWithTheFirstTakeOfItsQuestion() throws Exception {
        Path data = dir.resolve("data");
        ComparisonFixtures.writeTwoTakes(data);
        Path banks = Files.createDirectories(dir.resolve("question-banks"));
        MainWindow window = screen.open(data, banks, AppWindow.MODEL, false);
        TakeFiles latest = TakeFiles.of(data, ComparisonFixtures.LATEST_TIME.toLocalDate(), "s2", "take-02");
        var opened = SavedTakes.open(latest, Optional.of(ComparisonFixtures.QUESTION), MetricSettings.defaults());
        robot.interact(() -> {
            window.review().show(opened.take(), Optional.empty(), opened.review().rating(), SelfCheck.EMPTY);
            window.shell().open(Page.REVIEW);
        });
        waitUntil(() -> showing("#review-compare")
                && !robot.lookup("#review-compare").queryAs(Button.class).isDisabled());

        robot.clickOn("#review-compare");
        waitUntil(() -> showing("#compare-page") && robot.lookup("#compare-first-heading").tryQuery().isPresent());
        assertThat(robot.lookup("#compare-summary").queryAs(Label.class).getText())
                .startsWith("The latest take is better on 6 measures");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#compare-page"));
        assertThat(showing("#review-page")).isTrue();
    }
}
