package app.retake.ui.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.retake.bank.Question;
import app.retake.drill.SessionPlan;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.interview.Interview.Stage;
import app.retake.practice.PracticeSession;
import app.retake.drill.SpringFilter;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.Rubric;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The interviewer's window: first who answers, who asks and which questions; then the console — the questions with
 * what a strong answer covers, follow-ups, start and stop, one-key flags while the candidate talks, and the score.
 *
 * <p>Keys when not typing: N asks the next planned question, Space starts or stops the take, 1-6 flag while
 * recording and 1-4 rate afterwards, F types a follow-up, P turns the phone remote on or off; Esc leaves a text field;
 * Ctrl+W closes the window, which ends the interview.
 */
public final class ConsoleView {

    private final ConsoleModel model;
    private final StackPane root = new StackPane();
    private final Node setup;
    private final Node console;
    private javafx.stage.Stage stage;
    /** Where typing starts on the setup page: the interviewer's name. */
    private final TextField setupFocus = new TextField();
    /** The follow-up field, which F jumps to. */
    private final TextField followUpField = new TextField();
    private final Optional<Runnable> toggleRemote;
    /** Held here: a binding only a listener refers to could be collected and fall silent. */
    private BooleanBinding recordingNow;

    /**
     * @param remote the phone remote's controls, shown under the console; empty when there is none
     */
    public ConsoleView(ConsoleModel model, Optional<Node> remote) {
        this(model, remote, Optional.empty());
    }

