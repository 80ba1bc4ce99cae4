package app.retake.ui.ambush;

import java.util.Objects;

import app.retake.bank.Question;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The always-on-top window an ambush springs: the question, the seconds left before recording starts, and the
 * two ways out. It has no owner on purpose: a window owned by the minimised main window would stay hidden with it.
 * Enter or Space starts answering; S or Escape snoozes, and so does closing the window.
 */
public final class AmbushPopup {

    private final AmbushModel model;
    private final Runnable chime;
    private final Stage stage = new Stage(StageStyle.UTILITY);

    /**
     * Builds the window (hidden) and follows the model from then on; call on the FX thread.
     *
     * @param chime played each time a question pops up, e.g. {@code new Chime(executor)::play}
     */
    public AmbushPopup(AmbushModel model, Runnable chime) {
        this.model = Objects.requireNonNull(model, "model");
        this.chime = Objects.requireNonNull(chime, "chime");
        stage.setTitle("Retake — ambush!");
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.setScene(new Scene(content()));
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setOnCloseRequest(e -> {
            // The window manager's close button: treat it as "not now", never as "forget it".
            e.consume();
            model.snooze();
        });
        model.phaseProperty().addListener((obs, was, now) -> follow(now));
        follow(model.phaseProperty().get());
    }

    /** The popup window, for tests and for whoever wants to place it. */
    public Stage stage() {
        return stage;
    }

    private VBox content() {
        Label heading = new Label("Ambush! Answer this now:");
        heading.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_BOLD);

        Label question = new Label();
        question.setId("ambush-question");
        question.getStyleClass().add(Styles.TITLE_3);
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.setPrefWidth(460);
        question.textProperty().bind(Bindings.createStringBinding(() -> model.questionProperty().get()
                .map(Question::text).orElse(""), model.questionProperty()));

        Label category = new Label();
        category.getStyleClass().add(Styles.TEXT_MUTED);
        category.textProperty().bind(Bindings.createStringBinding(() -> model.questionProperty().get()
                .map(q -> q.category() + " · " + q.bank()).orElse(""), model.questionProperty()));

        Label countdown = new Label();
        countdown.setId("ambush-countdown");
        countdown.getStyleClass().addAll(Styles.TITLE_2, Styles.ACCENT);
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        countdown.textProperty().bind(model.countdownProperty().asString("%d s"));
        Label countdownHint = new Label("until recording starts by itself");
        countdownHint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox timing = new HBox(10, countdown, countdownHint);
        timing.setAlignment(Pos.CENTER_LEFT);

        Button start = new Button("Answer now (Enter)");
        start.setId("ambush-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setFocusTraversable(false);
        start.setOnAction(e -> model.startNow());
        Button snooze = new Button("Snooze " + minutes(model) + " (S)");
        snooze.setId("ambush-snooze");
        snooze.setFocusTraversable(false);
        snooze.setOnAction(e -> model.snooze());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10, spacer, snooze, start);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, heading, question, category, timing, actions);
        root.setId("ambush-popup");
        root.setPadding(new Insets(20, 24, 18, 24));
        root.setFillWidth(true);
        return root;
    }

    private static String minutes(AmbushModel model) {
        long minutes = Math.max(1, model.snoozeLength().toMinutes());
        return minutes + " min";
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER || code == KeyCode.SPACE) {
            e.consume();
            model.startNow();
        } else if (code == KeyCode.S || code == KeyCode.ESCAPE) {
            e.consume();
            model.snooze();
        }
    }

    private void follow(AmbushModel.Phase phase) {
        if (phase == AmbushModel.Phase.SPRUNG) {
            if (!stage.isShowing()) {
                stage.sizeToScene();
                stage.show();
                stage.centerOnScreen();
                chime.run();
            }
            stage.toFront();
            stage.requestFocus();
        } else if (stage.isShowing()) {
            stage.hide();
        }
    }
}
