package app.retake.ui.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.drill.Preparedness;
import app.retake.drill.SpringFilter;
import app.retake.drill.WeakSpots;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Debrief;
import app.retake.history.Debriefs;
import app.retake.ui.debrief.DebriefModel.AskedQuestion;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The debrief form on a data root of its own, headless under Monocle, filled in as a user would. */
class DebriefViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private ExecutorService io;
    private Path banks;
    private Path data;
    private DebriefModel model;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        banks = DebriefModelTest.writeBanks(dir);
        data = dir.resolve("data");
        io = Executors.newSingleThreadExecutor();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new DebriefModel(banks, data, () -> Attempt.DEFAULT_PROFILE, io,
                    Clock.fixed(DebriefModelTest.NOW, ZoneOffset.UTC), saved -> { });
            DebriefView view = new DebriefView(model);
            ScrollPane scroll = new ScrollPane(view.root());
            scroll.setFitToWidth(true);
            stage.setScene(new Scene(scroll, 860, 780));
            stage.show();
            model.load();
        });
        waitUntil(() -> !model.loadingProperty().get());
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

    private String message() {
        return robot.lookup("#debrief-message").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private Node rowOf(String text) {
        return robot.lookup("#debrief-questions .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof AskedQuestion a && a.text().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no row shows " + text));
    }

    @Test
    void savingADebriefWithOneQuestionUnpreparedPutsItAtTheTopOfTheWeakSpots() throws Exception {
        assertThat(robot.lookup("#debrief-page").tryQuery()).isPresent();
        assertThat(robot.lookup("#debrief-date").queryAs(DatePicker.class).getValue())
                .isEqualTo(LocalDate.of(2026, 3, 10));
        robot.clickOn("#debrief-company").write("Acme Ltd");
        robot.clickOn("#debrief-role").write("Backend engineer");

        robot.clickOn("#debrief-search").write("hash map");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> results = robot.lookup("#debrief-results").queryAs(ListView.class);
        assertThat(results.getItems()).extracting(q -> ((Question) q).id()).containsExactly("q-two");
        robot.clickOn(robot.lookup("#debrief-results .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#debrief-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(results.getItems()).isEmpty();

        robot.clickOn("#debrief-new-question").write("Why should we hire you over the others?");
        robot.clickOn("#debrief-add-new");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> asked = robot.lookup("#debrief-questions").queryAs(ListView.class);
        assertThat(asked.getItems()).extracting(a -> ((AskedQuestion) a).text())
                .containsExactly("Explain how a hash map works.", "Why should we hire you over the others?");

        robot.clickOn(robot.from(rowOf("Explain how a hash map works.")).lookup(".debrief-unprepared")
                .queryAs(CheckBox.class));
        robot.clickOn("#debrief-lessons").write("Lead with the trade-offs.");
        robot.clickOn("#debrief-save");
        waitUntil(() -> message().startsWith("Saved"));

        assertThat(message()).contains("2 questions asked, 1 unprepared, now at the top of your weak spots");
        Preparedness memory = Preparedness.replay(AttemptLog.in(data), Attempt.DEFAULT_PROFILE);
        List<Question> questions = QuestionLibrary.loadFolder(banks).questions();
        assertThat(WeakSpots.worstFirst(questions, memory, SpringFilter.ANY, DebriefModelTest.NOW).get(0).question()
                .id()).isEqualTo("q-two");
        assertThat(memory.isUnprepared("q-two")).isTrue();
        Question typed = questions.stream().filter(q -> q.bank().equals("my-questions")).findFirst().orElseThrow();
        assertThat(typed.text()).isEqualTo("Why should we hire you over the others?");
        assertThat(memory.isUnprepared(typed.id())).isFalse();
        Debrief written = new Debriefs(data, AttemptLog.in(data)).readAll().debriefs().get(0);
        assertThat(written.company()).isEqualTo("Acme Ltd");
        assertThat(written.asked()).containsExactly("q-two", typed.id());
        assertThat(written.lessons()).isEqualTo("Lead with the trade-offs.");
        assertThat(asked.getItems()).isEmpty();
    }

    @Test
    void anEmptyFormSaysWhatIsMissingAndWritesNothing() throws Exception {
        robot.clickOn("#debrief-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message()).startsWith("Fill in the company or the role");

        robot.clickOn("#debrief-role").write("Office manager");
        robot.clickOn("#debrief-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message()).startsWith("Add at least one question");
        assertThat(data.resolve(Debriefs.FILE_NAME)).doesNotExist();
        assertThat(data.resolve(AttemptLog.FILE_NAME)).doesNotExist();
    }

    @Test
    void aRowCanBeRemovedBeforeSaving() throws Exception {
        robot.clickOn("#debrief-new-question").write("What is your biggest weakness?");
        robot.clickOn("#debrief-add-new");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(rowOf("What is your biggest weakness?")).lookup(".debrief-remove")
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#debrief-questions").queryAs(ListView.class).getItems()).isEmpty();
    }

    @Test
    void theFormOpensInAWindowOfItsOwn() throws Exception {
        AtomicReference<Stage> window = new AtomicReference<>();
        robot.interact(() -> window.set(new DebriefView(model).openWindow(null)));
        waitUntil(() -> window.get().isShowing() && !model.loadingProperty().get());
        assertThat(((ScrollPane) window.get().getScene().getRoot()).getContent().getId()).isEqualTo("debrief-page");
        assertThat(window.get().getTitle()).contains("debrief");
    }
}
