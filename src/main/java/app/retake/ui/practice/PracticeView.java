package app.retake.ui.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import app.retake.drill.SessionPlan;
import app.retake.drill.SpringFilter;
import app.retake.practice.PracticeSession;
import app.retake.ui.practice.PracticeModel.Phase;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The practice screen: the question large, the camera mirrored, the level, the clock and live captions. */
public final class PracticeView {

    /** Quietest level the meter shows; a room's background noise sits around here. */
    private static final double METER_FLOOR_DBFS = -60;

    private final VBox root = new VBox(14);
    private final PracticeModel model;
    private final ImageView preview = new ImageView();
    private final FramePainter painter = new FramePainter();

    /**
     * @param categories supplies the bank categories for the plan chooser, read when the chooser opens
     */
    public PracticeView(PracticeModel model, Supplier<List<String>> categories) {
        this.model = model;
        root.setId("practice-page");
        root.setFocusTraversable(true);

        ComboBox<SessionPlan> plans = new ComboBox<>();
        plans.setId("practice-plan");
        plans.setConverter(new StringConverter<>() {
            @Override
            public String toString(SessionPlan plan) {
                return plan == null ? "" : describe(plan);
            }

            @Override
            public SessionPlan fromString(String s) {
                return null;
            }
        });
        plans.getItems().setAll(plans(categories.get()));
        plans.setOnShowing(e -> {
            SessionPlan chosen = plans.getValue();
            plans.getItems().setAll(plans(categories.get()));
            plans.setValue(chosen);
        });
        plans.setValue(model.plan().get());
        model.plan().addListener((o, a, b) -> plans.setValue(b));
        plans.setOnAction(e -> {
            if (plans.getValue() != null && !plans.getValue().equals(model.plan().get())) {
                model.choosePlan(plans.getValue());
                root.requestFocus();
            }
        });
        plans.disableProperty().bind(model.phase().isEqualTo(Phase.RECORDING)
                .or(model.phase().isEqualTo(Phase.SAVING)).or(model.phase().isEqualTo(Phase.BUSY)));
        Label planLabel = new Label("Plan");
        Label progress = new Label();
        progress.setId("practice-progress");
        progress.getStyleClass().add("text-muted");
        progress.textProperty().bind(model.progress());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // In a friend's interview the interviewer chooses the questions, so the candidate sees no plan.
        for (Node n : List.of(planLabel, plans)) {
            n.visibleProperty().bind(model.friendMode().not());
            n.managedProperty().bind(model.friendMode().not());
        }
        HBox top = new HBox(10, planLabel, plans, spacer, progress);
        top.setAlignment(Pos.CENTER_LEFT);

        Label question = new Label();
        question.setId("practice-question");
        question.getStyleClass().add("question-text");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.textProperty().bind(Bindings.createStringBinding(() -> model.question().get()
                .map(q -> q.text()).orElse("Ready when you are."), model.question()));
        Label category = new Label();
        category.getStyleClass().add("text-muted");
        category.textProperty().bind(Bindings.createStringBinding(() -> model.question().get()
                .map(q -> q.category() + " · " + q.bank()).orElse(""), model.question()));

        Label followUp = new Label();
        followUp.setId("practice-followup");
        followUp.getStyleClass().add("follow-up");
        followUp.setWrapText(true);
        followUp.setMinHeight(Region.USE_PREF_SIZE);
        followUp.textProperty().bind(Bindings.createStringBinding(() -> model.followUp().get().isEmpty() ? ""
                : "Follow-up: " + model.followUp().get(), model.followUp()));
        followUp.visibleProperty().bind(model.followUp().isNotEmpty());
        followUp.managedProperty().bind(model.followUp().isNotEmpty());

        Label countdown = new Label();
        countdown.setId("practice-countdown");
        countdown.getStyleClass().add("countdown");
        countdown.textProperty().bind(Bindings.createStringBinding(() -> model.countdown().get() > 0
                ? Integer.toString(model.countdown().get()) : "", model.countdown()));

        preview.setId("practice-preview");
        preview.setPreserveRatio(true);
        preview.setFitWidth(PracticeModel.PREVIEW_WIDTH);
        preview.setScaleX(-1);
        Label noVideo = new Label("The camera picture appears here while you answer.");
        noVideo.getStyleClass().add("text-muted");
        noVideo.visibleProperty().bind(preview.imageProperty().isNull());
        StackPane camera = new StackPane(noVideo, preview);
        camera.getStyleClass().add("camera-box");
        camera.setMinSize(400, 300);
        camera.setPrefSize(400, 300);
        camera.setMaxSize(400, 300);

        ProgressBar meter = new ProgressBar(0);
        meter.setId("practice-level");
        meter.setPrefWidth(220);
        meter.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            double db = model.level().get();
            return Double.isFinite(db) ? Math.max(0, Math.min(1, (db - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS)) : 0;
        }, model.level()));
        Label levelLabel = new Label("Microphone");
        Label elapsed = new Label();
        elapsed.setId("practice-elapsed");
        elapsed.getStyleClass().add("elapsed");
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> clock(model.elapsed().get()) + " / "
                + clock(model.target().get()), model.elapsed(), model.target()));
        ProgressBar time = new ProgressBar(0);
        time.setId("practice-time");
        time.setPrefWidth(220);
        time.progressProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(1, model.elapsed().get() / Math.max(1, model.target().get())), model.elapsed(),
                model.target()));
        time.styleProperty().bind(Bindings.createStringBinding(() -> model.elapsed().get() > model.target().get()
                ? "-fx-accent: -color-danger-emphasis;" : "", model.elapsed(), model.target()));
        Label captions = new Label();
        captions.setId("practice-captions");
        captions.getStyleClass().add("captions");
        captions.setWrapText(true);
        captions.textProperty().bind(model.captions());
        captions.setMaxWidth(360);
        VBox side = new VBox(8, levelLabel, meter, new Label("Time"), elapsed, time, countdown, captions);
        side.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(side, Priority.ALWAYS);
        HBox middle = new HBox(20, camera, side);

        Label notes = new Label();
        notes.setId("practice-notes");
        notes.getStyleClass().add("notes");
        notes.setWrapText(true);
        notes.textProperty().bind(model.notes());
        notes.managedProperty().bind(notes.textProperty().isNotEmpty());
        notes.visibleProperty().bind(notes.textProperty().isNotEmpty());

        Button action = new Button();
        action.setId("practice-space");
        action.getStyleClass().add("accent");
        action.setDefaultButton(false);
        action.textProperty().bind(Bindings.createStringBinding(() -> switch (model.phase().get()) {
            case IDLE -> "Spring a question (Space)";
            case QUESTION -> "Start answering (Space)";
            case RECORDING -> "Stop (Space)";
            case SAVING -> "Saving…";
            case BUSY -> "Please wait…";
        }, model.phase()));
        action.disableProperty().bind(model.phase().isEqualTo(Phase.BUSY).or(model.phase().isEqualTo(Phase.SAVING)));
        action.setOnAction(e -> {
            model.space();
            root.requestFocus();
        });
        Label status = new Label();
        status.setId("practice-status");
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        HBox actions = new HBox(12, action, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(top, category, question, followUp, middle, notes, actions);
        root.setPadding(new Insets(4, 0, 0, 0));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                e.consume();
                if (!action.isDisabled()) {
                    model.space();
                }
            }
        });

        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.tick();
                model.takeFrame().ifPresent(frame -> {
                    WritableImage painted = painter.paint(frame);
                    model.painted(frame);
                    if (preview.getImage() != painted) {
                        preview.setImage(painted);
                    }
                });
            }
        };
        timer.start();
        model.phase().addListener((o, a, b) -> {
            if (b == Phase.IDLE) {
                preview.setImage(null);
            }
        });
    }

    public Node root() {
        return root;
    }

    static List<SessionPlan> plans(List<String> categories) {
        List<SessionPlan> plans = new ArrayList<>();
        plans.add(PracticeSession.quickDrill(SpringFilter.ANY));
        plans.add(SessionPlan.FullMock.standard());
        plans.add(new SessionPlan.TheList());
        for (String c : categories) {
            plans.add(PracticeSession.quickDrill(SpringFilter.ANY.withCategories(Set.of(c))));
        }
        return plans;
    }

    static String describe(SessionPlan plan) {
        if (plan instanceof SessionPlan.QuickDrill drill && !drill.filter().categories().isEmpty()) {
            return "Drill one category: " + String.join(", ", drill.filter().categories());
        }
        if (plan instanceof SessionPlan.QuickDrill drill) {
            return "Quick drill: " + drill.count() + " weak spots";
        }
        return plan.title();
    }

    static String clock(double seconds) {
        int s = (int) Math.max(0, Math.floor(seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
