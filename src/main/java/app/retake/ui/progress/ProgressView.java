package app.retake.ui.progress;

import java.io.File;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

import app.retake.progress.ProgressReport;
import app.retake.progress.SessionTakes;
import app.retake.progress.TakeRef;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Progress page: a dashboard (streak, the unprepared list, weak categories, takes per day, charts over
 * sessions) and the take history with search, open in Review and delete. Only binds to {@link ProgressModel}.
 * Each time the page is put on screen it reloads, so it shows takes answered since it was last open.
 */
public final class ProgressView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.getDefault());
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.getDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ProgressModel model;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<HistoryRow> table = new TreeTableView<>();
    private File exportFolder;

    public ProgressView(ProgressModel model) {
        this.model = model;
        root.setId("progress-page");
        root.getStyleClass().add("progress-page");
        root.setTop(header());
        TabPane tabs = new TabPane(tab("progress-tab-overview", "Overview", overview()),
                tab("progress-tab-history", "History", history()));
        tabs.setId("progress-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                model.refresh();
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.refresh();
            }
        });
    }

    public Node root() {
        return root;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private Node header() {
        Label title = new Label("Progress");
        title.getStyleClass().add(Styles.TITLE_2);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty().or(model.busyProperty()).or(model.searchingProperty()));
        Button refresh = new Button("Refresh");
        refresh.setId("progress-refresh");
        refresh.setTooltip(new Tooltip("Read the history again (F5)"));
        refresh.setOnAction(e -> model.refresh());

        MenuItem attempts = new MenuItem("Attempt history (CSV)…");
        attempts.setId("progress-export-attempts");
        attempts.setOnAction(e -> chooseAndExport(true));
        MenuItem unprepared = new MenuItem("Unprepared list (CSV)…");
        unprepared.setId("progress-export-unprepared");
        unprepared.setOnAction(e -> chooseAndExport(false));
        unprepared.disableProperty().bind(Bindings.isEmpty(model.unprepared()));
        MenuButton export = new MenuButton("Export", null, attempts, unprepared);
        export.setId("progress-export");
        export.setTooltip(new Tooltip("Save your history or the unprepared list for a spreadsheet or a coach"));
        export.disableProperty().bind(model.reportProperty().isNull().or(model.emptyProperty())
                .or(model.busyProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, busy, refresh, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("progress-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        hideWhenBlank(status);
        Label problems = new Label();
        problems.setId("progress-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add(Styles.WARNING);
        problems.textProperty().bind(model.problemsProperty());
        hideWhenBlank(problems);
        VBox top = new VBox(6, bar, status, problems);
        top.setPadding(new Insets(0, 0, 10, 0));
        return top;
    }

    private static void hideWhenBlank(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    // ---- Overview ----

    private Node overview() {
        Label empty = new Label(ProgressModel.EMPTY_MESSAGE);
        empty.setId("progress-empty");
        empty.setWrapText(true);
        empty.getStyleClass().addAll(Styles.TITLE_4, Styles.TEXT_MUTED, "progress-empty");
        empty.visibleProperty().bind(model.emptyProperty());
        empty.managedProperty().bind(empty.visibleProperty());

        HBox stats = new HBox(12,
                stat("Streak", "progress-streak", model.streakTextProperty(), "progress-streak-hint",
                        model.streakHintProperty()),
                stat("Takes today", "progress-takes-today", model.takesTodayProperty(), null, null),
                stat("Takes in the last 30 days", "progress-takes-30", model.takesLast30DaysProperty(), null, null),
                stat("Still unprepared", "progress-unprepared-count", model.unpreparedCountProperty(), null, null));
        stats.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        HBox lists = new HBox(12, unpreparedCard(), weakCategoriesCard());
        lists.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        charts.add(lineChart("chart-pace", "Pace", "words per minute", p -> p.wordsPerMinute(), 1,
                "Pace appears once takes have a transcript."), 0, 0);
        charts.add(lineChart("chart-pauses", "Long pauses", "per take", p -> p.longPauses(), 1,
                "Pauses appear once takes have a transcript."), 1, 0);
        charts.add(lineChart("chart-fillers", "Filler words", "per minute", p -> p.fillersPerMinute(), 1,
                "Fillers appear once takes have a transcript."), 0, 1);
        charts.add(lineChart("chart-good-share", "Rated good or nailed", "% of rated takes", p -> p.goodShare(), 100,
                "This fills in once you rate your takes."), 1, 1);

        Label chartsTitle = new Label();
        chartsTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.chartSessions().size();
            return n < ProgressModel.CHART_SESSIONS ? "Session by session" + (n == 0 ? "" : " (" + n + ")")
                    : "Your last " + n + " sessions";
        }, model.chartSessions()));
        chartsTitle.getStyleClass().add(Styles.TITLE_4);
        VBox dashboard = new VBox(14, stats, lists, takesPerDayCard(), chartsTitle, charts);
        dashboard.setPadding(new Insets(12, 4, 12, 0));
        dashboard.visibleProperty().bind(model.emptyProperty().not());
        dashboard.managedProperty().bind(dashboard.visibleProperty());

        ScrollPane scroll = new ScrollPane(new VBox(empty, dashboard));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return new StackPane(scroll);
    }

    private static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox card = new VBox(8, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("progress-card");
        return card;
    }

    private static VBox stat(String title, String id, ObservableStringValue value, String hintId,
                             ObservableStringValue hint) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().addAll(Styles.TITLE_1, "stat-value");
        number.textProperty().bind(value);
        VBox card = card(title, number);
        if (hint != null) {
            Label text = new Label();
            text.setId(hintId);
            text.setWrapText(true);
            text.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            text.textProperty().bind(hint);
            card.getChildren().add(text);
        }
        card.setMinWidth(150);
        return card;
    }

    private Node unpreparedCard() {
        ListView<ProgressReport.Unprepared> list = new ListView<>(model.unprepared());
        list.setId("progress-unprepared");
        list.setPrefHeight(230);
        list.setPlaceholder(new Label("Nothing on the list: every question you blanked on has since gone well."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProgressReport.Unprepared item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label text = new Label(item.text());
                text.setWrapText(true);
                Label details = new Label(ProgressText.unpreparedDetails(item, model.today(), model.zone()));
                details.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                VBox box = new VBox(2, text, details);
                box.maxWidthProperty().bind(list.widthProperty().subtract(36));
                setText(null);
                setGraphic(box);
            }
        });
        Button drill = new Button();
        drill.setId("progress-drill-unprepared");
        drill.getStyleClass().add(Styles.ACCENT);
        drill.textProperty().bind(Bindings.createStringBinding(() -> model.unprepared().isEmpty()
                ? "Drill the unprepared list" : "Drill these " + model.unprepared().size() + " now",
                model.unprepared()));
        drill.disableProperty().bind(Bindings.isEmpty(model.unprepared()));
        drill.setTooltip(new Tooltip("Practise exactly these questions, worst first"));
        drill.setOnAction(e -> model.drillUnprepared());
        VBox card = card("Still unprepared, worst first", list, drill);
        VBox.setVgrow(list, Priority.ALWAYS);
        return card;
    }

    private Node weakCategoriesCard() {
        ListView<ProgressReport.CategoryWeakness> list = new ListView<>(model.weakCategories());
        list.setId("progress-weak-categories");
        list.setPrefHeight(230);
        list.setPlaceholder(new Label("Rate a few takes to see which categories are weakest."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProgressReport.CategoryWeakness item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(item.category());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                ProgressBar weakness = new ProgressBar(item.meanWeakness());
                weakness.setMaxWidth(Double.MAX_VALUE);
                weakness.getStyleClass().add(item.meanWeakness() >= 0.6 ? Styles.DANGER
                        : item.meanWeakness() >= 0.35 ? Styles.WARNING : Styles.SUCCESS);
                Tooltip.install(weakness, new Tooltip(String.format(Locale.ROOT,
                        "Mean weakness %.2f (0 answered well recently, 1 blanked)", item.meanWeakness())));
                Label details = new Label(ProgressText.categoryDetails(item));
                details.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                VBox box = new VBox(3, name, weakness, details);
                box.maxWidthProperty().bind(list.widthProperty().subtract(36));
                setText(null);
                setGraphic(box);
            }
        });
        Label note = new Label("Ranked by how much their questions need practice now: a weakness you have fixed "
                + "stops counting.");
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox card = card("Weak categories", list, note);
        VBox.setVgrow(list, Priority.ALWAYS);
        return card;
    }

    private Node takesPerDayCard() {
        CategoryAxis days = new CategoryAxis();
        days.setAnimated(false);
        NumberAxis takes = new NumberAxis();
        takes.setLabel("takes");
        takes.setMinorTickVisible(false);
        takes.setAutoRanging(false);
        takes.setLowerBound(0);
        BarChart<String, Number> chart = new BarChart<>(days, takes);
        chart.setId("chart-takes-per-day");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(200);
        chart.setCategoryGap(2);
        Runnable fill = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            int most = 1;
            for (ProgressReport.DayCount d : model.takesPerDay()) {
                series.getData().add(new XYChart.Data<>(SHORT_DAY.format(d.day()), d.takes()));
                most = Math.max(most, d.takes());
            }
            // Whole takes only: ticks of 1, 2, 5, 10… so there are never more than about five of them.
            int tick = most <= 5 ? 1 : most <= 10 ? 2 : most <= 25 ? 5 : (int) Math.ceil(most / 50.0) * 10;
            takes.setTickUnit(tick);
            takes.setUpperBound(Math.ceil((double) most / tick) * tick);
            chart.getData().setAll(List.of(series));
        };
        model.takesPerDay().addListener((ListChangeListener<ProgressReport.DayCount>) c -> fill.run());
        fill.run();
        return card("Takes per day, last 30 days", chart);
    }

    private Node lineChart(String id, String title, String unit,
                           Function<ProgressReport.SessionPoint, OptionalDouble> value, double scale,
                           String whenEmpty) {
        CategoryAxis sessions = new CategoryAxis();
        sessions.setAnimated(false);
        NumberAxis values = new NumberAxis();
        values.setLabel(unit);
        values.setForceZeroInRange(true);
        if (scale == 100) {
            values.setAutoRanging(false);
            values.setLowerBound(0);
            values.setUpperBound(100);
            values.setTickUnit(25);
        }
        LineChart<String, Number> chart = new LineChart<>(sessions, values);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(220);
        Label note = new Label(whenEmpty);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        ObservableList<ChartSession> points = model.chartSessions();
        Runnable fill = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(title);
            for (ChartSession s : points) {
                OptionalDouble v = value.apply(s.point());
                if (v.isPresent()) {
                    series.getData().add(new XYChart.Data<>(s.label(), v.getAsDouble() * scale));
                }
            }
            chart.getData().setAll(List.of(series));
            note.setVisible(series.getData().isEmpty());
        };
        points.addListener((ListChangeListener<ChartSession>) c -> fill.run());
        fill.run();
        note.managedProperty().bind(note.visibleProperty());
        return card(title, note, chart);
    }

    // ---- History ----

    /** A row of the history table: a session, or one of its takes. */
    record HistoryRow(SessionTakes session, TakeRef take) {
        boolean isTake() {
            return take != null;
        }
    }

    private Node history() {
        TextField search = new TextField();
        search.setId("history-search");
        search.setPromptText("Search question or transcript text");
        search.setPrefColumnCount(28);
        search.textProperty().bindBidirectional(model.searchProperty());
        Button open = new Button("Open in Review");
        open.setId("history-open");
        open.setDefaultButton(false);
        Button delete = new Button("Delete…");
        delete.setId("history-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, search, spacer, open, delete);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("history-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.historySummaryProperty());

        configureTable();
        var selected = table.getSelectionModel().selectedItemProperty();
        open.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().getValue().isTake(), selected));
        delete.disableProperty().bind(selected.isNull().or(model.busyProperty()));
        open.setOnAction(e -> openSelected());
        delete.setOnAction(e -> {
            TreeItem<HistoryRow> item = selected.get();
            if (item != null) {
                confirmDelete(item.getValue());
            }
        });

        VBox box = new VBox(10, bar, summary, table);
        box.setPadding(new Insets(12, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private void configureTable() {
        table.setId("history-table");
        table.setShowRoot(false);
        table.setRoot(new TreeItem<>());
        table.getStyleClass().add(Styles.DENSE);
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.historySummaryProperty());
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<HistoryRow, String> when = column("When", 150, r -> r.isTake()
                ? TIME.format(r.take().attempt().time().atZoneSameInstant(model.zone()))
                : DAY.format(r.session().date()));
        TreeTableColumn<HistoryRow, String> question = column("Question", 420, r -> r.isTake()
                ? r.take().questionText() + r.take().videoGone().map(g -> "  · " + g.label()).orElse("")
                : (r.session().session().isBlank() ? "Takes without a session" : "Session " + r.session().session())
                + " · " + r.session().takes().size() + (r.session().takes().size() == 1 ? " take" : " takes"));
        TreeTableColumn<HistoryRow, String> rating = column("Rating", 130, r -> r.isTake()
                ? ProgressText.rating(r.take())
                : r.session().rated() == 0 ? "" : r.session().goodOrNailed() + " of " + r.session().rated()
                + " good or better");
        TreeTableColumn<HistoryRow, String> pace = column("Pace", 90, r -> !r.isTake() ? ""
                : r.take().wordsPerMinute().isPresent()
                ? String.format(Locale.ROOT, "%.0f wpm", r.take().wordsPerMinute().getAsDouble()) : "–");
        TreeTableColumn<HistoryRow, String> length = column("Length", 80, r -> !r.isTake() ? ""
                : ProgressText.seconds(r.take().attempt().duration()));
        table.getColumns().setAll(List.of(when, question, rating, pace, length));
        table.setRowFactory(t -> {
            TreeTableRow<HistoryRow> row = new TreeTableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null
                        && row.getItem().isTake()) {
                    model.open(row.getItem().take());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.DELETE && table.getSelectionModel().getSelectedItem() != null) {
                confirmDelete(table.getSelectionModel().getSelectedItem().getValue());
            }
        });
        Runnable fill = () -> {
            TreeItem<HistoryRow> top = new TreeItem<>();
            for (SessionTakes s : model.historySessions()) {
                TreeItem<HistoryRow> session = new TreeItem<>(new HistoryRow(s, null));
                for (TakeRef take : s.takes()) {
                    session.getChildren().add(new TreeItem<>(new HistoryRow(s, take)));
                }
                session.setExpanded(true);
                top.getChildren().add(session);
            }
            table.setRoot(top);
        };
        model.historySessions().addListener((ListChangeListener<SessionTakes>) c -> fill.run());
        fill.run();
    }

    private static TreeTableColumn<HistoryRow, String> column(String title, double width,
                                                             Function<HistoryRow, String> text) {
        TreeTableColumn<HistoryRow, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().getValue() == null ? "" : text.apply(c.getValue().getValue())));
        return column;
    }

    private void openSelected() {
        TreeItem<HistoryRow> item = table.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue().isTake()) {
            model.open(item.getValue().take());
        }
    }

    private void confirmDelete(HistoryRow row) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        alert.setTitle(row.isTake() ? "Delete take" : "Delete session");
        String gone = " deleted from disk and removed from your history. This cannot be undone.";
        if (row.isTake()) {
            TakeRef take = row.take();
            alert.setHeaderText("Delete this take?");
            alert.setContentText("“" + take.questionText() + "”, answered "
                    + DAY.format(take.attempt().time().atZoneSameInstant(model.zone())) + " at "
                    + TIME.format(take.attempt().time().atZoneSameInstant(model.zone()))
                    + ".\n\nIts recording, transcript, subtitles and review are" + gone);
        } else {
            int n = row.session().takes().size();
            alert.setHeaderText("Delete this whole session?");
            alert.setContentText("The session of " + DAY.format(row.session().date()) + " with " + n
                    + (n == 1 ? " take" : " takes") + ".\n\nThe recordings, transcripts, subtitles and reviews of "
                    + (n == 1 ? "that take" : "all " + n + " takes") + " are" + gone);
        }
        alert.getDialogPane().setId("delete-confirmation");
        Button confirm = (Button) alert.getDialogPane().lookupButton(delete);
        confirm.setId("confirm-delete");
        confirm.getStyleClass().add(Styles.DANGER);
        // Enter must not destroy anything: the safe answer is the default one.
        confirm.setDefaultButton(false);
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("cancel-delete");
        cancel.setDefaultButton(true);
        alert.setOnHidden(e -> {
            if (alert.getResult() == delete) {
                if (row.isTake()) {
                    model.delete(row.take());
                } else {
                    model.deleteSession(row.session());
                }
            }
        });
        alert.show();
    }

    private void chooseAndExport(boolean attempts) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(attempts ? "Export the attempt history" : "Export the unprepared list");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        chooser.setInitialFileName((attempts ? "retake-attempts-" : "retake-unprepared-") + model.today() + ".csv");
        if (exportFolder != null) {
            chooser.setInitialDirectory(exportFolder);
        }
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) {
            return;
        }
        exportFolder = file.getParentFile();
        if (attempts) {
            model.exportAttempts(file.toPath());
        } else {
            model.exportUnprepared(file.toPath());
        }
    }
}
