package app.retake.ui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.retake.bank.Question;
import app.retake.progress.TakeComparison;
import app.retake.speech.PointCoverage;
import atlantafx.base.theme.Styles;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The first and the latest take of a question side by side: rating, measurements with a verdict each, talking
 * points and transcripts. Shown in a window of its own, opened by {@link #button()} on the review screen.
 */
public final class CompareView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final CompareModel model;
    private final ZoneId zone;
    private final VBox root = new VBox(10);
    private final Label title = new Label();
    private final Label summary = new Label();
    private final GridPane grid = new GridPane();
    private final Button button = new Button("Compare with first take");
    private Stage window;

    /** @param zone the time zone the takes' dates are shown in */
    public CompareView(CompareModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        root.setId("compare-page");
        root.setPadding(new Insets(16, 20, 16, 20));

        title.setId("compare-question");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("compare-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("compare-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        grid.setId("compare-grid");
        grid.setHgap(14);
        grid.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints first = new ColumnConstraints(200, 340, Double.MAX_VALUE);
        first.setHgrow(Priority.ALWAYS);
        first.setFillWidth(true);
        ColumnConstraints latest = new ColumnConstraints(200, 340, Double.MAX_VALUE);
        latest.setHgrow(Priority.ALWAYS);
        latest.setFillWidth(true);
        ColumnConstraints verdicts = new ColumnConstraints();
        verdicts.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().setAll(names, first, latest, verdicts);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("compare-details");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label keys = new Label("Esc closes this and returns to the review.");
        keys.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("Close (Esc)");
        close.setId("compare-close");
        close.setOnAction(e -> close());
        HBox footer = new HBox(10, keys, spacer, close);
        footer.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(title, summary, message, scroll, footer);

        button.setId("review-compare");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("Your first and your latest take of this question side by side, "
                + "with what got better"));
        button.disableProperty().bind(model.availableProperty().not());
        button.setOnAction(e -> {
            model.compare();
            openWindow(button.getScene() == null ? null : button.getScene().getWindow());
        });

        model.comparisonProperty().addListener((o, was, now) -> fill(now));
        fill(model.comparisonProperty().get());
    }

    /** The review screen's button that opens the comparison; enabled when the question has two takes or more. */
    public Button button() {
        return button;
    }

    /** The comparison itself, to place in a window or on a page. */
    public Node root() {
        return root;
    }

    /** Shows the comparison in a window above {@code owner}, which it blocks until closed; later calls reuse it. */
    public Stage openWindow(Window owner) {
        if (window == null) {
            window = new Stage();
            window.setTitle("Retake — first and latest take");
            if (owner != null) {
                window.initOwner(owner);
                window.initModality(Modality.WINDOW_MODAL);
            }
            Scene scene = new Scene(root, 1000, 720);
            // On the scene, so Esc works whether or not anything in the window has the focus yet.
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    close();
                    e.consume();
                }
            });
            window.setScene(scene);
        }
        if (owner != null && owner.getScene() != null) {
            // The same look as the main window: its stylesheets and its font size, which sits on its root.
            window.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            root.setStyle(owner.getScene().getRoot().getStyle());
        }
        window.show();
        window.toFront();
        root.requestFocus();
        return window;
    }

    /** Closes the window, back to the review screen. */
    public void close() {
        if (window != null) {
            window.hide();
        }
    }

    private void fill(Optional<TakeComparison> shown) {
        grid.getChildren().clear();
        if (shown.isEmpty()) {
            title.setText("");
            summary.setText("");
            return;
        }
        TakeComparison c = shown.get();
        Optional<Question> question = c.latest().result().question();
        title.setText(question.map(Question::text).orElse(""));
        summary.setText((c.takes() > 2 ? "You have answered this question " + c.takes() + " times. " : "")
                + c.summary());
        Label firstHeading = heading("First take (" + when(c.first()) + ")");
        firstHeading.setId("compare-first-heading");
        Label latestHeading = heading("Latest take (" + when(c.latest()) + ")");
        latestHeading.setId("compare-latest-heading");
        Label versus = heading("Latest vs first");
        grid.addRow(0, new Label(), firstHeading, latestHeading, versus);
        int row = 1;
        for (TakeComparison.Row r : c.rows()) {
            Label name = new Label(r.name());
            name.getStyleClass().add("metric-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label first = value(r.first());
            first.getStyleClass().add("compare-first");
            Label latest = value(r.latest());
            latest.getStyleClass().add("compare-latest");
            Label verdict = new Label(r.verdict().label());
            verdict.getStyleClass().addAll("compare-verdict", "verdict-" + r.verdict().name().toLowerCase(Locale.ROOT));
            verdict.setMinWidth(Region.USE_PREF_SIZE);
            String tone = tone(r.verdict());
            verdict.getStyleClass().add(tone);
            if (r.verdict() == TakeComparison.Verdict.BETTER || r.verdict() == TakeComparison.Verdict.WORSE) {
                verdict.getStyleClass().add(Styles.TEXT_BOLD);
                latest.getStyleClass().add(tone);
            }
            grid.addRow(row++, name, first, latest, verdict);
        }
        if (question.map(q -> !q.talkingPoints().isEmpty()).orElse(false)) {
            grid.addRow(row++, section("Talking points"), points(c.first()), points(c.latest()));
        }
        grid.addRow(row, section("Transcript"), transcript(c.first(), "compare-first-transcript"),
                transcript(c.latest(), "compare-latest-transcript"));
        for (Node n : grid.getChildren()) {
            GridPane.setValignment(n, VPos.TOP);
            GridPane.setHalignment(n, HPos.LEFT);
        }
    }

    private String when(TakeComparison.Side side) {
        return WHEN.format(side.take().time().atZoneSameInstant(zone));
    }

    private static String tone(TakeComparison.Verdict verdict) {
        return switch (verdict) {
            case BETTER -> Styles.SUCCESS;
            case WORSE -> Styles.DANGER;
            case SAME, UNKNOWN -> Styles.TEXT_MUTED;
        };
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("section-title", "compare-heading");
        l.setWrapText(true);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("metric-name");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Node points(TakeComparison.Side side) {
        VBox box = new VBox(4);
        box.getStyleClass().add("compare-points");
        List<PointCoverage> coverage = side.coverage();
        for (PointCoverage p : coverage) {
            Label l = new Label((p.covered() ? "✔ " : "✘ ") + p.point());
            l.getStyleClass().add(p.covered() ? "point-covered" : "point-missed");
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        if (coverage.isEmpty()) {
            box.getChildren().add(new Label("Checked once there is a transcript."));
        }
        return box;
    }

    private static Node transcript(TakeComparison.Side side, String id) {
        FlowPane words = new FlowPane(4, 4);
        words.setId(id);
        words.setPadding(new Insets(6));
        List<ReviewModel.TranscriptWord> heard = ReviewModel.flagged(side.result());
        for (ReviewModel.TranscriptWord w : heard) {
            Label l = new Label(w.word().text());
            l.getStyleClass().add("compare-word");
            w.flag().ifPresent(f -> l.getStyleClass().add("flag-" + f.name().toLowerCase(Locale.ROOT)));
            words.getChildren().add(l);
        }
        if (heard.isEmpty()) {
            words.getChildren().add(new Label("No transcript for this take."));
        }
        ScrollPane scroll = new ScrollPane(words);
        scroll.getStyleClass().add("transcript");
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(200);
        scroll.setMaxHeight(260);
        return scroll;
    }
}
