package app.retake.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.capture.RecorderSettings;
import app.retake.capture.Resolution;
import app.retake.capture.TakeRecorder;
import app.retake.capture.VideoFrame;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.practice.SavedTakes;
import app.retake.progress.ComparisonFixtures;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.InterviewerReview;
import app.retake.review.ReviewFiles;
import app.retake.review.Rubric;
import app.retake.speech.MetricSettings;
import app.retake.speech.TranscriptFiles;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/**
 * A take a friend interviewed, reviewed as the candidate does: the friend's flags and follow-ups on the timeline
 * under a real recording, their rubric and feedback beside the measurements, and each mark a way into the take.
 */
class InterviewerReviewViewTest {

    /** Spoken from 0.5 s on, a word every half second; the recording under it lasts six seconds. */
    private static final String ANSWER = "we had a conflict and I made a decision";
    private static final double RECORDED_SECONDS = 6;

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private ExecutorService io;
    private ReviewModel review;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        io = Executors.newSingleThreadExecutor();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            review = new ReviewModel();
            ReviewView view = new ReviewView(review, io);
            Scene scene = new Scene((Parent) view.root(), 1100, 720);
            scene.getStylesheets().add(ReviewView.class.getResource("/app/retake/ui/retake.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.hideStage();
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        io.shutdownNow();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A take recorded with the real recorder (picture only, so no sound output is needed to play it). */
    private TakeFiles recordedTake() throws Exception {
        TakeFiles files = TakeFiles.of(data, LocalDate.of(2026, 3, 8), "s1", "take-01");
        double fps = 10;
        TakeRecorder recorder = new TakeRecorder(files, RecorderSettings.of(new Resolution(320, 240), fps, 0), 1000);
        long t0 = 1_000_000_000L;
        recorder.start(t0);
        for (int i = 0; i < RECORDED_SECONDS * fps; i++) {
            BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
            var g = image.createGraphics();
            g.setColor(new Color((i * 4) % 256, 120, 60));
            g.fillRect(0, 0, 320, 240);
            g.dispose();
            recorder.offerVideo(new VideoFrame(t0 + Math.round(i * 1e9 / fps), i, image));
        }
        recorder.stop();
        Files.writeString(files.transcript(), TranscriptFiles.json(ComparisonFixtures.transcript(0.5, ANSWER)));
        return files;
    }

    private static InterviewerReview friendsReview() {
        return new InterviewerReview("Sam", Optional.of(Rating.GOOD), Rubric.EMPTY
                .with(Rubric.Criterion.STRUCTURE, 4).with(Rubric.Criterion.CONTENT, 3).with(Rubric.Criterion.TONE, 5),
                "Lead with the result, then tell the story.",
                List.of(new Flag(4.25, "rambling"), new Flag(1.5, "no example")),
                List.of(new FollowUp(3.0, "What would you change?")));
    }

    private void show(TakeFiles files, boolean withInterviewer) {
        SavedTakes.Opened opened = SavedTakes.open(files, Optional.of(ComparisonFixtures.QUESTION),
                MetricSettings.defaults());
        robot.interact(() -> {
            if (withInterviewer) {
                review.show(opened.take(), Optional.empty(), opened.review().rating(), opened.review().selfCheck(),
                        opened.interviewer());
            } else {
                review.show(opened.take(), Optional.empty(), opened.review().rating(), opened.review().selfCheck());
            }
        });
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private String tooltip(String query) {
        return robot.lookup(query).queryAs(Label.class).getTooltip().getText();
    }

    private boolean shown(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Where along the timeline's width a mark's centre sits, 0 to 1. */
    private double along(String query) {
        Node mark = robot.lookup(query).query();
        Node strip = robot.lookup("#review-markers").query();
        Bounds b = mark.getBoundsInParent();
        return (b.getMinX() + b.getWidth() / 2) / strip.getLayoutBounds().getWidth();
    }

    @Test
    void theFriendsMarksSitOnTheTimelineTheirRubricBesideItAndEachMarkLeadsIntoTheTake() throws Exception {
        TakeFiles files = recordedTake();
        ReviewFiles.writeInterviewer(files.review(), friendsReview());
        show(files, true);
        waitUntil(() -> !robot.lookup("#review-play").queryAs(Button.class).isDisabled());

        assertThat(shown("#review-markers")).isTrue();
        assertThat(tooltip("#review-flag-0")).isEqualTo("no example · 0:01");
        assertThat(tooltip("#review-flag-1")).isEqualTo("rambling · 0:04");
        assertThat(tooltip("#review-followup-0")).isEqualTo("follow-up · 0:03: What would you change?");
        assertThat(robot.lookup("#review-flag-2").tryQuery()).isEmpty();
        assertThat(robot.lookup("#review-flag-0").queryAs(Label.class).getStyleClass()).contains("timeline-flag");
        assertThat(robot.lookup("#review-followup-0").queryAs(Label.class).getStyleClass())
                .contains("timeline-follow-up");
        // Placed by time along a timeline as long as the recording.
        assertThat(along("#review-flag-0")).isCloseTo(1.5 / RECORDED_SECONDS, within(0.05));
        assertThat(along("#review-followup-0")).isCloseTo(3.0 / RECORDED_SECONDS, within(0.05));
        assertThat(along("#review-flag-1")).isCloseTo(4.25 / RECORDED_SECONDS, within(0.05));

        assertThat(shown("#review-interviewer")).isTrue();
        assertThat(text("#interviewer-name")).isEqualTo("Sam");
        assertThat(text("#interviewer-rating")).contains("good");
        assertThat(text("#interviewer-score-structure")).isEqualTo("4 / 5");
        assertThat(text("#interviewer-score-content")).isEqualTo("3 / 5");
        assertThat(text("#interviewer-score-delivery")).isEqualTo("—");
        assertThat(text("#interviewer-score-body_language")).isEqualTo("—");
        assertThat(text("#interviewer-score-tone")).isEqualTo("5 / 5");
        assertThat(text("#interviewer-mean")).isEqualTo("4.0 / 5");
        assertThat(robot.lookup("#interviewer-score-structure").queryAs(Label.class).getTooltip().getText())
                .isEqualTo(Rubric.Criterion.STRUCTURE.hint());
        assertThat(text("#interviewer-feedback")).isEqualTo("Lead with the result, then tell the story.");
        assertThat(robot.lookup("#interviewer-flag-1").queryAs(Hyperlink.class).getText())
                .isEqualTo("0:04 · rambling");
        assertThat(robot.lookup("#interviewer-followup-0").queryAs(Hyperlink.class).getText())
                .isEqualTo("0:03 · What would you change?");

        long before = review.seekRequest().get().serial();
        robot.clickOn("#review-flag-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.seekRequest().get().seconds()).as("two seconds before the flag").isEqualTo(2.25);
        assertThat(review.seekRequest().get().serial()).isEqualTo(before + 1);
        assertThat(review.position().get()).isCloseTo(2.25, within(0.3));

        robot.clickOn("#interviewer-flag-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.seekRequest().get().seconds()).as("clamped at the start").isZero();

        robot.clickOn("#review-followup-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.seekRequest().get().seconds()).isEqualTo(1.0);

        // ] and [ step through the flags; the page's other keys still work.
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.seekRequest().get().seconds()).isEqualTo(2.25);
        robot.type(KeyCode.OPEN_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.seekRequest().get().seconds()).isZero();
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#review-message")).startsWith("This take was rated when it was recorded");
    }

    @Test
    void aTakeWithoutAnInterviewerShowsNeitherMarksNorPanelEvenAfterOneThatHadThem() throws Exception {
        TakeFiles files = recordedTake();
        ReviewFiles.writeInterviewer(files.review(), friendsReview());
        show(files, true);
        assertThat(shown("#review-interviewer")).isTrue();

        show(files, false);

        assertThat(review.interviewer().get()).isSameAs(InterviewerReview.NONE);
        assertThat(shown("#review-interviewer")).isFalse();
        assertThat(shown("#review-markers")).isFalse();
        assertThat(robot.lookup("#review-flag-0").tryQuery()).isEmpty();
        assertThat(robot.lookup("#review-followup-0").tryQuery()).isEmpty();
        assertThat(robot.lookup("#interviewer-name").tryQuery()).isEmpty();
        assertThat(shown("#review-timeline")).as("the timeline itself stays, to click for a moment").isTrue();

        // Clicking a transcript word goes the same way a mark does.
        Label word = robot.lookup("#review-transcript .word").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals("conflict")).findFirst().orElseThrow();
        robot.clickOn(word);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.seekRequest().get().seconds()).isEqualTo(2.0);
    }
}
