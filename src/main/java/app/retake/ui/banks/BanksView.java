package app.retake.ui.banks;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import app.retake.bank.BankImport;
import app.retake.bank.Question;
import app.retake.bank.QuestionBank;
import app.retake.bank.QuestionLibrary;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Question banks page: the banks and categories with their Drill boxes, every question searchable, the commands
 * to add, edit, delete and import, and every row that could not be loaded.
 */
public final class BanksView {

    private static final String ALL_BANKS = "All banks";

    private final VBox root = new VBox(12);
    private final BanksModel model;

    public BanksView(BanksModel model) {
        this.model = model;
        root.setId("banks-page");
        Label title = new Label("Question banks");
        title.getStyleClass().add("title-2");
        Label folder = new Label("Folder: " + model.folder());
        folder.getStyleClass().add(Styles.TEXT_MUTED);
        Label summary = new Label();
        summary.setId("banks-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty().or(model.busyProperty()));
        Button importButton = new Button("Import…");
        importButton.setId("banks-import");
        importButton.setTooltip(new Tooltip("Check a CSV file from anywhere and copy it into the bank folder"));
        importButton.disableProperty().bind(model.busyProperty());
        importButton.setOnAction(e -> chooseImport());
        Button reload = new Button("Reload");
        reload.setId("banks-reload");
        reload.setTooltip(new Tooltip("Read the bank files again (F5)"));
        reload.disableProperty().bind(model.loadingProperty());
        reload.setOnAction(e -> model.reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, busy, importButton, reload);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<BankRow> banks = bankTable();
        TableView<CategoryRow> categories = categoryTable();
        HBox tables = new HBox(16, labelled("Banks", banks), labelled("Categories", categories));
        HBox.setHgrow(tables.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(tables.getChildren().get(1), Priority.ALWAYS);
        tables.setPrefHeight(190);
        tables.setMinHeight(120);

        VBox questions = questionsSection();
        VBox.setVgrow(questions, Priority.ALWAYS);

        Label message = new Label();
        message.setId("banks-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        ListView<String> problems = new ListView<>();
        problems.setId("banks-problems");
        problems.setPlaceholder(new Label("Every row loaded. No problems found."));
        problems.setPrefHeight(110);
        problems.setMinHeight(60);
        problems.getStyleClass().addAll("problems", Styles.DENSE);
        Label problemsTitle = new Label("Rows that could not be loaded (file:line: reason)");
        problemsTitle.getStyleClass().add("section-title");
        VBox problemsBox = new VBox(6, problemsTitle, problems);

        root.getChildren().addAll(header, folder, summary, tables, questions, message, problemsBox);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                model.reload();
            }
        });

        Runnable fill = () -> {
            QuestionLibrary library = model.libraryProperty().get();
            if (library == null) {
                return;
            }
            banks.setItems(FXCollections.observableArrayList(library.banks().stream()
                    .map(b -> BankRow.of(b, model.drillsBank(b.name()), model::setBankDrilled)).toList()));
            ObservableList<CategoryRow> rows = FXCollections.observableArrayList();
            for (Map.Entry<String, Integer> e : library.countsByCategory().entrySet()) {
                rows.add(CategoryRow.of(e.getKey(), e.getValue(), model.drillsCategory(e.getKey()),
                        model::setCategoryDrilled));
            }
            categories.setItems(rows);
            Path base = library.folder();
            problems.setItems(FXCollections.observableArrayList(
                    library.problems().stream().map(p -> p.describe(base)).toList()));
        };
        model.libraryProperty().addListener((obs, old, now) -> fill.run());
        model.disabledBanksProperty().addListener((obs, old, now) ->
                banks.getItems().forEach(r -> r.drill().set(model.drillsBank(r.bank()))));
        model.disabledCategoriesProperty().addListener((obs, old, now) ->
                categories.getItems().forEach(r -> r.drill().set(model.drillsCategory(r.category()))));
        fill.run();

        model.formProperty().addListener((obs, old, now) -> {
            if (now != null) {
                new QuestionDialog(model, now).show(window());
            }
        });
        model.copyOfferProperty().addListener((obs, old, now) -> {
            if (now != null) {
                offerCopy(now);
            }
        });
        model.deleteRequestProperty().addListener((obs, old, now) -> {
            if (now != null) {
                confirmDelete(now);
            }
        });
        model.importCheckProperty().addListener((obs, old, now) -> {
            if (now != null) {
                confirmImport(now);
            }
        });
    }

