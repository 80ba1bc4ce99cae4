package app.retake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.review.SelfCheck;
import app.retake.history.TakeFiles;
import app.retake.practice.SavedTakes;
import app.retake.progress.ComparisonFixtures;
import app.retake.speech.MetricSettings;
import app.retake.storage.Locations;
import app.retake.ui.shell.Page;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/** The main window's review page offers the comparison for a question answered twice, read from its data root. */
class CompareWiringTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Services services;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.hideStage();
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        if (services != null) {
            services.close();
        }
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
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
        services = new Services(new Locations(data, banks, MainWindowTest.MODEL, Optional.empty()));
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            MainWindow.applyTheme();
            window[0] = new MainWindow(services);
            window[0].attach(stage);
            stage.show();
        });
        TakeFiles latest = TakeFiles.of(data, ComparisonFixtures.LATEST_TIME.toLocalDate(), "s2", "take-02");
        var opened = SavedTakes.open(latest, Optional.of(ComparisonFixtures.QUESTION), MetricSettings.defaults());
        robot.interact(() -> {
            window[0].review().show(opened.take(), Optional.empty(), opened.review().rating(), SelfCheck.EMPTY);
            window[0].shell().open(Page.REVIEW);
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
