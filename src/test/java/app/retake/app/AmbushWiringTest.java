package app.retake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.ui.practice.PracticeModel.Phase;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** Ambush mode and the debrief form as wired into the real main window, headless under Monocle. */
class AmbushWiringTest {

    @TempDir
    Path dir;

    private final AppWindow screen = new AppWindow();
    private final FxRobot robot = screen.robot;
    private MainWindow window;
    private Stage stage;
    private Path banks;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        AppWindow.registerToolkit();
    }

    @AfterEach
    void close() throws TimeoutException {
        screen.close();
    }

    private void open() throws Exception {
        banks = AppWindow.coreBanks(dir);
        Path data = AppWindow.data(dir, "{\"camera\": \"synthetic\", \"microphone\": \"none\", "
                + "\"videoSize\": \"320x240\"}");
        window = screen.open(data, banks, dir.resolve("no-model"), true);
        stage = screen.stage;
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        AppWindow.waitUntil(30, condition);
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
