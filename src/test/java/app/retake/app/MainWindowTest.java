package app.retake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/** The real main window, headless under Monocle, driven by clicking and typing as a user would. */
class MainWindowTest {

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

    private void open(Path model) throws Exception {
        Path banks = AppWindow.coreBanks(dir);
        Files.writeString(banks.resolve("broken.csv"),
                "id,category,question\nmine-1,opener,What drives you?\nmine-2,opener,\n");
        screen.open(dir.resolve("data"), banks, model, true);
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        AppWindow.waitUntil(30, condition);
    }

    private String text(String query) {
        return screen.text(query);
    }

    @Test
    void questionBanksPageShowsCountsPerCategoryAndEveryBadRow() throws Exception {
        open(AppWindow.MODEL);
        robot.clickOn("#nav-banks");
        waitUntil(() -> !text("#banks-summary").startsWith("Loading"));
        int core = app.retake.bank.QuestionLibrary.loadFiles(java.util.List.of(Path.of("question-banks", "core.csv")))
                .questions().size();
        assertThat(text("#banks-summary")).isEqualTo((core + 1) + " questions in 9 categories from 2 banks; "
                + "1 row could not be loaded (listed below).");
        assertThat(robot.lookup("#banks-table").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(robot.lookup("#categories-table").queryAs(TableView.class).getItems()).hasSize(9);
        assertThat(robot.lookup("#banks-problems").queryAs(ListView.class).getItems())
                .containsExactly("broken.csv:3: empty question");
    }

    @Test
    void reloadPicksUpAFixedBank() throws Exception {
        open(AppWindow.MODEL);
        robot.clickOn("#nav-banks");
        waitUntil(() -> !text("#banks-summary").startsWith("Loading"));
        Files.writeString(dir.resolve("question-banks").resolve("broken.csv"),
                "id,category,question\nmine-1,opener,What drives you?\nmine-2,opener,What would you change?\n");
        robot.clickOn("#banks-reload");
        waitUntil(() -> text("#banks-summary").endsWith("No problems found."));
        assertThat(robot.lookup("#banks-problems").queryAs(ListView.class).getItems()).isEmpty();
    }

    @Test
    void statusAreaSaysWhatTheMachineOffers() throws Exception {
        open(AppWindow.MODEL);
        waitUntil(() -> text("#status-speech-model").startsWith("Speech model ready"));
        waitUntil(() -> !text("#status-camera").startsWith("Checking"));
        waitUntil(() -> !text("#status-microphone").startsWith("Checking"));
        waitUntil(() -> !text("#status-data").startsWith("Checking"));
        assertThat(text("#status-data")).startsWith("Recordings are kept in " + dir.resolve("data"));
        assertThat(text("#status-camera")).matches("(No camera found|Could not look for cameras|\\d+ cameras? found).*");
    }

    @Test
    void missingModelIsExplainedAndTheWindowStillWorks() throws Exception {
        open(dir.resolve("nowhere"));
        waitUntil(() -> text("#status-speech-model").startsWith("No speech model found"));
        robot.clickOn("#nav-banks");
        waitUntil(() -> !text("#banks-summary").startsWith("Loading"));
        assertThat(text("#banks-summary")).contains("from 2 banks");
    }

    @Test
    void keyboardShortcutsSwitchPages() throws Exception {
        open(AppWindow.MODEL);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#banks-page").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#review-page").tryQuery()).isPresent();
        assertThat(robot.lookup("#banks-page").tryQuery().map(Node::getScene)).isEmpty();
    }

    @Test
    void aTakeRetakeDiedDuringIsInTheHistoryMarkedInterruptedAfterTheNextStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        var question = app.retake.bank.QuestionLibrary.loadFolder(Path.of("question-banks")).questions().get(0);
        var session = new app.retake.practice.PracticeSession(data, app.retake.history.AttemptLog.in(data),
                java.util.List.of(question), app.retake.drill.Preparedness.replay(
                        java.util.List.<app.retake.history.Attempt>of(), app.retake.history.Attempt.DEFAULT_PROFILE),
                app.retake.practice.PracticeSession.quickDrill(app.retake.drill.SpringFilter.ANY),
                app.retake.history.Mode.SOLO, java.time.Clock.systemDefaultZone(), new java.util.SplittableRandom(1));
        var files = session.beginTake(question);
        Files.write(files.video(), new byte[] {0}); // saved, then Retake died on the review screen before the rating

        open(dir.resolve("nowhere"));
        waitUntil(() -> text("#status-data").contains("marked interrupted"));
        robot.clickOn("#nav-progress");
        robot.clickOn("#progress-tab-history");
        waitUntil(() -> robot.lookup(".tree-table-cell").queryAllAs(javafx.scene.control.TreeTableCell.class)
                .stream().anyMatch(c -> "interrupted".equals(c.getText())));
        assertThat(app.retake.history.AttemptLog.in(data).readAll().attempts()).singleElement()
                .satisfies(a -> assertThat(a.interrupted()).isTrue());
    }
}
