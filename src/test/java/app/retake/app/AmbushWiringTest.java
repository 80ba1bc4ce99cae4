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

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.storage.Locations;
import app.retake.ui.practice.PracticeModel.Phase;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Ambush mode and the debrief form as wired into the real main window, headless under Monocle. */
class AmbushWiringTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Services services;
    private MainWindow window;
    private Stage stage;
    private Path banks;

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

    private void open() throws Exception {
        banks = Files.createDirectories(dir.resolve("question-banks"));
        Files.copy(Path.of("question-banks", "core.csv"), banks.resolve("core.csv"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("settings.json"),
                "{\"camera\": \"synthetic\", \"microphone\": \"none\", \"videoSize\": \"320x240\"}");
        services = new Services(new Locations(data, banks, dir.resolve("no-model"), Optional.empty()));
        FxToolkit.setupStage(s -> {
            MainWindow.applyTheme();
            window = new MainWindow(services);
            window.attach(s);
            stage = s;
            s.show();
            window.startBackgroundWork();
        });
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void spaceStillReachesThePracticePageUnderTheAmbushBar() throws Exception {
        open();
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.SPACE);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
    }

    @Test
    void theToggleSwitchesAmbushModeOn() throws Exception {
        open();
        robot.clickOn("#ambush-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.ambush().armedProperty().get()).isTrue();
    }

    @Test
    void answeringAnAmbushRestoresTheWindowAndRecordsThatQuestion() throws Exception {
        open();
        Question q = QuestionLibrary.loadFolder(banks).questions().get(5);
        robot.interact(() -> stage.setIconified(true));
        robot.interact(() -> window.answerAmbush(q));
        waitUntil(() -> window.practice().phase().get() == Phase.RECORDING);
        assertThat(window.practice().question().get()).contains(q);
        assertThat(stage.isIconified()).isFalse();
        robot.type(KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#review-page").tryQuery().map(n -> n.getScene() != null).orElse(false));
    }

    @Test
    void theProgressPageOpensTheDebriefForm() throws Exception {
        open();
        robot.clickOn("#nav-progress");
        robot.clickOn("#progress-debrief");
        waitUntil(() -> robot.lookup("#debrief-page").tryQuery().isPresent());
    }
}
