package app.retake.ui.review;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.history.Rating;
import app.retake.practice.TakeResult;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.InterviewerReview;
import app.retake.review.Rubric;
import app.retake.review.SelfCheck;
import app.retake.speech.MetricRows;
import app.retake.speech.PointCoverage;
import app.retake.ui.common.FxTasks;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;

/**
 * The review screen: the take plays beside its transcript (current word highlighted, click a word to seek) and a
 * timeline carrying the interviewer's flags and follow-ups, the measurements with what they mean, the interviewer's
 * rubric and feedback when a friend ran the interview, the talking points, the rating and a quick self-check.
 */
public final class ReviewView {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewView.class);

    private final ReviewModel model;
    private final VBox root = new VBox(12);
    private final MediaView mediaView = new MediaView();
    private final Label playerNote = new Label();
    private final Label caption = new Label();
    private final Button play = new Button("Play");
    private final FlowPane transcript = new FlowPane(4, 4);
    private final List<Label> wordLabels = new ArrayList<>();
    /** Seconds the timeline spans: the take's length, stretched to reach a mark placed after the recording ends. */
    private final DoubleProperty span = new SimpleDoubleProperty(0);
    private final TimeStrip track = new TimeStrip(span);
    private final TimeStrip markers = new TimeStrip(span);
    private final Region playhead = new Region();
    private final StackPane timeline = new StackPane(track, markers);
    private final VBox interviewerPanel = new VBox(8);
    /** The take's length as far as known: its recorded seconds, then the player's once the media is ready. */
    private double takeSeconds;
    /** Held strongly while it plays: a collected player stops mid-playback. */
    private MediaPlayer player;
    private int currentWord = -1;

    private final java.util.concurrent.Executor files;
    /** The take whose picture-only copy is playing, so a second failure is not retried forever. */
    private java.nio.file.Path fallbackFor;

    /** @param files runs file work: making a picture-only copy when the machine cannot play sound */
    public ReviewView(ReviewModel model, java.util.concurrent.Executor files) {
        this(model, files, List.of());
    }

    /**
     * @param files   runs file work: making a picture-only copy when the machine cannot play sound
     * @param actions more buttons for the bar below the take, e.g. comparing it with the question's first take
     */
    public ReviewView(ReviewModel model, java.util.concurrent.Executor files, List<? extends Node> actions) {
        this.model = model;
        this.files = files;
        root.setId("review-page");
        root.setFocusTraversable(true);

        Label title = new Label();
        title.setId("review-question");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.take().get()
                .flatMap(TakeResult::question).map(q -> q.text())
                .orElse(model.take().get().isPresent() ? "A take without a question"
                        : "No take to review yet. Answer a question on the Practice page (Ctrl+1)."), model.take()));

        mediaView.setId("review-player");
        mediaView.setPreserveRatio(true);
        mediaView.setFitWidth(360);
        playerNote.setId("review-player-note");
        playerNote.setWrapText(true);
        playerNote.getStyleClass().add("text-muted");
        caption.setId("review-caption");
        caption.getStyleClass().add("caption-overlay");
        caption.setWrapText(true);
        caption.setMaxWidth(340);
        caption.visibleProperty().bind(caption.textProperty().isNotEmpty());
        StackPane.setAlignment(caption, Pos.BOTTOM_CENTER);
        StackPane.setMargin(caption, new Insets(0, 0, 10, 0));
        StackPane screen = new StackPane(mediaView, caption);
        screen.getStyleClass().add("camera-box");
        screen.setPrefSize(360, 270);
        screen.setMinSize(360, 270);
        screen.setMaxSize(360, 270);
        play.setId("review-play");
        play.setTooltip(new Tooltip("Play or pause (P)"));
        play.setOnAction(e -> togglePlay());
        play.setDisable(true);
        timeline();

        transcript.setId("review-transcript");
        transcript.setPadding(new Insets(6));
        ScrollPane transcriptScroll = new ScrollPane(transcript);
        transcriptScroll.setFitToWidth(true);
        transcriptScroll.setPrefHeight(150);
        transcriptScroll.getStyleClass().add("transcript");
        Label legend = new Label("Highlighted: filler phrases (orange), hedges (blue), bitter phrasing (red). "
                + "Click a word to jump there.");
        legend.getStyleClass().add("text-muted");
        legend.setWrapText(true);

        // Shown as recorded, not mirrored: this is how an interviewer sees you.
        HBox controls = new HBox(10, play, playerNote);
        controls.setAlignment(Pos.CENTER_LEFT);
        play.setMinWidth(Region.USE_PREF_SIZE);
        VBox left = new VBox(8, screen, timeline, controls, new Label("Transcript"), transcriptScroll, legend);
        left.setPrefWidth(370);
        left.setMinWidth(370);
        left.setMaxWidth(370);

        GridPane metrics = new GridPane();
        metrics.setId("review-metrics");
        metrics.setHgap(12);
        metrics.setVgap(6);
        VBox pointsBox = new VBox(4);
        pointsBox.setId("review-points");
        Label star = new Label();
        star.setId("review-star");
        star.setWrapText(true);
        star.textProperty().bind(model.star());
        star.managedProperty().bind(star.textProperty().isNotEmpty());

        Node selfCheck = selfCheck();
        interviewerPanel.setId("review-interviewer");
        interviewerPanel.getStyleClass().add("interviewer-card");
        // First in the column: when a friend ran the interview, their view is what the candidate came to read.
        VBox right = new VBox(10, interviewerPanel, section("Talking points"), pointsBox, star,
                section("Measurements"), metrics, section("Self-check"), selfCheck);
        right.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setId("review-details");
        rightScroll.setFitToWidth(true);
        HBox.setHgrow(rightScroll, Priority.ALWAYS);
        HBox body = new HBox(18, left, rightScroll);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label message = new Label();
        message.setId("review-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        Button retake = new Button("Retake (R)");
        retake.setId("review-retake");
        retake.setOnAction(e -> model.retake());
        Button next = new Button("Next question (N)");
        next.setId("review-next");
        next.getStyleClass().add("accent");
        next.setOnAction(e -> model.next());
        Button end = new Button("End session (Esc)");
        end.setId("review-end");
        end.setOnAction(e -> model.end());
        HBox loop = new HBox(10, retake, next, end);
        loop.setId("review-loop");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label rateLabel = new Label("Rate (1-4):");
        rateLabel.getStyleClass().add("section-title");
        Node ratingBar = ratingBar();
        HBox rating = new HBox(10, rateLabel, ratingBar);
        rating.getChildren().addAll(actions);
        rating.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(12, message, spacer, loop);
        bottom.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        rateLabel.setMinWidth(Region.USE_PREF_SIZE);
        loop.setMinWidth(Region.USE_PREF_SIZE);

        root.getChildren().addAll(title, body, rating, bottom);

        Runnable showTake = () -> {
            loop.setVisible(model.inLoop());
            loop.setManaged(model.inLoop());
            // A take from an earlier session keeps the rating and self-check it was given; they are shown, not
            // changed, because the drill has already learned from them.
            ratingBar.setDisable(!model.inLoop());
            selfCheck.setDisable(!model.inLoop());
            rateLabel.setText(model.inLoop() ? "Rate (1-4):" : "Rated:");
            // The interviewer's part is set before the take, so redrawing on the take's change covers both. Before
            // fill(), which opens the player: the media's own length, once known, wins over the recorded one.
            showInterviewer(model.take().get(), model.interviewer().get());
            fill(model.take().get(), metrics, pointsBox);
        };
        model.take().addListener((o, a, b) -> showTake.run());
        model.seekRequest().addListener((o, a, request) -> seek(request.seconds()));
        // The page is built the first time it opens, which may be after a take was handed to the model.
        showTake.run();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl || e.isShortcutDown()) {
            if (e.getCode() == KeyCode.ESCAPE) {
                root.requestFocus();
                e.consume();
            }
            return;
        }
        switch (e.getCode()) {
            case DIGIT1, NUMPAD1 -> model.rate(Rating.UNPREPARED);
            case DIGIT2, NUMPAD2 -> model.rate(Rating.SHAKY);
            case DIGIT3, NUMPAD3 -> model.rate(Rating.GOOD);
            case DIGIT4, NUMPAD4 -> model.rate(Rating.NAILED);
            case R -> model.retake();
            case N -> model.next();
            case ESCAPE -> model.end();
            case P, SPACE -> togglePlay();
            case OPEN_BRACKET -> model.previousFlag();
            case CLOSE_BRACKET -> model.nextFlag();
            default -> {
                // Layouts that type brackets with another key still send the character.
                if ("[".equals(e.getText())) {
                    model.previousFlag();
                } else if ("]".equals(e.getText())) {
                    model.nextFlag();
                } else {
                    return;
                }
            }
        }
        e.consume();
    }

    public Node root() {
        return root;
    }

    /** Stops playback, e.g. when the user leaves the page. */
    public void stopPlayback() {
        if (player != null) {
            player.pause();
        }
    }

    /** Builds the timeline under the picture: a bar to click for a moment, the playhead, and the marks layer. */
    private void timeline() {
        timeline.setId("review-timeline");
        timeline.setPrefSize(360, 22);
        timeline.setMaxWidth(360);
        timeline.setMinHeight(22);
        Region bar = new Region();
        bar.getStyleClass().add("review-timeline-bar");
        bar.setPrefHeight(4);
        bar.setMouseTransparent(true);
        playhead.getStyleClass().add("review-playhead");
        playhead.setPrefSize(2, 18);
        playhead.setMouseTransparent(true);
        TimeStrip.place(playhead, 0);
        track.getChildren().addAll(bar, playhead);
        track.getStyleClass().add("review-timeline-track");
        Tooltip.install(track, new Tooltip("Click to go to that moment"));
        track.setOnMouseClicked(e -> {
            if (span.get() > 0 && track.getWidth() > 0) {
                model.seek(e.getX() / track.getWidth() * span.get());
            }
        });
        markers.setId("review-markers");
        // Only the marks themselves take clicks; between them a click reaches the bar beneath.
        markers.setPickOnBounds(false);
    }

    /** Redraws the interviewer's marks and panel for the take now shown. Builds nodes only; nothing is read. */
    private void showInterviewer(Optional<TakeResult> shown, InterviewerReview said) {
        takeSeconds = shown.map(t -> t.stats().seconds()).orElse(0.0);
        timeline.setVisible(shown.isPresent());
        timeline.setManaged(shown.isPresent());
        markers.getChildren().clear();
        interviewerPanel.getChildren().clear();
        boolean present = shown.isPresent() && !said.isEmpty();
        interviewerPanel.setVisible(present);
        interviewerPanel.setManaged(present);
        markers.setVisible(present && !(said.flags().isEmpty() && said.followUps().isEmpty()));
        updateSpan();
        if (!present) {
            return;
        }
        for (int i = 0; i < said.flags().size(); i++) {
            Flag f = said.flags().get(i);
            markers.getChildren().add(mark("review-flag-" + i, "timeline-flag", flagText(f), f.at(), 8, 16));
        }
        // Follow-ups after flags, so a small dot at the same moment stays visible on top of a flag.
        for (int i = 0; i < said.followUps().size(); i++) {
            FollowUp f = said.followUps().get(i);
            markers.getChildren().add(mark("review-followup-" + i, "timeline-follow-up", followUpText(f), f.at(),
                    11, 11));
        }

        Label heading = section("Interviewer");
        Label name = new Label(said.interviewer().isEmpty() ? "Your interviewer" : said.interviewer());
        name.setId("interviewer-name");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label rated = new Label(said.rating().map(r -> "rated it " + r.label() + " (" + r.meaning() + ")")
                .orElse("gave no overall rating"));
        rated.setId("interviewer-rating");
        rated.getStyleClass().add(Styles.TEXT_MUTED);
        rated.setWrapText(true);
        HBox who = new HBox(6, name, rated);
        who.setAlignment(Pos.BASELINE_LEFT);
        name.setMinWidth(Region.USE_PREF_SIZE);

        GridPane rubric = new GridPane();
        rubric.setId("interviewer-rubric");
        rubric.setHgap(12);
        rubric.setVgap(4);
        int row = 0;
        for (Rubric.Criterion c : Rubric.Criterion.values()) {
            Label criterion = new Label(c.label());
            criterion.getStyleClass().add("metric-name");
            criterion.setTooltip(new Tooltip(c.hint()));
            criterion.setMinWidth(Region.USE_PREF_SIZE);
            Integer given = said.rubric().scores().get(c);
            Label score = new Label(given == null ? "—" : given + " / " + Rubric.MAX);
            score.setId("interviewer-score-" + c.key());
            score.getStyleClass().add(given == null ? Styles.TEXT_MUTED : "rubric-score");
            score.setTooltip(new Tooltip(c.hint()));
            rubric.addRow(row++, criterion, score);
        }
        Label meanName = new Label("Mean");
        meanName.getStyleClass().add("metric-name");
        Label mean = new Label(said.rubric().mean().map(m -> String.format(Locale.ROOT, "%.1f / %d", m, Rubric.MAX))
                .orElse("—"));
        mean.setId("interviewer-mean");
        mean.getStyleClass().add("rubric-score");
        rubric.addRow(row, meanName, mean);

        Label feedback = new Label(said.feedback().isEmpty() ? "No written feedback." : said.feedback());
        feedback.setId("interviewer-feedback");
        feedback.setWrapText(true);
        feedback.setMinHeight(Region.USE_PREF_SIZE);
        if (said.feedback().isEmpty()) {
            feedback.getStyleClass().add(Styles.TEXT_MUTED);
        }
        VBox written = new VBox(6, feedback);
        if (!said.flags().isEmpty()) {
            VBox list = new VBox(0);
            list.setId("interviewer-flags");
            for (int i = 0; i < said.flags().size(); i++) {
                Flag f = said.flags().get(i);
                list.getChildren().add(jumpLink("interviewer-flag-" + i, clock(f.at()) + " · " + f.kind(), f.at()));
            }
            written.getChildren().addAll(subheading("Flags ([ and ] step through them)"), list);
        }
        if (!said.followUps().isEmpty()) {
            VBox list = new VBox(0);
            list.setId("interviewer-followups");
            for (int i = 0; i < said.followUps().size(); i++) {
                FollowUp f = said.followUps().get(i);
                list.getChildren().add(jumpLink("interviewer-followup-" + i, clock(f.at()) + " · " + f.text(),
                        f.at()));
            }
            written.getChildren().addAll(subheading("Follow-ups asked"), list);
        }
        HBox.setHgrow(written, Priority.ALWAYS);
        rubric.setMinWidth(Region.USE_PREF_SIZE);
        HBox body = new HBox(24, rubric, written);
        interviewerPanel.getChildren().addAll(heading, who, body);
    }

    /** A mark on the timeline at {@code seconds}; clicking it plays from just before the moment. */
    private Label mark(String id, String style, String text, double seconds, double width, double height) {
        Label mark = new Label();
        mark.setId(id);
        mark.getStyleClass().add(style);
        mark.setMinSize(width, height);
        mark.setPrefSize(width, height);
        mark.setMaxSize(width, height);
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        mark.setTooltip(tip);
        mark.setAccessibleText(text);
        mark.setOnMouseClicked(e -> {
            model.jumpTo(seconds);
            root.requestFocus();
            e.consume();
        });
        TimeStrip.place(mark, seconds);
        return mark;
    }

    private Hyperlink jumpLink(String id, String text, double seconds) {
        Hyperlink link = new Hyperlink(text);
        link.setId(id);
        link.setWrapText(true);
        link.setTooltip(new Tooltip("Play from just before " + clock(seconds)));
        link.setOnAction(e -> {
            model.jumpTo(seconds);
            root.requestFocus();
        });
        return link;
    }

    private static Label subheading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** The timeline reaches the take's end, or the last mark when the take's length is not known (yet). */
    private void updateSpan() {
        InterviewerReview said = model.interviewer().get();
        double last = 0;
        for (Flag f : said.flags()) {
            last = Math.max(last, f.at());
        }
        for (FollowUp f : said.followUps()) {
            last = Math.max(last, f.at());
        }
        span.set(Math.max(takeSeconds, last));
    }

    /** How a flag reads on the timeline: {@code rambling · 0:42}. */
    static String flagText(Flag flag) {
        return flag.kind() + " · " + clock(flag.at());
    }

    static String followUpText(FollowUp followUp) {
        return "follow-up · " + clock(followUp.at()) + ": " + followUp.text();
    }

    /** Minutes and seconds into the take, {@code 0:42}; whole seconds, as a player shows them. */
    static String clock(double seconds) {
        long whole = (long) Math.floor(Math.max(0, seconds));
        return whole / 60 + ":" + String.format(Locale.ROOT, "%02d", whole % 60);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private Node ratingBar() {
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox(8);
        for (Rating r : Rating.values()) {
            ToggleButton b = new ToggleButton(r.grade() + " " + r.label());
            b.setId("rate-" + r.grade());
            b.setUserData(r);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(r.meaning()));
            b.setOnAction(e -> {
                model.rate(r);
                root.requestFocus();
            });
            bar.getChildren().add(b);
        }
        model.rating().addListener((o, a, now) -> group.getToggles().forEach(
                t -> t.setSelected(now.isPresent() && t.getUserData() == now.get())));
        group.getToggles().forEach(t -> t.setSelected(model.rating().get().isPresent()
                && t.getUserData() == model.rating().get().get()));
        return bar;
    }

    private Node selfCheck() {
        GridPane grid = new GridPane();
        grid.setId("review-self-check");
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (SelfCheck.Aspect aspect : SelfCheck.Aspect.values()) {
            Label name = new Label(aspect.label());
            name.setTooltip(new Tooltip(aspect.hint()));
            ToggleGroup group = new ToggleGroup();
            ToggleButton ok = new ToggleButton("ok");
            ok.setId("check-" + aspect.key() + "-ok");
            ToggleButton work = new ToggleButton("work on it");
            work.setId("check-" + aspect.key() + "-work");
            ok.setToggleGroup(group);
            work.setToggleGroup(group);
            group.selectedToggleProperty().addListener((o, a, b) -> model.check(aspect,
                    b == ok ? SelfCheck.Verdict.OK : b == work ? SelfCheck.Verdict.WORK_ON_IT : null));
            java.util.function.Consumer<SelfCheck> mark = c -> {
                SelfCheck.Verdict v = c.verdicts().get(aspect);
                ok.setSelected(v == SelfCheck.Verdict.OK);
                work.setSelected(v == SelfCheck.Verdict.WORK_ON_IT);
            };
            model.selfCheck().addListener((o, a, b) -> mark.accept(b));
            mark.accept(model.selfCheck().get());
            Label hint = new Label(aspect.hint());
            hint.getStyleClass().add("text-muted");
            grid.addRow(row++, name, new HBox(4, ok, work), hint);
        }
        TextField note = new TextField();
        note.setId("review-note");
        note.setPromptText("A note to yourself (Esc leaves the field)");
        note.textProperty().addListener((o, a, b) -> model.note(b));
        model.selfCheck().addListener((o, a, b) -> {
            if (!note.getText().equals(b.note())) {
                note.setText(b.note());
            }
        });
        note.setText(model.selfCheck().get().note());
        grid.add(note, 0, row, 3, 1);
        return grid;
    }

    private void fill(Optional<TakeResult> shown, GridPane metrics, VBox pointsBox) {
        metrics.getChildren().clear();
        int row = 0;
        for (MetricRows.Row r : model.metrics()) {
            Label name = new Label(r.name());
            name.getStyleClass().add("metric-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(r.value());
            value.getStyleClass().add(r.attention() ? "metric-attention" : "metric-value");
            value.setWrapText(true);
            Label why = new Label(r.explanation());
            why.getStyleClass().add("text-muted");
            why.setWrapText(true);
            VBox cell = new VBox(2, value, why);
            metrics.addRow(row++, name, cell);
        }
        if (model.metrics().isEmpty()) {
            metrics.addRow(0, new Label(shown.isPresent() ? "No measurements: there is no transcript for this take."
                    : ""));
        }
        pointsBox.getChildren().clear();
        for (PointCoverage p : model.points()) {
            Label l = new Label((p.covered() ? "✔ covered: " : "✘ missed: ") + p.point());
            l.getStyleClass().add(p.covered() ? "point-covered" : "point-missed");
            l.setWrapText(true);
            pointsBox.getChildren().add(l);
        }
        if (model.points().isEmpty()) {
            pointsBox.getChildren().add(new Label(shown.flatMap(TakeResult::question).isPresent()
                    ? "Talking points are checked once there is a transcript." : "-"));
        }
        wordLabels.clear();
        transcript.getChildren().clear();
        currentWord = -1;
        TimeStrip.place(playhead, 0);
        List<ReviewModel.TranscriptWord> words = model.words();
        for (int i = 0; i < words.size(); i++) {
            ReviewModel.TranscriptWord w = words.get(i);
            Label l = new Label(w.word().text());
            l.getStyleClass().add("word");
            w.flag().ifPresent(f -> l.getStyleClass().add("flag-" + f.name().toLowerCase(Locale.ROOT)));
            double start = w.word().start();
            l.setOnMouseClicked(e -> model.seek(start));
            wordLabels.add(l);
            transcript.getChildren().add(l);
        }
        if (words.isEmpty()) {
            transcript.getChildren().add(new Label(shown.isPresent() ? "No transcript for this take." : ""));
        }
        load(shown);
    }

    private void load(Optional<TakeResult> shown) {
        fallbackFor = null;
        if (shown.isEmpty()) {
            open(null, null, "");
            return;
        }
        var take = shown.get();
        // Whether the video is there, and if not why, is read from the take's folder: on the file thread.
        FxTasks.supply(files, () -> app.retake.history.VideoGone.whyNoVideo(take.files()), missing -> {
            if (!model.take().get().equals(Optional.of(take))) {
                return; // another take was shown meanwhile
            }
            missing.ifPresentOrElse(why -> open(null, null, why),
                    () -> open(take.files().video(), take.files().video(), ""));
        }, e -> open(null, null, "The recording " + take.files().video() + " could not be checked: "
                + e.getMessage()));
    }

    /** Plays {@code media}, the take {@code take} itself or its picture-only copy; {@code ready} says which. */
    private void open(java.nio.file.Path take, java.nio.file.Path media, String ready) {
        if (player != null) {
            player.dispose();
            player = null;
        }
        mediaView.setMediaPlayer(null);
        play.setDisable(true);
        play.setText("Play");
        if (media == null) {
            playerNote.setText(ready);
            return;
        }
        var file = media;
        playerNote.setText("Loading the recording…");
        try {
            MediaPlayer p = new MediaPlayer(new Media(file.toUri().toString()));
            player = p;
            p.setOnReady(() -> {
                playerNote.setText(p.getMedia().getWidth() > 0 ? ready
                        : "Audio only: there was no camera for this take. " + ready);
                play.setDisable(false);
                double length = p.getMedia().getDuration().toSeconds();
                if (Double.isFinite(length) && length > 0) {
                    takeSeconds = length;
                    updateSpan();
                }
                // A word or a flag clicked while the recording was still loading is honoured now.
                if (model.position().get() > 0) {
                    p.seek(Duration.seconds(model.position().get()));
                }
            });
            p.setOnError(() -> cannotPlay(take, String.valueOf(p.getError())));
            p.setOnHalted(() -> cannotPlay(take, "the player halted"));
            p.setOnEndOfMedia(() -> {
                p.pause();
                p.seek(Duration.ZERO);
                play.setText("Play");
            });
            p.currentTimeProperty().addListener((o, a, t) -> {
                model.playedTo(t.toSeconds());
                highlight(t.toSeconds());
            });
            mediaView.setMediaPlayer(p);
        } catch (RuntimeException e) {
            cannotPlay(file, e.getMessage());
        }
    }

    private void cannotPlay(java.nio.file.Path file, String why) {
        LOG.warn("Cannot play {}: {}", file, why);
        play.setDisable(true);
        if (fallbackFor == null && file != null) {
            // JavaFX halts on any file with sound when it finds no sound output; the picture alone still plays.
            fallbackFor = file;
            playerNote.setText("No sound output found; preparing the picture without sound…");
            var shown = model.take().get();
            FxTasks.supply(files, () -> {
                try {
                    var copy = Files.createTempFile("retake-picture-", ".mp4");
                    copy.toFile().deleteOnExit();
                    app.retake.capture.TakeRecorder.pictureOnly(file, copy);
                    return copy;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, copy -> {
                if (model.take().get().equals(shown)) {
                    open(file, copy, "Playing without sound: this machine has no sound output that the player "
                            + "can use. The recording itself has sound: " + file);
                }
            }, e -> cannotPlay(file, e.getMessage()));
            return;
        }
        mediaView.setMediaPlayer(null);
        playerNote.setText("This take cannot be played here (" + why + "). The transcript and measurements are "
                + "all here; the recording is " + file + ".");
    }

    private void togglePlay() {
        if (player == null || play.isDisabled()) {
            return;
        }
        if (player.getStatus() == MediaPlayer.Status.PLAYING) {
            player.pause();
            play.setText("Play");
        } else {
            player.play();
            play.setText("Pause");
        }
    }

    private void seek(double seconds) {
        if (player != null && !play.isDisabled()) {
            player.seek(Duration.seconds(seconds));
        }
        highlight(seconds);
    }

    private void highlight(double seconds) {
        TimeStrip.place(playhead, seconds);
        caption.setText(model.captionAt(seconds));
        int found = -1;
        List<ReviewModel.TranscriptWord> words = model.words();
        for (int i = 0; i < words.size() && words.get(i).word().start() <= seconds + 0.05; i++) {
            found = i;
        }
        if (found == currentWord) {
            return;
        }
        if (currentWord >= 0 && currentWord < wordLabels.size()) {
            wordLabels.get(currentWord).getStyleClass().remove("current-word");
        }
        currentWord = found;
        if (found >= 0 && found < wordLabels.size()) {
            wordLabels.get(found).getStyleClass().add("current-word");
        }
    }

    /**
     * A strip that places each child at its moment along its width (see {@link #place}); children without one span
     * the whole width. A plain pane cannot do this, since the moments stay put while the width changes.
     */
    private static final class TimeStrip extends Pane {

        private static final String AT = "retake.timeline.at";
        private final DoubleProperty span;

        TimeStrip(DoubleProperty span) {
            this.span = span;
            span.addListener(o -> requestLayout());
        }

        /** Puts {@code node} at {@code seconds} into the take. */
        static void place(Node node, double seconds) {
            node.getProperties().put(AT, seconds);
            if (node.getParent() != null) {
                node.getParent().requestLayout();
            }
        }

        @Override
        protected double computePrefWidth(double height) {
            return 0;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 22;
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double height = getHeight();
            for (Node child : getManagedChildren()) {
                double w = child.prefWidth(-1);
                double h = Math.min(height, child.prefHeight(-1));
                double y = snapPositionY((height - h) / 2);
                if (child.getProperties().get(AT) instanceof Double seconds) {
                    double fraction = span.get() > 0 ? Math.min(1, Math.max(0, seconds / span.get())) : 0;
                    double x = Math.min(width - w, Math.max(0, fraction * width - w / 2));
                    child.resizeRelocate(snapPositionX(x), y, w, h);
                } else {
                    child.resizeRelocate(0, y, width, h);
                }
            }
        }
    }
}
