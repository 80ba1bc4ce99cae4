package app.retake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.testfx.api.FxRobot;

import app.retake.SpokenWavs;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.interview.Interview.Stage;
import app.retake.remote.PhoneBrowsers;
import app.retake.review.InterviewerReview;
import app.retake.review.ReviewFiles;
import app.retake.review.Rubric;
import app.retake.settings.SettingsStore;
import app.retake.ui.shell.Page;
import app.retake.ui.practice.PracticeModel.Phase;
import javafx.scene.control.TextInputControl;


/**
 * Two people, one laptop: the interviewer runs the interview from the console window while the main window is the
 * candidate's screen. Recorded with the synthetic camera and a spoken WAV as the microphone.
 */
class FriendInterviewTest {

    @TempDir
    Path dir;

    private final AppWindow screen = new AppWindow();
    private final FxRobot robot = screen.robot;
    private Services services;
    private MainWindow window;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        AppWindow.registerToolkit();
    }

    @AfterEach
    void close() throws TimeoutException {
        if (phone != null) {
            phone.quit();
        }
        robot.interact(() -> window.closing());
        screen.close();
    }

    private void open() throws Exception {
        Path speech = SpokenWavs.say(dir, "answer", "We disagreed about the release date, so I set up a meeting, "
                + "listened to both sides and we agreed on a smaller first release.", 16_000, "pad", "0.5", "30");
        window = screen.open(AppWindow.data(dir, AppWindow.testDevices(speech, ", \"profile\": \"sam\"")),
                AppWindow.coreBanks(dir));
        services = screen.services;
        waitUntil(() -> text("#status-speech-model").startsWith("Speech model ready"));
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        AppWindow.waitUntil(60, condition);
    }

    private String text(String query) {
        return screen.text(query);
    }

    private Stage stage() {
        var snapshot = window.console().snapshot().get();
        return snapshot == null ? null : snapshot.stage();
    }

    private void fire(String query) {
        robot.interact(() -> robot.lookup(query).queryButton().fire());
    }

    private void write(String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(text));
    }

    @Test
    void aFriendAsksFlagsAndScoresAndTheCandidateReviewsItAfterwards() throws Exception {
        open();
        robot.interact(window::openConsole);
        // Roles: Sam had the app; Alex answers today and Sam asks.
        robot.interact(() -> window.console().candidate().set("sam"));
        write("#console-interviewer", "Alex");
        robot.clickOn("#console-swap");
        assertThat(window.console().candidate().get()).isEqualTo("Alex");
        robot.clickOn("#console-start");
        waitUntil(() -> window.console().running());

        // The main window is now the candidate's screen: no navigation, no plan, no way to other pages.
        assertThat(robot.lookup("#navigation").tryQuery()).isEmpty();
        assertThat(robot.lookup("#practice-plan").query().isVisible()).isFalse();
        assertThat(services.settings.get().profile()).isEqualTo("Alex");
        robot.interact(() -> window.shell().open(Page.PROGRESS));
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.PRACTICE);

        var planned = window.console().snapshot().get().planned();
        assertThat(planned).isNotEmpty();
        // The console takes keys at once: N asks the weakest planned question.
        robot.type(javafx.scene.input.KeyCode.N);
        waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
        assertThat(text("#practice-question")).isEqualTo(planned.get(0).text());
        assertThat(text("#console-question")).isEqualTo(planned.get(0).text());

        // Start from the console; follow up and flag while the candidate talks.
        robot.clickOn("#console-take");
        waitUntil(() -> stage() == Stage.RECORDING && window.practice().phase().get() == Phase.RECORDING);
        waitUntil(() -> window.practice().elapsed().get() >= 3);
        robot.clickOn("#console-flag-2");
        write("#console-followup", "What would you do differently?");
        robot.clickOn("#console-followup-send");
        waitUntil(() -> text("#practice-followup").contains("What would you do differently?"));
        waitUntil(() -> window.practice().elapsed().get() >= 6);
        robot.clickOn("#console-take");
        waitUntil(() -> stage() == Stage.SCORING);
        assertThat(text("#practice-status")).contains("sam is scoring");

        // Score, then move on: the first take is logged with the score when the next question is asked.
        robot.type(javafx.scene.input.KeyCode.DIGIT2);
        assertThat(robot.lookup("#console-rate-2").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();
        robot.clickOn("#console-rubric-structure-4");
        robot.clickOn("#console-rubric-tone-5");
        write("#console-feedback", "Give the result in numbers.");
        robot.clickOn("#console-spring");
        waitUntil(() -> AttemptLog.in(dir.resolve("data")).readAll().attempts().size() == 1);
        assertThat(text("#practice-question")).isEqualTo(planned.get(1).text());
        assertThat(robot.lookup("#practice-followup").query().isVisible()).isFalse();

        Attempt first = AttemptLog.in(dir.resolve("data")).readAll().attempts().get(0);
        assertThat(first.mode()).isEqualTo(Mode.FRIEND);
        assertThat(first.profile()).isEqualTo("Alex");
        assertThat(first.questionId()).isEqualTo(planned.get(0).id());
        assertThat(first.selfRating()).isEmpty();
        assertThat(first.interviewerRating()).contains(Rating.SHAKY);
        assertThat(first.metrics()).containsEntry("rubric_structure", "4").containsEntry("interviewer_flags", "1");
        TakeFiles files = new TakeFiles(dir.resolve("data").resolve(first.recording().orElseThrow()).getParent(),
                first.take());
        InterviewerReview saved = ReviewFiles.readInterviewer(files.review());
        assertThat(saved.interviewer()).isEqualTo("sam");
        assertThat(saved.flags()).extracting(f -> f.kind()).containsExactly("rambling");
        assertThat(saved.flags().get(0).at()).isBetween(2.5, 6.5);
        assertThat(saved.followUps()).extracting(f -> f.text()).containsExactly("What would you do differently?");
        assertThat(saved.rubric().scores()).containsEntry(Rubric.Criterion.STRUCTURE, 4)
                .containsEntry(Rubric.Criterion.TONE, 5);
        assertThat(saved.feedback()).isEqualTo("Give the result in numbers.");

        // The candidate may start with Space too; the interviewer ends mid-take, and that take is kept and logged.
        // (The two windows overlap on the test's one screen, so from here the controls are fired rather than clicked
        // at a point that either window may cover.)
        robot.interact(window.practice()::space);
        waitUntil(() -> stage() == Stage.RECORDING);
        waitUntil(() -> window.practice().elapsed().get() >= 2);
        fire("#console-flag-6");
        waitUntil(() -> window.console().snapshot().get().review().flags().size() == 1);
        fire("#console-end");
        waitUntil(() -> AttemptLog.in(dir.resolve("data")).readAll().attempts().size() == 2
                && window.shell().pageProperty().get() == Page.REVIEW);
        assertThat(window.console().running()).isFalse();
        assertThat(robot.lookup("#navigation").tryQuery()).isPresent();
        List<Attempt> attempts = AttemptLog.in(dir.resolve("data")).readAll().attempts();
        Attempt second = attempts.get(1);
        assertThat(second.questionId()).isEqualTo(planned.get(1).id());
        assertThat(second.mode()).isEqualTo(Mode.FRIEND);
        TakeFiles secondFiles = new TakeFiles(dir.resolve("data").resolve(second.recording().orElseThrow())
                .getParent(), second.take());
        assertThat(ReviewFiles.readInterviewer(secondFiles.review()).flags()).extracting(f -> f.kind())
                .containsExactly("lost eye contact");
        // The candidate reviews the last take with the friend's flag on the timeline and their panel beside it.
        assertThat(window.review().take().get()).isPresent();
        assertThat(window.review().interviewer().get().flags()).extracting(f -> f.kind())
                .containsExactly("lost eye contact");
        assertThat(robot.lookup("#review-flag-0").tryQuery()).isPresent();
        assertThat(robot.lookup("#review-interviewer").query().isVisible()).isTrue();

        // Alex is still the one answering; Sam takes the chair back from the navigation.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> profile = robot.lookup("#nav-profile")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertThat(profile.getValue()).isEqualTo("Alex");
        robot.interact(() -> {
            profile.setValue("sam");
            profile.getOnAction().handle(new javafx.event.ActionEvent());
        });
        waitUntil(() -> services.settings.get().profile().equals("sam"));
        assertThat(SettingsStore.in(dir.resolve("data")).load().settings().profile()).isEqualTo("sam");
    }

    @Test
    void aPhonePairedWithTheCodeOnTheConsoleRunsTheInterviewAndStopsWithIt() throws Exception {
        open();
        robot.interact(window::openConsole);
        write("#console-interviewer", "Alex");
        robot.clickOn("#console-start");
        waitUntil(() -> window.console().running());
        assertThat(robot.lookup("#console-remote-qr").query().isVisible()).isFalse();

        robot.clickOn("#console-remote");
        waitUntil(() -> window.remote().on().get());
        String url = text("#console-remote-url");
        String code = text("#console-remote-code");
        assertThat(url).startsWith("http://");
        assertThat(code).matches("\\d{6}");
        assertThat(robot.lookup("#console-remote-qr").queryAs(javafx.scene.image.ImageView.class).getImage())
                .isNotNull();
        assertThat(text("#console-remote-status")).isEqualTo("Waiting for a phone to pair.");

        // Without pairing nothing works.
        var client = java.net.http.HttpClient.newHttpClient();
        var unpaired = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url).resolve("/api/spring"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString("{}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unpaired.statusCode()).isEqualTo(401);

        // The friend's phone: the real page in headless Chromium, paired with the code the console shows.
        PhoneBrowsers.requireInstalled();
        phone = PhoneBrowsers.open(dir.resolve("phone-profile"));
        phone.get(url);
        waitUntil(() -> phone.findElement(By.id("pair-code")).isDisplayed());
        phone.findElement(By.id("pair-code")).sendKeys(code);
        phone.findElement(By.id("pair-submit")).click();
        waitUntil(() -> phone.findElement(By.id("console")).isDisplayed()
                && text("#console-remote-status").equals("Phone paired."));

        // The phone springs the weakest planned question: it reaches the candidate's screen and the console.
        phone.findElement(By.id("spring")).click();
        String first = window.console().snapshot().get().planned().get(0).text();
        waitUntil(() -> text("#practice-question").equals(first) && text("#console-question").equals(first));
        waitUntil(() -> phone.findElement(By.id("question")).getText().equals(first));
        phone.findElement(By.id("followup-text")).sendKeys("Why then?");
        phone.findElement(By.id("followup-send")).click();
        waitUntil(() -> text("#practice-followup").contains("Why then?"));

        // Ending the interview on the laptop stops the remote: the port no longer answers.
        robot.clickOn("#console-end");
        waitUntil(() -> !window.remote().on().get());
        assertThat(window.remote().status().get()).isEqualTo("Phone remote off.");
        waitUntil(() -> {
            try {
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                return false;
            } catch (java.io.IOException refused) {
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        });
    }

    private org.openqa.selenium.WebDriver phone;
}
