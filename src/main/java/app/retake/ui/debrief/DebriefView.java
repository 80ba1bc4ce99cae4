package app.retake.ui.debrief;

import app.retake.bank.Question;
import app.retake.ui.debrief.DebriefModel.AskedQuestion;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The debrief form ({@code #debrief-page}): a node to place on a page, or to open in a window of its own with
 * {@link #openWindow(Window)}.
 */
public final class DebriefView {

    private final DebriefModel model;
    private final VBox root = new VBox(10);
    private final ListView<Question> resultList;
    private Stage window;

    public DebriefView(DebriefModel model) {
        this.model = model;
        this.resultList = new ListView<>(model.results());
        root.setId("debrief-page");
        root.setPadding(new Insets(20, 24, 20, 24));

        Label title = new Label("Debrief a real interview");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("What were you asked, and what caught you out? Questions ticked unprepared go to "
                + "the top of your weak spots, so your next drills start with them.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        Label message = new Label();
        message.setId("debrief-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());

        root.getChildren().addAll(title, intro, details(), section("Questions you were asked"), searchRow(),
                results(), newQuestionRow(), askedList(), section("Lessons learned"), lessons(), footer(message));
    }

    /** The form itself, to place on a page or in a dialog. */
    public Node root() {
        return root;
    }

    /**
     * Shows the form in a window of its own above {@code owner}, reading the banks for the search as it opens;
     * later calls bring the same window back.
     */
    public Stage openWindow(Window owner) {
        if (window == null) {
            ScrollPane scroll = new ScrollPane(root);
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, 760, 780);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            window = new Stage();
            window.setTitle("Retake — debrief a real interview");
            if (owner != null) {
                window.initOwner(owner);
            }
            window.setScene(scene);
        }
        model.load();
        window.show();
        window.toFront();
        return window;
    }

    private Node details() {
        TextField company = new TextField();
        company.setId("debrief-company");
        company.setPromptText("Who interviewed you");
        company.textProperty().bindBidirectional(model.companyProperty());
        TextField role = new TextField();
        role.setId("debrief-role");
        role.setPromptText("The role you applied for");
        role.textProperty().bindBidirectional(model.roleProperty());
        DatePicker date = new DatePicker();
        date.setId("debrief-date");
        date.valueProperty().bindBidirectional(model.dateProperty());

        // One row: the three facts are short, and the room is better spent on the question lists.
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.addRow(0, new Label("Company"), new Label("Role"), new Label("Date"));
        grid.addRow(1, company, role, date);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        wide.setPercentWidth(38);
        ColumnConstraints wideToo = new ColumnConstraints();
        wideToo.setHgrow(Priority.ALWAYS);
        wideToo.setPercentWidth(38);
        ColumnConstraints narrow = new ColumnConstraints();
        narrow.setPercentWidth(24);
        grid.getColumnConstraints().addAll(wide, wideToo, narrow);
        company.setMaxWidth(Double.MAX_VALUE);
        role.setMaxWidth(Double.MAX_VALUE);
        date.setMaxWidth(Double.MAX_VALUE);
        return grid;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private Node searchRow() {
        TextField search = new TextField();
        search.setId("debrief-search");
        search.setPromptText("Search the banks: words from the question, its id, category or tags");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        Button add = new Button("Add question");
        add.setId("debrief-add");
        add.disableProperty().bind(resultList.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> addSelected());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !resultList.getItems().isEmpty()) {
                resultList.requestFocus();
                resultList.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        HBox row = new HBox(8, search, busy, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node results() {
        resultList.setId("debrief-results");
        resultList.setPrefHeight(130);
        resultList.getStyleClass().add(Styles.DENSE);
        resultList.setPlaceholder(new Label("Type a few words above to find questions in your banks."));
        resultList.setCellFactory(list -> {
            ListCell<Question> cell = new ListCell<>() {
                @Override
                protected void updateItem(Question q, boolean empty) {
                    super.updateItem(q, empty);
                    setText(empty || q == null ? null : q.text() + "   (" + q.category() + " · " + q.id() + ")");
                }
            };
            // Long questions end in an ellipsis instead of widening the list into a horizontal scroll.
            cell.setPrefWidth(0);
            return cell;
        });
        resultList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addSelected();
            }
        });
        resultList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                addSelected();
                e.consume();
            }
        });
        return resultList;
    }

    private void addSelected() {
        Question selected = resultList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.add(selected);
        }
    }

    private Node newQuestionRow() {
        TextField typed = new TextField();
        typed.setId("debrief-new-question");
        typed.setPromptText("Not in any bank? Type the question as you were asked it");
        typed.textProperty().bindBidirectional(model.newQuestionProperty());
        typed.setOnAction(e -> model.addNewQuestion());
        HBox.setHgrow(typed, Priority.ALWAYS);
        Button add = new Button("Add new question");
        add.setId("debrief-add-new");
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> model.newQuestionProperty().get() == null
                || model.newQuestionProperty().get().isBlank(), model.newQuestionProperty()));
        add.setOnAction(e -> model.addNewQuestion());
        HBox row = new HBox(8, typed, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node askedList() {
        ListView<AskedQuestion> list = new ListView<>(model.asked());
        list.setId("debrief-questions");
        list.setPrefHeight(170);
        list.setPlaceholder(new Label("No questions yet. Add the ones you were asked, in any order."));
        list.setCellFactory(l -> new AskedCell());
        return list;
    }

    private Node lessons() {
        TextArea lessons = new TextArea();
        lessons.setId("debrief-lessons");
        lessons.setPromptText("What would you do differently next time?");
        lessons.setPrefRowCount(3);
        lessons.setWrapText(true);
        lessons.textProperty().bindBidirectional(model.lessonsProperty());
        return lessons;
    }

    private Node footer(Label message) {
        Button save = new Button("Save debrief");
        save.setId("debrief-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(e -> model.save());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(12, save, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A question on the asked list: its unprepared tick, its text and where it comes from, and a remove button. */
    private final class AskedCell extends ListCell<AskedQuestion> {
        private final CheckBox unprepared = new CheckBox("Unprepared");
        private final Label text = new Label();
        private final Label detail = new Label();
        private final Button remove = new Button("Remove");
        private final HBox box;
        private AskedQuestion bound;

        AskedCell() {
            unprepared.getStyleClass().add("debrief-unprepared");
            unprepared.setMinWidth(Region.USE_PREF_SIZE);
            text.setWrapText(true);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox words = new VBox(2, text, detail);
            HBox.setHgrow(words, Priority.ALWAYS);
            words.setMaxWidth(Double.MAX_VALUE);
            remove.getStyleClass().addAll("debrief-remove", Styles.FLAT, Styles.SMALL);
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    model.remove(getItem());
                }
            });
            box = new HBox(10, unprepared, words, remove);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AskedQuestion item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                unprepared.selectedProperty().unbindBidirectional(bound.unpreparedProperty());
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bound = item;
            unprepared.selectedProperty().bindBidirectional(item.unpreparedProperty());
            text.setText(item.text());
            // A long question is cut short on one line; the whole of it is a hover away.
            text.setTooltip(new Tooltip(item.text()));
            detail.setText(item.detail());
            setGraphic(box);
        }
    }
}