    /**
     * @param remote       the phone remote's controls, shown under the console; empty when there is none
     * @param toggleRemote turns the phone remote on or off (key P)
     */
    public ConsoleView(ConsoleModel model, Optional<Node> remote, Optional<Runnable> toggleRemote) {
        this.model = model;
        this.toggleRemote = toggleRemote;
        root.setId("console-root");
        root.setPadding(new Insets(16, 20, 16, 20));
        setup = setupPane();
        console = consolePane(remote);
        Runnable show = () -> {
            root.getChildren().setAll(model.running() ? console : setup);
            // Keys (N, Space, 1-6) work at once, without clicking into the console first.
            javafx.application.Platform.runLater(model.running() ? root::requestFocus : setupFocus::requestFocus);
        };
        show.run();
        model.interview().addListener((obs, was, now) -> show.run());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        AnimationTimer clock = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last > 200_000_000L) {
                    last = now;
                    model.tick();
                }
            }
        };
        clock.start();
    }

    public Parent root() {
        return root;
    }

    /** Opens the console in its own window (movable to a second screen), or brings it to the front. */
    public void openWindow(Window owner, List<String> stylesheets, String currentProfile) {
        if (stage == null) {
            stage = new javafx.stage.Stage();
            stage.setTitle("Retake — interviewer's console");
            Scene scene = new Scene(root, 1060, 760);
            scene.getStylesheets().addAll(stylesheets);
            stage.setScene(scene);
            scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(KeyCode.W,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN), stage::hide);
            stage.setMinWidth(820);
            stage.setMinHeight(560);
            if (owner != null) {
                stage.setX(owner.getX() + 40);
                stage.setY(owner.getY() + 40);
            }
            // Closing the console window ends the interview, so the candidate's screen does not wait for it.
            stage.setOnHidden(e -> model.end());
        }
        if (!model.running()) {
            model.loadProfiles(currentProfile);
        }
        stage.show();
        stage.toFront();
    }

    /** The console's window, once opened. */
    public Optional<javafx.stage.Stage> window() {
        return Optional.ofNullable(stage);
    }

    private void key(KeyEvent e) {
        if (!model.running()) {
            return;
        }
        if (e.getTarget() instanceof TextInputControl input) {
            if (e.getCode() == KeyCode.ESCAPE) {
                root.requestFocus();
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.SPACE) {
            model.toggleTake();
        } else if (code == KeyCode.N) {
            model.springNext();
        } else if (code == KeyCode.F) {
            // Later, so the F being typed does not land in the field.
            javafx.application.Platform.runLater(followUpField::requestFocus);
        } else if (code == KeyCode.P && toggleRemote.isPresent()) {
            toggleRemote.get().run();
        } else if (code.isDigitKey() && code.getName().length() == 1 && stageNow() == Stage.RECORDING) {
            model.flag(Integer.parseInt(code.getName()));
        } else if (code.isDigitKey() && code.getName().length() == 1 && stageNow() == Stage.SCORING) {
            // After the take the same keys rate it, as on the Review page.
            int grade = Integer.parseInt(code.getName());
            java.util.Arrays.stream(Rating.values()).filter(r -> r.grade() == grade).findFirst()
                    .ifPresent(r -> model.rating().set(Optional.of(r)));
        } else {
            return;
        }
        e.consume();
    }

    private Stage stageNow() {
        Interview.Snapshot s = model.snapshot().get();
        return s == null ? null : s.stage();
    }

    // ---- setup ----

    private Node setupPane() {
        Label title = new Label("Interview with a friend");
        title.getStyleClass().add("title-2");
        Label intro = new Label("One of you answers at the main window, which shows only the question, the camera "
                + "and the timer. The other runs the interview from here (or from a phone): asks, follows up, "
                + "flags moments and scores the answers. Takes are saved under the candidate's profile.");
        intro.setWrapText(true);
        intro.setMaxWidth(640);

        ComboBox<String> candidate = new ComboBox<>(model.profiles());
        candidate.setId("console-candidate");
        candidate.setEditable(true);
        candidate.getEditor().textProperty().bindBidirectional(model.candidate());
        candidate.setPrefWidth(260);
        TextField interviewer = setupFocus;
        interviewer.setId("console-interviewer");
        interviewer.setPromptText("Your name");
        interviewer.textProperty().bindBidirectional(model.interviewer());
        interviewer.setPrefColumnCount(20);
        Button swap = new Button("Swap roles");
        swap.setId("console-swap");
        swap.setOnAction(e -> model.swapRoles());

        ComboBox<SessionPlan> plan = new ComboBox<>();
        plan.setId("console-plan");
        plan.getItems().setAll(SessionPlan.FullMock.standard(), PracticeSession.quickDrill(SpringFilter.ANY),
                new SessionPlan.QuickDrill(5, SpringFilter.ANY), new SessionPlan.TheList());
        plan.setConverter(new StringConverter<>() {
            @Override
            public String toString(SessionPlan p) {
                if (p instanceof SessionPlan.QuickDrill drill) {
                    return drill.count() + " of the candidate's weak spots";
                }
                return p == null ? "" : p.title();
            }

            @Override
            public SessionPlan fromString(String s) {
                return null;
            }
        });
        plan.valueProperty().bindBidirectional(model.plan());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("Who answers"), candidate, swap);
        form.addRow(1, new Label("Who asks"), interviewer);
        form.addRow(2, new Label("Questions"), plan);

        Button start = new Button("Start the interview");
        start.setId("console-start");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.busy());
        start.setOnAction(e -> model.start());
        Label message = messageLabel("console-setup-message");
        message.textProperty().bind(model.message());
        HBox buttons = new HBox(10, start, packButton("console-setup-pack"));
        VBox box = new VBox(16, title, intro, form, buttons, message);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private static Label messageLabel(String id) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.getStyleClass().add("text-muted");
        return message;
    }

    // ---- console ----

    private Node consolePane(Optional<Node> remote) {
        BorderPane pane = new BorderPane();
        pane.setTop(header());
        pane.setLeft(questionList());
        VBox centre = new VBox(14, currentQuestion(), takeControls(), flags());
        centre.setPadding(new Insets(0, 18, 0, 18));
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        pane.setCenter(scroll);
        // While the candidate answers the flags matter most: bring them into view on a small screen.
        recordingNow = stageIs(Stage.RECORDING);
        recordingNow.addListener((obs, was, recording) -> {
            if (recording) {
                scroll.setVvalue(scroll.getVmax());
            }
        });
        ScrollPane score = new ScrollPane(scoring());
        score.setFitToWidth(true);
        score.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        score.getStyleClass().add("edge-to-edge");
        score.setPrefWidth(320);
        score.setMinWidth(300);
        pane.setRight(score);
        remote.ifPresent(r -> {
            BorderPane.setMargin(r, new Insets(12, 0, 0, 0));
            pane.setBottom(r);
        });
        return pane;
    }

    private Node header() {
        Label who = new Label();
        who.setId("console-title");
        who.getStyleClass().add("title-3");
        who.textProperty().bind(Bindings.createStringBinding(() -> {
            Interview.Snapshot s = model.snapshot().get();
            return s == null ? "" : "Interviewing " + s.candidate() + " · asked " + s.askedIds().size() + " of "
                    + s.planned().size() + " planned";
        }, model.snapshot()));
        Label stageLabel = new Label();
        stageLabel.setId("console-stage");
        stageLabel.getStyleClass().add("console-stage");
        stageLabel.textProperty().bind(Bindings.createStringBinding(() -> stageText(model.snapshot().get(),
                model.takeSeconds().get()), model.snapshot(), model.takeSeconds()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button pack = packButton("console-pack");
        Button end = new Button("End interview");
        end.setId("console-end");
        end.getStyleClass().add("danger");
        end.setOnAction(e -> model.end());
        HBox top = new HBox(12, new VBox(2, who, stageLabel), spacer, pack, end);
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = messageLabel("console-message");
        message.textProperty().bind(model.message());
        message.getStyleClass().setAll("label", "console-message");
        message.managedProperty().bind(model.message().isNotEmpty());
        VBox box = new VBox(8, top, message);
        box.setPadding(new Insets(0, 0, 12, 0));
        return box;
    }

    /** Saves a printable page of the questions, with what strong answers cover and an empty rubric. */
    private Button packButton(String id) {
        Button pack = new Button("Interview pack…");
        pack.setId(id);
        pack.setTooltip(new Tooltip("Save a printable page of the questions, with what strong answers cover and an "
                + "empty rubric, for running the interview from paper"));
        pack.disableProperty().bind(model.busy());
        pack.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the interview pack");
            chooser.setInitialFileName("interview-pack.html");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Web page", "*.html"));
            var file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                model.writePack(file.toPath());
            }
        });
        return pack;
    }

    static String stageText(Interview.Snapshot s, double seconds) {
        if (s == null) {
            return "";
        }
        return switch (s.stage()) {
            case WAITING -> "Waiting for the first question (N asks the weakest planned one).";
            case ASKED -> "Question shown. Space starts the recording; F types a follow-up.";
            case STARTING -> "Starting the candidate's camera and microphone…";
            case RECORDING -> "Recording " + clock(seconds) + ". Keys 1-6 flag this moment; Space stops.";
            case STOPPING -> "Saving the take…";
            case SCORING -> "Saved. Rate (1-4) and score the answer, then ask the next question (N).";
            case ENDED -> "The interview is over.";
        };
    }

    static String clock(double seconds) {
        int s = (int) Math.max(0, Math.floor(seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private BooleanBinding stageIs(Stage... stages) {
        return Bindings.createBooleanBinding(() -> {
            Interview.Snapshot s = model.snapshot().get();
            return s != null && List.of(stages).contains(s.stage());
        }, model.snapshot());
    }

    private Node questionList() {
        TextField search = new TextField();
        search.setId("console-search");
        search.setPromptText("Search questions");
        search.textProperty().bindBidirectional(model.search());
        ToggleButton every = new ToggleButton("All questions");
        every.setId("console-all");
        every.setTooltip(new Tooltip("Show every question in the banks, not only the planned ones"));
        every.selectedProperty().bindBidirectional(model.everyQuestion());
        ListView<Question> list = new ListView<>(model.shownQuestions());
        list.setId("console-questions");
        list.setPrefWidth(300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Question q, boolean empty) {
                super.updateItem(q, empty);
                if (empty || q == null) {
                    setText(null);
                    getStyleClass().remove("asked");
                    return;
                }
                setText((model.asked(q) ? "✓ " : "") + q.text());
                setWrapText(true);
                setPrefWidth(0);
                if (model.asked(q)) {
                    if (!getStyleClass().contains("asked")) {
                        getStyleClass().add("asked");
                    }
                } else {
                    getStyleClass().remove("asked");
                }
            }
        });
        model.snapshot().addListener((obs, was, now) -> list.refresh());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.ask(list.getSelectionModel().getSelectedItem());
            }
        });
        Button ask = new Button("Ask this one");
        ask.setId("console-ask");
        ask.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(stageIs(Stage.STARTING, Stage.RECORDING, Stage.STOPPING)));
        ask.setOnAction(e -> model.ask(list.getSelectionModel().getSelectedItem()));
        Button spring = new Button("Next weak spot (N)");
        spring.setId("console-spring");
        spring.getStyleClass().add("accent");
        spring.disableProperty().bind(stageIs(Stage.STARTING, Stage.RECORDING, Stage.STOPPING));
        spring.setOnAction(e -> model.springNext());
        HBox buttons = new HBox(8, spring, ask);
        HBox filter = new HBox(8, search, every);
        HBox.setHgrow(search, Priority.ALWAYS);
        VBox box = new VBox(8, filter, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPrefWidth(320);
        return box;
    }

    private Node currentQuestion() {
        Label heading = new Label("Asked now");
        heading.getStyleClass().add("text-muted");
        Label text = new Label();
        text.setId("console-question");
        text.getStyleClass().add("title-3");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(Bindings.createStringBinding(() -> current().map(q -> q.text())
                .orElse("Nothing yet. Ask the next weak spot (N) or pick a question."), model.snapshot()));
        Label pointsHeading = new Label("A strong answer covers (the candidate does not see this)");
        pointsHeading.getStyleClass().add("text-muted");
        pointsHeading.setWrapText(true);
        VBox points = new VBox(2);
        points.setId("console-points");
        VBox suggested = new VBox(4);
        suggested.setId("console-suggested");
        model.snapshot().addListener((obs, was, now) -> {
            Optional<Question> q = current();
            Optional<Question> before = was == null ? Optional.empty() : was.current();
            if (q.equals(before) && !points.getChildren().isEmpty()) {
                return;
            }
            points.getChildren().setAll(q.map(x -> x.talkingPoints().stream().map(p -> {
                Label l = new Label("• " + p);
                l.setWrapText(true);
                return (Node) l;
            }).toList()).orElse(List.of()));
            List<Node> buttons = new ArrayList<>();
            q.ifPresent(x -> {
                for (int i = 0; i < x.followUps().size(); i++) {
                    String f = x.followUps().get(i);
                    Button b = new Button(f);
                    b.setId("console-suggested-" + i);
                    b.getStyleClass().add("flat");
                    b.setWrapText(true);
                    b.setTooltip(new Tooltip("Show this follow-up to the candidate now"));
                    b.setOnAction(e -> model.followUp(f));
                    buttons.add(b);
                }
            });
            suggested.getChildren().setAll(buttons);
        });
        Label suggestedHeading = new Label("Suggested follow-ups (click to ask)");
        suggestedHeading.getStyleClass().add("text-muted");
        suggestedHeading.visibleProperty().bind(Bindings.isNotEmpty(suggested.getChildren()));
        suggestedHeading.managedProperty().bind(suggestedHeading.visibleProperty());

        TextField followUp = followUpField;
        followUp.setId("console-followup");
        followUp.setPromptText("Type a follow-up or curveball (F); Enter shows it to the candidate");
        Button send = new Button("Ask follow-up");
        send.setId("console-followup-send");
        Runnable sendIt = () -> {
            if (model.followUp(followUp.getText())) {
                followUp.clear();
                root.requestFocus();
            }
        };
        send.setOnAction(e -> sendIt.run());
        followUp.setOnAction(e -> sendIt.run());
        send.disableProperty().bind(followUp.textProperty().isEmpty());
        HBox ownFollowUp = new HBox(8, followUp, send);
        HBox.setHgrow(followUp, Priority.ALWAYS);
        return new VBox(6, heading, text, pointsHeading, points, suggestedHeading, suggested, ownFollowUp);
    }

    private Optional<Question> current() {
        Interview.Snapshot s = model.snapshot().get();
        return s == null ? Optional.empty() : s.current();
    }

    private Node takeControls() {
        Button take = new Button();
        take.setId("console-take");
        take.getStyleClass().add("accent");
        take.textProperty().bind(Bindings.createStringBinding(() -> {
            Interview.Snapshot s = model.snapshot().get();
            if (s == null) {
                return "";
            }
            return switch (s.stage()) {
                case RECORDING -> "Stop the take (Space)";
                case STARTING -> "Starting…";
                case STOPPING -> "Saving…";
                case SCORING -> "Retake this question (Space)";
                default -> "Start the take (Space)";
            };
        }, model.snapshot()));
        take.disableProperty().bind(stageIs(Stage.WAITING, Stage.STARTING, Stage.STOPPING, Stage.ENDED));
        take.setOnAction(e -> {
            model.toggleTake();
            root.requestFocus();
        });
        HBox box = new HBox(12, take);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node flags() {
        Label heading = new Label("Flag this moment");
        heading.getStyleClass().add("text-muted");
        FlowPane buttons = new FlowPane(6, 6);
        for (int i = 0; i < Flag.STANDARD.size(); i++) {
            int number = i + 1;
            Button b = new Button(number + " " + Flag.STANDARD.get(i));
            b.setId("console-flag-" + number);
            b.disableProperty().bind(stageIs(Stage.RECORDING).not());
            b.setOnAction(e -> {
                model.flag(number);
                root.requestFocus();
            });
            buttons.getChildren().add(b);
        }
        TextField custom = new TextField();
        custom.setId("console-flag-custom");
        custom.setPromptText("Your own flag, Enter");
        custom.setPrefColumnCount(16);
        custom.disableProperty().bind(stageIs(Stage.RECORDING).not());
        custom.setOnAction(e -> {
            if (!custom.getText().isBlank()) {
                model.flag(custom.getText());
                custom.clear();
            }
        });
        buttons.getChildren().add(custom);
        Label given = new Label();
        given.setId("console-flags");
        given.setWrapText(true);
        given.textProperty().bind(Bindings.createStringBinding(() -> {
            Interview.Snapshot s = model.snapshot().get();
            if (s == null || (s.review().flags().isEmpty() && s.review().followUps().isEmpty())) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (Flag f : s.review().flags()) {
                parts.add(clock(f.at()) + " " + f.kind());
            }
            for (FollowUp f : s.review().followUps()) {
                parts.add(clock(f.at()) + " follow-up: " + f.text());
            }
            return "This take: " + String.join(" · ", parts);
        }, model.snapshot()));
        return new VBox(6, heading, given, buttons);
    }

    private Node scoring() {
        Label heading = new Label("Score the answer");
        heading.getStyleClass().add("text-muted");
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(names, new javafx.scene.layout.ColumnConstraints());
        int row = 0;
        Label ratingLabel = new Label("Overall 1-4");
        HBox ratings = new HBox(4);
        for (Rating r : Rating.values()) {
            ToggleButton b = new ToggleButton(Integer.toString(r.grade()));
            b.setId("console-rate-" + r.grade());
            b.setTooltip(new Tooltip(r.label() + ": " + r.meaning()));
            b.selectedProperty().addListener((obs, was, is) -> {
                if (is) {
                    model.rating().set(Optional.of(r));
                } else if (model.rating().get().equals(Optional.of(r))) {
                    model.rating().set(Optional.empty());
                }
            });
            model.rating().addListener((obs, was, now) -> b.setSelected(now.equals(Optional.of(r))));
            ratings.getChildren().add(b);
        }
        grid.addRow(row++, ratingLabel, ratings);
        Label meaning = new Label();
        meaning.setId("console-rating-meaning");
        meaning.getStyleClass().add("text-muted");
        meaning.textProperty().bind(Bindings.createStringBinding(() -> model.rating().get()
                .map(r -> r.label() + ": " + r.meaning()).orElse("1 blanked · 2 shaky · 3 good · 4 nailed"),
                model.rating()));
        meaning.setWrapText(true);
        grid.add(meaning, 0, row++, 2, 1);
        Label rubricLabel = new Label("Rubric 1-5");
        rubricLabel.getStyleClass().add("text-muted");
        grid.add(rubricLabel, 0, row++);
        for (Rubric.Criterion c : Rubric.Criterion.values()) {
            Label name = new Label(c.label());
            name.setTooltip(new Tooltip(c.hint()));
            HBox scores = new HBox(4);
            for (int score = Rubric.MIN; score <= Rubric.MAX; score++) {
                int value = score;
                ToggleButton b = new ToggleButton(Integer.toString(score));
                b.setId("console-rubric-" + c.key() + "-" + score);
                b.selectedProperty().addListener((obs, was, is) -> {
                    if (is) {
                        model.rubric(c).set(value);
                    } else if (model.rubric(c).get() == value) {
                        model.rubric(c).set(0);
                    }
                });
                model.rubric(c).addListener((obs, was, now) -> b.setSelected(now.intValue() == value));
                scores.getChildren().add(b);
            }
            grid.addRow(row++, name, scores);
        }
        TextArea feedback = new TextArea();
        feedback.setId("console-feedback");
        feedback.setPromptText("Written feedback for the candidate");
        feedback.setPrefRowCount(3);
        feedback.setWrapText(true);
        feedback.textProperty().bindBidirectional(model.feedback());
        Button save = new Button("Save score");
        save.setId("console-save");
        save.disableProperty().bind(stageIs(Stage.SCORING).not());
        save.setOnAction(e -> model.saveScore());
        Label note = new Label("Scores given while the candidate answers are kept until the take is saved. Asking "
                + "the next question saves them too.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox box = new VBox(8, heading, grid, feedback, save, note);
        box.setId("console-score");
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }
}
