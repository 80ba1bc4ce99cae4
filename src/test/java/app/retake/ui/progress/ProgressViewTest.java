package app.retake.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.progress.ProgressReport;
import app.retake.progress.TakeRef;
import app.retake.speech.Transcript;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.Word;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Window;

/** The Progress page on a data root of its own, headless under Monocle, clicked as a user would. */
class ProgressViewTest {

    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AtomicReference<List<String>> drilled = new AtomicReference<>();
    private final AtomicReference<TakeRef> opened = new AtomicReference<>();
    private ExecutorService io;
    private Path data;
    private ProgressModel model;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.hideStage();
        // A dialog left open by a failed test must not linger into the next one.
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        if (io != null) {
            io.shutdownNow();
        }
    }

    private void open() throws Exception {
        Path banks = Files.createDirectories(dir.resolve("banks"));
        Files.writeString(banks.resolve("test.csv"), "id,category,question\n"
                + "q-one,behavioural,Tell me about a conflict with a coworker.\n"
                + "q-two,technical,Explain how a hash map works.\n"
                + "q-three,behavioural,Describe a project you are proud of.\n"
                + "q-four,curveball,Why are manhole covers round?\n");
        io = Executors.newSingleThreadExecutor();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new ProgressModel(data, () -> QuestionLibrary.loadFolder(banks), io, drilled::set, opened::set,
                    Attempt.DEFAULT_PROFILE, clock);
            ProgressView view = new ProgressView(model);
            Scene scene = new Scene((Parent) view.root(), 1100, 800);
            var css = ProgressView.class.getResource("/app/retake/ui/retake.css");
            scene.getStylesheets().add(css.toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        waitUntil(() -> model.reportProperty().get() != null && !model.loadingProperty().get());
    }

    /** Three sessions on three days running; two questions still unprepared; files for two takes. */
    private void threeSessions() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        take("s1", "t1", "q-one", 2, 0, Rating.UNPREPARED, "120");
        take("s1", "t2", "q-two", 2, 5, Rating.GOOD, "140");
        take("s2", "t3", "q-two", 1, 0, Rating.SHAKY, "150");
        take("s2", "t5", "q-four", 1, 5, Rating.UNPREPARED, null);
        take("s3", "t4", "q-three", 0, 0, Rating.GOOD, "130");
        files("s2", "t3", 1, "buckets and a hash function");
        files("s3", "t4", 0, "i managed the shared calendar");
    }

    private void take(String session, String take, String question, int daysAgo, int minutes, Rating rating,
                      String wpm) throws IOException {
        OffsetDateTime time = OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC)
                .withHour(9).plusMinutes(minutes);
        String stem = time.toLocalDate() + "/" + session + "/" + take;
        AttemptLog.in(data).append(new Attempt(time, session, take, question, "test", Mode.SOLO, "me",
                Optional.of(rating), Optional.empty(), Duration.ofSeconds(75), Optional.of(stem + ".mp4"),
                Optional.of(stem + ".transcript.json"),
                wpm == null ? Map.of() : Map.of("wpm", wpm, "long_pauses", "2", "fillers_per_min", "1.00")));
    }

    private void files(String session, String take, int daysAgo, String said) throws IOException {
        Path folder = Files.createDirectories(data.resolve(NOW.minus(Duration.ofDays(daysAgo)).atOffset(
                ZoneOffset.UTC).toLocalDate().toString()).resolve(session));
        Files.writeString(folder.resolve(take + ".mp4"), "video");
        String[] words = said.split(" ");
        List<Word> list = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            list.add(new Word(words[i], i, i + 0.5, 1));
        }
        Files.writeString(folder.resolve(take + ".transcript.json"),
                TranscriptFiles.json(new Transcript(list, words.length, "m")));
        Files.writeString(folder.resolve(take + ".vtt"), "WEBVTT\n");
        Files.writeString(folder.resolve(take + ".review.json"), "{}");
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<Number> values(LineChart<?, ?> chart) {
        return ((LineChart<String, Number>) chart).getData().get(0).getData().stream()
                .map(XYChart.Data::getYValue).toList();
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<ProgressView.HistoryRow> table() {
        return robot.lookup("#history-table").queryAs(TreeTableView.class);
    }

    private List<String> takesShown() {
        return table().getRoot().getChildren().stream().flatMap(s -> s.getChildren().stream())
                .map(TreeItem::getValue).map(r -> r.take().take()).toList();
    }

    private Node rowOf(String take) {
        return robot.lookup(".tree-table-row-cell").queryAllAs(TreeTableRow.class).stream()
                .filter(r -> r.getItem() instanceof ProgressView.HistoryRow h && h.isTake()
                        && h.take().take().equals(take))
                .findFirst().orElseThrow(() -> new AssertionError("no row shows take " + take));
    }

    @Test
    void dashboardShowsStreakUnpreparedListCategoriesAndCharts() throws Exception {
        threeSessions();
        open();
        assertThat(text("#progress-streak")).isEqualTo("3 days");
        assertThat(text("#progress-streak-hint")).startsWith("Practised today");
        assertThat(text("#progress-takes-today")).isEqualTo("1");
        assertThat(text("#progress-takes-30")).isEqualTo("5");
        assertThat(robot.lookup("#progress-empty").query().isVisible()).isFalse();

        ListView<?> unprepared = robot.lookup("#progress-unprepared").queryAs(ListView.class);
        assertThat(unprepared.getItems()).extracting(u -> ((ProgressReport.Unprepared) u).questionId())
                .containsExactly("q-one", "q-four");
        robot.clickOn("#progress-drill-unprepared");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drilled.get()).containsExactly("q-one", "q-four");

        ListView<?> categories = robot.lookup("#progress-weak-categories").queryAs(ListView.class);
        assertThat(categories.getItems()).extracting(c -> ((ProgressReport.CategoryWeakness) c).category())
                .containsExactlyInAnyOrder("behavioural", "technical", "curveball");

        assertThat(values(robot.lookup("#chart-pace").queryAs(LineChart.class)))
                .containsExactly(130.0, 150.0, 130.0);
        assertThat(values(robot.lookup("#chart-pauses").queryAs(LineChart.class))).containsExactly(2.0, 2.0, 2.0);
        assertThat(values(robot.lookup("#chart-fillers").queryAs(LineChart.class))).containsExactly(1.0, 1.0, 1.0);
        assertThat(values(robot.lookup("#chart-good-share").queryAs(LineChart.class)))
                .containsExactly(50.0, 0.0, 100.0);
        BarChart<?, ?> perDay = robot.lookup("#chart-takes-per-day").queryAs(BarChart.class);
        List<? extends XYChart.Data<?, ?>> days = perDay.getData().get(0).getData();
        assertThat(days).hasSize(30);
        assertThat(days.subList(27, 30)).extracting(d -> ((Number) d.getYValue()).intValue())
                .containsExactly(2, 2, 1);
    }

    @Test
    void historySearchesOpensAndDeletesATakeOnlyAfterConfirmation() throws Exception {
        threeSessions();
        open();
        robot.clickOn("#progress-tab-history");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(takesShown()).containsExactly("t4", "t3", "t5", "t1", "t2");

        robot.clickOn("#history-search").write("calendar");
        waitUntil(() -> takesShown().equals(List.of("t4")));
        assertThat(text("#history-summary")).isEqualTo("1 take in 1 session match \"calendar\".");
        robot.clickOn(rowOf("t4"));
        robot.clickOn("#history-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.get().take()).isEqualTo("t4");
        assertThat(opened.get().video()).contains(data.toAbsolutePath().resolve("2026-03-10/s3/t4.mp4"));

        TextField search = robot.lookup("#history-search").queryAs(TextField.class);
        robot.interact(() -> search.setText("zebra"));
        waitUntil(() -> takesShown().isEmpty() && !model.searchingProperty().get());
        assertThat(text("#history-summary")).isEqualTo("No take matches \"zebra\" in its question or transcript.");
        robot.interact(search::clear);
        waitUntil(() -> takesShown().size() == 5);

        Path t3 = data.resolve("2026-03-09/s2");
        robot.clickOn(rowOf("t3"));
        robot.clickOn("#history-delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#delete-confirmation").tryQuery()).isPresent();
        robot.clickOn("#cancel-delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(takesShown()).contains("t3");
        assertThat(t3.resolve("t3.mp4")).exists();

        robot.clickOn(rowOf("t3"));
        robot.clickOn("#history-delete");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#confirm-delete");
        waitUntil(() -> !takesShown().contains("t3") && !model.loadingProperty().get());
        assertThat(takesShown()).containsExactly("t4", "t5", "t1", "t2");
        assertThat(text("#progress-status")).isEqualTo("Deleted 1 take from the history and 4 files from disk.");
        assertThat(t3.resolve("t3.mp4")).doesNotExist();
        assertThat(t3.resolve("t3.transcript.json")).doesNotExist();
        assertThat(data.resolve("2026-03-10/s3/t4.mp4")).exists();
        assertThat(AttemptLog.in(data).readAll().attempts()).extracting(Attempt::take)
                .containsExactly("t1", "t2", "t5", "t4");
        // The dashboard follows: s2's pace point is gone.
        assertThat(values(robot.lookup("#chart-pace").queryAs(LineChart.class))).containsExactly(130.0, 130.0);
    }

    @Test
    void emptyHistoryInvitesTheFirstTake() throws Exception {
        data = dir.resolve("fresh-data");
        open();
        Label empty = robot.lookup("#progress-empty").queryAs(Label.class);
        assertThat(empty.getText()).isEqualTo("No takes yet — press Space on Practice to answer your first question.");
        assertThat(empty.isVisible()).isTrue();
        assertThat(robot.lookup("#progress-export").queryAs(MenuButton.class).isDisabled()).isTrue();
        robot.clickOn("#progress-tab-history");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#history-summary")).isEqualTo(ProgressModel.EMPTY_MESSAGE);
        assertThat(robot.lookup("#history-delete").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(data).doesNotExist();
    }

    @Test
    void exportWritesBothCsvFiles() throws Exception {
        threeSessions();
        open();
        Path attempts = dir.resolve("export/attempts.csv");
        Path unprepared = dir.resolve("export/unprepared.csv");
        robot.interact(() -> {
            model.exportAttempts(attempts);
        });
        waitUntil(() -> text("#progress-status").equals("Exported 5 takes to " + attempts + "."));
        robot.interact(() -> {
            model.exportUnprepared(unprepared);
        });
        waitUntil(() -> text("#progress-status").equals("Exported 2 unprepared questions to " + unprepared + "."));
        assertThat(Files.readAllLines(attempts)).hasSize(6);
        assertThat(Files.readAllLines(unprepared)).hasSize(3);
    }
}
