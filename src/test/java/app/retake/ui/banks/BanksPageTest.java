package app.retake.ui.banks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.bank.BankReader;
import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.bank.QuestionBank;
import app.retake.settings.Settings;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Question banks page on its own, over a temporary bank folder, driven by clicking as a user would. */
class BanksPageTest {

    private static final String CORE = "id,category,question,talking_points,difficulty,source\n"
            + "core-1,opener,Tell me about yourself.,Summary | Fit,easy,retake-core\n"
            + "core-2,motivation,Why this job?,,,retake-core\n";
    private static final String NURSING = "id,category,question,notes,difficulty\n"
            + "nur-shift,behavioural,Tell me about your busiest shift.,from ward 7,hard\n"
            + "nur-why,motivation,Why nursing?,\"asked twice, 2023\",\n";

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.defaults());
    private final List<Settings> updates = new CopyOnWriteArrayList<>();
    private ExecutorService files;
    private Path banks;
    private BanksModel model;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        banks = Files.createDirectories(dir.resolve("question-banks"));
        Files.writeString(banks.resolve("core.csv"), CORE);
        Files.writeString(banks.resolve("nursing.csv"), NURSING);
        files = Executors.newSingleThreadExecutor();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new BanksModel(banks, files, settings::get, change -> updates.add(settings.updateAndGet(change)));
            stage.setScene(new Scene((Parent) new BanksView(model).root(), 1100, 760));
            stage.show();
            model.reload();
        });
        waitUntil(() -> model.libraryProperty().get() != null);
    }

    @AfterEach
    void close() throws Exception {
        // Dialogs left open by a failing test would otherwise answer the next test's lookups.
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage && ((Stage) w).getOwner() != null).forEach(w -> ((Stage) w).close()));
        FxToolkit.hideStage();
        files.shutdownNow();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<Question> questionTable() {
        return robot.lookup("#banks-questions").queryAs(TableView.class);
    }

    private List<String> shownIds() {
        return questionTable().getItems().stream().map(Question::id).toList();
    }

    private void select(String id) {
        robot.interact(() -> {
            TableView<Question> table = questionTable();
            table.getSelectionModel().select(table.getItems().stream().filter(q -> q.id().equals(id)).findFirst()
                    .orElseThrow());
        });
    }

    private boolean showing(String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false);
    }

    /** Types into a field as a user would; line breaks, which typed characters cannot carry, are set directly. */
    private void type(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(field::clear);
        if (text.contains("\n")) {
            robot.interact(() -> field.setText(text));
        } else {
            robot.clickOn(field).write(text);
        }
    }

    private Map<String, String> folder() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(banks)) {
            for (Path p : list.toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void everyQuestionIsListedAndTheSearchFindsTextIdsCategoriesAndTags() throws Exception {
        assertThat(shownIds()).containsExactly("core-1", "core-2", "nur-shift", "nur-why");
        robot.clickOn("#banks-search").write("busiest");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownIds()).containsExactly("nur-shift");
        type("#banks-search", "motivation");
        assertThat(shownIds()).containsExactly("core-2", "nur-why");
        robot.interact(() -> robot.lookup("#banks-filter").queryAs(ComboBox.class).setValue("nursing"));
        assertThat(shownIds()).containsExactly("nur-why");
    }

    @Test
    void aQuestionAddedThroughTheDialogIsWrittenToMyQuestionsAndListed() throws Exception {
        robot.clickOn("#banks-add");
        waitUntil(() -> showing("#question-dialog"));
        robot.clickOn("#question-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#question-error").queryAs(Label.class).getText())
                .isEqualTo("The question is empty. The category is empty.");
        assertThat(showing("#question-dialog")).isTrue();
        assertThat(banks.resolve("my-questions.csv")).doesNotExist();

        type("#question-text", "How do you handle a tight deadline?");
        type("#question-category", "behavioural");
        type("#question-points", "Plan the work\nSay what you dropped");
        type("#question-tags", "pressure, time");
        robot.interact(() -> robot.lookup("#question-difficulty").queryAs(ComboBox.class).setValue(Difficulty.HARD));
        robot.clickOn("#question-save");
        waitUntil(() -> !showing("#question-dialog") && shownIds().contains("my-how-do-you-handle-a-tight"));

        QuestionBank mine = new BankReader().read(banks.resolve("my-questions.csv"));
        assertThat(mine.problems()).isEmpty();
        assertThat(mine.questions()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("my-how-do-you-handle-a-tight");
            assertThat(q.text()).isEqualTo("How do you handle a tight deadline?");
            assertThat(q.category()).isEqualTo("behavioural");
            assertThat(q.talkingPoints()).containsExactly("Plan the work", "Say what you dropped");
            assertThat(q.tags()).containsExactly("pressure", "time");
            assertThat(q.difficulty()).isEqualTo(Difficulty.HARD);
        });
        assertThat(questionTable().getSelectionModel().getSelectedItem().id())
                .isEqualTo("my-how-do-you-handle-a-tight");
        assertThat(robot.lookup("#banks-message").queryAs(Label.class).getText())
                .isEqualTo("Added my-how-do-you-handle-a-tight to my-questions.csv.");
    }

    @Test
    void editingAQuestionInAUserBankRewritesItsRowAndKeepsTheExtraColumns() throws Exception {
        select("nur-shift");
        robot.clickOn("#banks-edit");
        waitUntil(() -> showing("#question-dialog"));
        assertThat(robot.lookup("#question-text").queryAs(TextArea.class).getText())
                .isEqualTo("Tell me about your busiest shift.");
        type("#question-text", "Tell me about your busiest shift, and how it ended.");
        type("#question-category", "situational");
        robot.clickOn("#question-save");
        waitUntil(() -> !showing("#question-dialog"));
        waitUntil(() -> questionTable().getItems().stream().anyMatch(q -> q.category().equals("situational")));

        // The other row keeps its empty difficulty cell: only the edited row is written anew.
        assertThat(Files.readString(banks.resolve("nursing.csv"))).isEqualTo("id,category,question,notes,difficulty\n"
                + "nur-shift,situational,\"Tell me about your busiest shift, and how it ended.\",from ward 7,hard\n"
                + "nur-why,motivation,Why nursing?,\"asked twice, 2023\",\n");
        assertThat(questionTable().getItems()).filteredOn(q -> q.id().equals("nur-shift")).singleElement()
                .satisfies(q -> assertThat(q.extra()).containsEntry("notes", "from ward 7"));
    }

    @Test
    void deletingAsksFirstAndOnlyRemovesTheRowOnceConfirmed() throws Exception {
        select("nur-shift");
        robot.clickOn("#banks-delete");
        waitUntil(() -> showing("#banks-delete-confirm"));
        robot.clickOn("#banks-delete-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(banks.resolve("nursing.csv"))).isEqualTo(NURSING);

        robot.clickOn("#banks-delete");
        waitUntil(() -> showing("#banks-delete-confirm"));
        robot.clickOn("#banks-delete-ok");
        waitUntil(() -> !shownIds().contains("nur-shift"));
        assertThat(Files.readString(banks.resolve("nursing.csv"))).isEqualTo("id,category,question,notes,difficulty\n"
                + "nur-why,motivation,Why nursing?,\"asked twice, 2023\",\n");
        assertThat(shownIds()).containsExactly("core-1", "core-2", "nur-why");
    }

    @Test
    void editingACoreQuestionIsRefusedWithAnOfferToCopyIt() throws Exception {
        select("core-1");
        assertThat(robot.lookup("#banks-delete").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#banks-edit");
        waitUntil(() -> showing("#banks-copy-offer"));
        assertThat(showing("#question-dialog")).isFalse();
        robot.clickOn("#banks-copy-ok");
        waitUntil(() -> showing("#question-dialog"));
        assertThat(robot.lookup("#question-text").queryAs(TextArea.class).getText())
                .isEqualTo("Tell me about yourself.");
        assertThat(robot.lookup("#question-bank").queryAs(ComboBox.class).getValue()).isEqualTo("my-questions");
        type("#question-text", "Tell me about yourself, for a nursing role.");
        robot.clickOn("#question-save");
        waitUntil(() -> !showing("#question-dialog") && shownIds().contains("my-tell-me-about-yourself-for-a"));

        assertThat(Files.readString(banks.resolve("core.csv"))).isEqualTo(CORE);
        Question copy = new BankReader().read(banks.resolve("my-questions.csv")).questions().get(0);
        assertThat(copy.text()).isEqualTo("Tell me about yourself, for a nursing role.");
        assertThat(copy.talkingPoints()).containsExactly("Summary", "Fit");
        assertThat(copy.source()).isEqualTo("copied from core.csv (core-1)");
    }

    @Test
    void importingABadFileListsItsProblemsWithLineNumbersAndChangesNothing() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("Downloads"));
        Path bad = Files.writeString(elsewhere.resolve("bad.csv"), "id,category,question\n"
                + "core-1,opener,Same id as the core bank\n"
                + "bad-2,opener,\n"
                + "bad-3,closing,Any questions for us?\n");
        Map<String, String> before = folder();

        robot.interact(() -> model.importFrom(bad));
        waitUntil(() -> showing("#banks-import-dialog"));
        assertThat(robot.lookup("#banks-import-problems").queryAs(ListView.class).getItems()).containsExactly(
                "bad.csv:2: id \"core-1\" is already used in core.csv at line 2",
                "bad.csv:3: empty question");
        assertThat(robot.lookup("#banks-import-summary").queryAs(Label.class).getText())
                .isEqualTo("bad.csv cannot be imported:");
        assertThat(robot.lookup("#banks-import-ok").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#banks-import-cancel");
        waitUntil(() -> !showing("#banks-import-dialog"));

        assertThat(folder()).isEqualTo(before);
        assertThat(shownIds()).containsExactly("core-1", "core-2", "nur-shift", "nur-why");
    }

    @Test
    void importingAGoodFileCopiesItAndListsItsQuestions() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("Downloads"));
        String content = "id,category,question\nit-1,technical,What is a race condition?\nit-2,technical,\n";
        Path good = Files.writeString(elsewhere.resolve("it.csv"), content);

        robot.interact(() -> model.importFrom(good));
        waitUntil(() -> showing("#banks-import-dialog"));
        assertThat(robot.lookup("#banks-import-summary").queryAs(Label.class).getText()).isEqualTo(
                "1 question in 1 category will be added as it.csv. 1 row has a problem and will be skipped:");
        assertThat(robot.lookup("#banks-import-problems").queryAs(ListView.class).getItems())
                .containsExactly("it.csv:3: empty question");
        robot.clickOn("#banks-import-ok");
        waitUntil(() -> shownIds().contains("it-1"));

        assertThat(Files.readString(banks.resolve("it.csv"))).isEqualTo(content);
        assertThat(Files.readString(good)).isEqualTo(content);
    }

    @Test
    void untickingDrillBoxesLeavesBanksAndCategoriesOutThroughTheSettings() throws Exception {
        assertThat(drillBox("#banks-table", "nursing").isSelected()).isTrue();
        robot.clickOn(drillBox("#banks-table", "nursing"));
        waitUntil(() -> !updates.isEmpty());
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).disabledBanks()).containsExactly("nursing");
        assertThat(updates.get(0).disabledCategories()).isEmpty();
        assertThat(drillBox("#banks-table", "nursing").isSelected()).isFalse();

        robot.clickOn(drillBox("#categories-table", "motivation"));
        waitUntil(() -> updates.size() == 2);
        assertThat(settings.get().disabledBanks()).containsExactly("nursing");
        assertThat(settings.get().disabledCategories()).containsExactly("motivation");

        robot.clickOn(drillBox("#banks-table", "nursing"));
        waitUntil(() -> updates.size() == 3);
        assertThat(settings.get().disabledBanks()).isEmpty();
        assertThat(settings.get().disabledCategories()).containsExactly("motivation");
    }

    @Test
    void drillBoxesStartFromTheSettings() throws Exception {
        settings.set(Settings.defaults().withDisabled(Set.of("core"), Set.of("opener")));
        robot.clickOn("#banks-reload");
        waitUntil(() -> !drillBox("#banks-table", "core").isSelected());
        assertThat(drillBox("#banks-table", "nursing").isSelected()).isTrue();
        assertThat(drillBox("#categories-table", "opener").isSelected()).isFalse();
        assertThat(updates).isEmpty();
    }

    /** The Drill box on the row of {@code table} for the bank or category {@code name}. */
    private CheckBox drillBox(String table, String name) {
        Node tableNode = robot.lookup(table).query();
        return robot.from(tableNode).lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(box -> {
                    Object row = ((TableCell<?, ?>) box.getParent()).getTableRow().getItem();
                    return row instanceof BanksView.BankRow && ((BanksView.BankRow) row).bank().equals(name)
                            || row instanceof BanksView.CategoryRow
                            && ((BanksView.CategoryRow) row).category().equals(name);
                })
                .findFirst().orElseThrow(() -> new AssertionError("no Drill box for " + name + " in " + table));
    }
}
