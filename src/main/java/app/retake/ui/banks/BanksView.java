package app.retake.ui.banks;

import java.util.List;
import java.util.Map;

import app.retake.bank.QuestionBank;
import app.retake.bank.QuestionLibrary;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Question banks page: the loaded banks, questions per category, and every row that could not be loaded. */
public final class BanksView {

    private final VBox root = new VBox(14);

    public BanksView(BanksModel model) {
        root.setId("banks-page");
        Label title = new Label("Question banks");
        title.getStyleClass().add("title-2");
        Label folder = new Label("Folder: " + model.folder());
        folder.getStyleClass().add("text-muted");
        Label summary = new Label();
        summary.setId("banks-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        Button reload = new Button("Reload");
        reload.setId("banks-reload");
        reload.setTooltip(new Tooltip("Read the bank files again (F5)"));
        reload.disableProperty().bind(model.loadingProperty());
        reload.setOnAction(e -> model.reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, busy, reload);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<BankRow> banks = bankTable();
        TableView<CategoryRow> categories = categoryTable();
        HBox tables = new HBox(16, labelled("Banks", banks), labelled("Categories", categories));
        HBox.setHgrow(tables.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(tables.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(tables, Priority.ALWAYS);

        ListView<String> problems = new ListView<>();
        problems.setId("banks-problems");
        problems.setPlaceholder(new Label("Every row loaded. No problems found."));
        problems.setPrefHeight(170);
        problems.getStyleClass().addAll("problems", "dense");
        Label problemsTitle = new Label("Rows that could not be loaded (file:line: reason)");
        problemsTitle.getStyleClass().add("section-title");

        VBox problemsBox = new VBox(6, problemsTitle, problems);
        VBox.setVgrow(problems, Priority.ALWAYS);
        VBox.setVgrow(problemsBox, Priority.SOMETIMES);
        root.getChildren().addAll(header, folder, summary, tables, problemsBox);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F5) {
                model.reload();
            }
        });

        Runnable fill = () -> {
            QuestionLibrary library = model.libraryProperty().get();
            if (library == null) {
                return;
            }
            banks.setItems(FXCollections.observableArrayList(library.banks().stream().map(BankRow::of).toList()));
            ObservableList<CategoryRow> rows = FXCollections.observableArrayList();
            for (Map.Entry<String, Integer> e : library.countsByCategory().entrySet()) {
                rows.add(new CategoryRow(e.getKey(), e.getValue()));
            }
            categories.setItems(rows);
            java.nio.file.Path base = library.folder();
            problems.setItems(FXCollections.observableArrayList(
                    library.problems().stream().map(p -> p.describe(base)).toList()));
        };
        model.libraryProperty().addListener((obs, old, now) -> fill.run());
        fill.run();
    }

    public Node root() {
        return root;
    }

    private static VBox labelled(String text, Node content) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        VBox box = new VBox(6, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(Insets.EMPTY);
        return box;
    }

    private static TableView<BankRow> bankTable() {
        TableView<BankRow> table = new TableView<>();
        table.setId("banks-table");
        table.getStyleClass().add("dense");
        table.setPlaceholder(new Label("No banks loaded."));
        TableColumn<BankRow, String> name = new TableColumn<>("Bank");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<BankRow, Integer> questions = new TableColumn<>("Questions");
        questions.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().questions()));
        TableColumn<BankRow, Integer> problems = new TableColumn<>("Problems");
        problems.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().problems()));
        table.getColumns().addAll(List.of(name, questions, problems));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableView<CategoryRow> categoryTable() {
        TableView<CategoryRow> table = new TableView<>();
        table.setId("categories-table");
        table.getStyleClass().add("dense");
        table.setPlaceholder(new Label("No questions loaded."));
        TableColumn<CategoryRow, String> name = new TableColumn<>("Category");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        TableColumn<CategoryRow, Integer> count = new TableColumn<>("Questions");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().questions()));
        table.getColumns().addAll(List.of(name, count));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A row of the banks table. */
    record BankRow(String name, int questions, int problems) {
        static BankRow of(QuestionBank bank) {
            return new BankRow(bank.file().getFileName().toString(), bank.questions().size(), bank.problems().size());
        }
    }

    /** A row of the categories table. */
    record CategoryRow(String category, int questions) {
    }
}
