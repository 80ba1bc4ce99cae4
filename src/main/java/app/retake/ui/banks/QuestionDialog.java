package app.retake.ui.banks;

import app.retake.bank.Difficulty;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The dialog to write or change a question; it stays open until the question is saved or the user cancels. */
final class QuestionDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final BanksModel model;
    private final QuestionForm form;

    QuestionDialog(BanksModel model, QuestionForm form) {
        this.model = model;
        this.form = form;
        dialog.setTitle(form.title());
        dialog.setHeaderText(form.title());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("question-dialog");

        ComboBox<String> bank = new ComboBox<>();
        bank.setId("question-bank");
        bank.getItems().setAll(form.banks());
        bank.valueProperty().bindBidirectional(form.bankProperty());
        bank.setDisable(!form.idEditable());
        TextField id = new TextField();
        id.setId("question-id");
        id.setPromptText(form.idEditable() ? "made from the question when left empty" : "a new one is made");
        id.textProperty().bindBidirectional(form.idProperty());
        id.setDisable(!form.idEditable());
        TextArea text = area("question-text", "As the interviewer would say it", 3);
        text.textProperty().bindBidirectional(form.textProperty());
        TextField category = new TextField();
        category.setId("question-category");
        category.setPromptText("e.g. behavioural");
        category.textProperty().bindBidirectional(form.categoryProperty());
        TextArea points = area("question-points", "What a strong answer covers, one per line", 4);
        points.textProperty().bindBidirectional(form.pointsProperty());
        TextArea followUps = area("question-follow-ups", "Follow-up questions, one per line", 3);
        followUps.textProperty().bindBidirectional(form.followUpsProperty());
        TextField tags = new TextField();
        tags.setId("question-tags");
        tags.setPromptText("separated by commas, e.g. star, conflict");
        tags.textProperty().bindBidirectional(form.tagsProperty());
        ComboBox<Difficulty> difficulty = new ComboBox<>();
        difficulty.setId("question-difficulty");
        difficulty.getItems().setAll(Difficulty.values());
        difficulty.setConverter(new StringConverter<>() {
            @Override
            public String toString(Difficulty d) {
                return d == null ? "" : d.label();
            }

            @Override
            public Difficulty fromString(String s) {
                return Difficulty.parse(s).orElse(Difficulty.MEDIUM);
            }
        });
        difficulty.valueProperty().bindBidirectional(form.difficultyProperty());

        Label where = new Label(form.where());
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        where.setMinHeight(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("question-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(form.errorProperty());
        error.visibleProperty().bind(form.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);

        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(460);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        row = addRow(grid, row, "Bank", bank);
        row = addRow(grid, row, "Id", id);
        row = addRow(grid, row, "Question", text);
        row = addRow(grid, row, "Category", category);
        row = addRow(grid, row, "Talking points", points);
        row = addRow(grid, row, "Follow-ups", followUps);
        row = addRow(grid, row, "Tags", tags);
        addRow(grid, row, "Difficulty", difficulty);
        // Outside the grid, so the two notes wrap to the dialog's width instead of being cut short.
        VBox content = new VBox(12, where, grid, error);
        content.setPadding(new Insets(12, 16, 4, 16));
        content.setPrefWidth(600);
        dialog.getDialogPane().setContent(content);

        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("question-save");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.disableProperty().bind(form.savingProperty());
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("question-cancel");
        // Saving is checked and written first; the dialog closes only once the model has let the form go.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            form.save();
        });
        ChangeListener<QuestionForm> released = (obs, old, now) -> {
            if (now != form && dialog.isShowing()) {
                dialog.setResult(save);
                dialog.close();
            }
        };
        model.formProperty().addListener(released);
        dialog.setOnHidden(e -> {
            model.formProperty().removeListener(released);
            model.closeForm(form);
        });
        dialog.setOnShown(e -> text.requestFocus());
    }

    void show(Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    private static TextArea area(String id, String prompt, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return area;
    }

    private static int addRow(GridPane grid, int row, String label, Node field) {
        Label name = new Label(label);
        name.setLabelFor(field);
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return row + 1;
    }
}