    public Node root() {
        return root;
    }

    private VBox questionsSection() {
        TextField search = new TextField();
        search.setId("banks-search");
        search.setPromptText("Search questions, ids, categories and tags");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<String> filter = new ComboBox<>();
        filter.setId("banks-filter");
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String bank) {
                return bank == null || bank.isEmpty() ? ALL_BANKS : bank;
            }

            @Override
            public String fromString(String text) {
                return ALL_BANKS.equals(text) ? "" : text;
            }
        });
        Runnable fillFilter = () -> {
            List<String> names = new ArrayList<>();
            names.add("");
            QuestionLibrary library = model.libraryProperty().get();
            if (library != null) {
                library.banks().forEach(b -> names.add(b.name()));
            }
            filter.getItems().setAll(names);
            filter.setValue(model.bankFilterProperty().get());
        };
        fillFilter.run();
        model.libraryProperty().addListener((obs, old, now) -> fillFilter.run());
        filter.valueProperty().addListener((obs, old, now) -> model.bankFilterProperty().set(now == null ? "" : now));
        model.bankFilterProperty().addListener((obs, old, now) -> filter.setValue(now));

        Button add = new Button("Add…");
        add.setId("banks-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setTooltip(new Tooltip("Write a new question into one of your own banks"));
        add.disableProperty().bind(model.busyProperty().or(model.libraryProperty().isNull()));
        add.setOnAction(e -> model.add());
        Button edit = new Button("Edit…");
        edit.setId("banks-edit");
        edit.disableProperty().bind(model.canEditProperty().not());
        edit.setOnAction(e -> model.edit());
        Button delete = new Button("Delete…");
        delete.setId("banks-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setTooltip(new Tooltip("Remove the selected question from its bank file (asks first)"));
        delete.disableProperty().bind(model.canDeleteProperty().not());
        delete.setOnAction(e -> model.delete());
        HBox toolbar = new HBox(8, search, filter, add, edit, delete);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<Question> table = questionTable();
        SortedList<Question> sorted = new SortedList<>(model.questions());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        table.setRowFactory(t -> {
            TableRow<Question> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.edit(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                model.delete();
            } else if (e.getCode() == KeyCode.ENTER) {
                model.edit();
            }
        });

        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.questions().size() + " of "
                + (model.libraryProperty().get() == null ? 0 : model.libraryProperty().get().questions().size())
                + " questions shown", model.questions(), model.libraryProperty()));
        Label heading = new Label("Questions");
        heading.getStyleClass().add("section-title");
        HBox titleRow = new HBox(10, heading, count);
        titleRow.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(6, titleRow, toolbar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static TableView<Question> questionTable() {
        TableView<Question> table = new TableView<>();
        table.setId("banks-questions");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("No question matches."));
        table.setMinHeight(120);
        TableColumn<Question, String> text = new TableColumn<>("Question");
        text.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));
        text.setPrefWidth(420);
        TableColumn<Question, String> category = new TableColumn<>("Category");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        TableColumn<Question, String> bank = new TableColumn<>("Bank");
        bank.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().bank()));
        TableColumn<Question, String> difficulty = new TableColumn<>("Difficulty");
        difficulty.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().difficulty().label()));
        TableColumn<Question, String> tags = new TableColumn<>("Tags");
        tags.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ", c.getValue().tags())));
        TableColumn<Question, String> id = new TableColumn<>("Id");
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        table.getColumns().addAll(List.of(text, category, bank, difficulty, tags, id));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a question bank");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.CSV"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.importFrom(file.toPath());
        }
    }

    private void offerCopy(Question q) {
        ButtonType copy = new ButtonType("Copy into my questions", ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.INFORMATION, "banks-copy-offer", "This question cannot be edited here",
                q.bank() + ".csv ships with Retake and stays as it is. Copy \u201c" + q.text() + "\u201d into "
                        + "my-questions.csv and edit your copy instead?", copy, "banks-copy-ok", "banks-copy-cancel");
        alert.setOnHidden(e -> {
            if (alert.getResult() == copy) {
                model.acceptCopyOffer();
            } else {
                model.declineCopyOffer();
            }
        });
        alert.show();
    }

    private void confirmDelete(Question q) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "banks-delete-confirm", "Delete this question?",
                model.describeDelete(q), delete, "banks-delete-ok", "banks-delete-cancel");
        alert.getDialogPane().lookupButton(delete).getStyleClass().add(Styles.DANGER);
        alert.setOnHidden(e -> {
            if (alert.getResult() == delete) {
                model.confirmDelete();
            } else {
                model.cancelDelete();
            }
        });
        alert.show();
    }

    private void confirmImport(BankImport.Check check) {
        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Import a question bank");
        dialog.setHeaderText("Import " + check.source().getFileName() + "?");
        dialog.getDialogPane().setId("banks-import-dialog");
        Label summary = new Label(model.describeImport(check));
        summary.setId("banks-import-summary");
        summary.setWrapText(true);
        ListView<String> problems = new ListView<>(FXCollections.observableArrayList(model.importProblems(check)));
        problems.setId("banks-import-problems");
        problems.getStyleClass().addAll("problems", Styles.DENSE);
        problems.setPrefSize(620, 200);
        problems.setVisible(!problems.getItems().isEmpty());
        problems.setManaged(problems.isVisible());
        dialog.getDialogPane().setContent(new VBox(10, summary, problems));
        dialog.getDialogPane().getButtonTypes().addAll(importType, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(importType);
        ok.setId("banks-import-ok");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDisable(!check.canImport());
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("banks-import-cancel");
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == importType) {
                model.confirmImport();
            } else {
                model.cancelImport();
            }
        });
        dialog.show();
    }

    private Alert alert(Alert.AlertType type, String id, String header, String text, ButtonType ok, String okId,
                        String cancelId) {
        Alert alert = new Alert(type, text, ok, ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle("Question banks");
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().lookupButton(ok).setId(okId);
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId(cancelId);
        return alert;
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
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(new Label("No banks loaded."));
        table.setEditable(true);
        // Unticking leaves the bank's questions out of drills; questions picked by hand are still asked.
        TableColumn<BankRow, Boolean> drill = drillColumn(BankRow::drill);
        TableColumn<BankRow, String> name = new TableColumn<>("Bank");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file()));
        TableColumn<BankRow, Integer> questions = new TableColumn<>("Questions");
        questions.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().questions()));
        TableColumn<BankRow, Integer> problems = new TableColumn<>("Problems");
        problems.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().problems()));
        table.getColumns().addAll(List.of(drill, name, questions, problems));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableView<CategoryRow> categoryTable() {
        TableView<CategoryRow> table = new TableView<>();
        table.setId("categories-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(new Label("No questions loaded."));
        table.setEditable(true);
        TableColumn<CategoryRow, Boolean> drill = drillColumn(CategoryRow::drill);
        TableColumn<CategoryRow, String> name = new TableColumn<>("Category");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        TableColumn<CategoryRow, Integer> count = new TableColumn<>("Questions");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().questions()));
        table.getColumns().addAll(List.of(drill, name, count));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static <R> TableColumn<R, Boolean> drillColumn(Function<R, BooleanProperty> drill) {
        TableColumn<R, Boolean> column = new TableColumn<>("Drill");
        column.setCellValueFactory(c -> drill.apply(c.getValue()));
        column.setCellFactory(CheckBoxTableCell.forTableColumn(column));
        column.setEditable(true);
        column.setSortable(false);
        column.setMinWidth(50);
        column.setMaxWidth(60);
        return column;
    }

    /** A row of the banks table; its Drill box reports changes to {@code onDrill}. */
    record BankRow(String bank, String file, int questions, int problems, BooleanProperty drill) {
        static BankRow of(QuestionBank b, boolean drilled, BiConsumer<String, Boolean> onDrill) {
            BankRow row = new BankRow(b.name(), b.file().getFileName().toString(), b.questions().size(),
                    b.problems().size(), new SimpleBooleanProperty(drilled));
            row.drill.addListener((obs, old, now) -> onDrill.accept(row.bank, now));
            return row;
        }
    }

    /** A row of the categories table; its Drill box reports changes to {@code onDrill}. */
    record CategoryRow(String category, int questions, BooleanProperty drill) {
        static CategoryRow of(String category, int questions, boolean drilled, BiConsumer<String, Boolean> onDrill) {
            CategoryRow row = new CategoryRow(category, questions, new SimpleBooleanProperty(drilled));
            row.drill.addListener((obs, old, now) -> onDrill.accept(row.category, now));
            return row;
        }
    }
}
