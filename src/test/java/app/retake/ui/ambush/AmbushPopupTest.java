package app.retake.ui.ambush;

import static app.retake.ui.ambush.AmbushModelTest.CONFLICT;
import static app.retake.ui.ambush.AmbushModelTest.LONDON;
import static app.retake.ui.ambush.AmbushModelTest.MONDAY;
import static app.retake.ui.ambush.AmbushModelTest.WEEKDAY_OFFICE_HOURS;
import static app.retake.ui.ambush.AmbushModelTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.bank.Question;
import app.retake.drill.AmbushSchedule;
import app.retake.ui.ambush.AmbushModel.Phase;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The ambush popup and the toggle, headless under Monocle, with time moved by the test. */
class AmbushPopupTest {

    private final FxRobot robot = new FxRobot();
    private final List<Question> answered = new CopyOnWriteArrayList<>();
    private final AtomicInteger chimes = new AtomicInteger();
    private ManualTime time;
    private AmbushModel model;
    private AmbushPopup popup;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        time = new ManualTime(at(MONDAY, "10:00"), LONDON);
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new AmbushModel(new AmbushSchedule(WEEKDAY_OFFICE_HOURS, new SplittableRandom(5)), time.clock,
                    time, Runnable::run, Platform::runLater, AmbushModel.DEFAULT_SNOOZE,
                    () -> Optional.of(CONFLICT), answered::add);
            popup = new AmbushPopup(model, chimes::incrementAndGet);
            AmbushView view = new AmbushView(model);
            stage.setScene(new Scene(new VBox(8, view.toggle(), view.status()), 400, 120));
            stage.show();
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.hideStage();
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Switches ambush mode on with the toggle, then moves time to the first ambush. */
    private void springFirst() throws TimeoutException {
        robot.clickOn("#ambush-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.armedProperty().get()).isTrue();
        advanceTo(model.nextPlanned().orElseThrow());
        waitUntil(() -> popup.stage().isShowing());
    }

    private void advanceTo(Instant instant) {
        time.advanceTo(instant);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Moves time a second at a time, letting the FX thread catch up after each: a countdown tick hops to the FX
     * thread, which plans the next one only when it runs.
     */
    private void advanceSeconds(int seconds) {
        for (int i = 0; i < seconds; i++) {
            advanceTo(time.now().plusSeconds(1));
        }
    }

    @Test
    void theToggleSaysWhetherAmbushModeIsOnAndUntilWhen() {
        ToggleButton toggle = robot.lookup("#ambush-toggle").queryAs(ToggleButton.class);
        assertThat(toggle.getText()).isEqualTo("Ambush me: off");
        assertThat(toggle.isSelected()).isFalse();

        robot.clickOn("#ambush-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.getText()).isEqualTo("Ambush me: on until 18:00");
        assertThat(toggle.isSelected()).isTrue();
        assertThat(robot.lookup("#ambush-status").queryAs(Label.class).getText()).startsWith("Next ambush");

        robot.clickOn("#ambush-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.getText()).isEqualTo("Ambush me: off");
        assertThat(model.nextPlanned()).isEmpty();
    }

    @Test
    void thePopupShowsTheQuestionAndStartAnswersIt() throws Exception {
        springFirst();

        assertThat(popup.stage().isAlwaysOnTop()).isTrue();
        assertThat(robot.lookup("#ambush-popup").tryQuery()).isPresent();
        assertThat(robot.lookup("#ambush-question").queryAs(Label.class).getText()).isEqualTo(CONFLICT.text());
        assertThat(robot.lookup("#ambush-countdown").queryAs(Label.class).getText()).isEqualTo("10 s");
        assertThat(chimes).hasValue(1);

        robot.clickOn("#ambush-start");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answered).containsExactly(CONFLICT);
        assertThat(popup.stage().isShowing()).isFalse();
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
    }

    @Test
    void theCountdownRunsDownOnScreenAndStartsRecordingAtZero() throws Exception {
        springFirst();

        advanceSeconds(4);
        assertThat(robot.lookup("#ambush-countdown").queryAs(Label.class).getText()).isEqualTo("6 s");
        assertThat(answered).isEmpty();

        advanceSeconds(6);
        waitUntil(() -> !popup.stage().isShowing());
        assertThat(answered).containsExactly(CONFLICT);
    }

    @Test
    void snoozeHidesThePopupAndItComesBackAfterTenMinutesWhereEnterStartsTheAnswer() throws Exception {
        springFirst();
        Instant snoozed = time.now();

        robot.clickOn("#ambush-snooze");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(popup.stage().isShowing()).isFalse();
        assertThat(answered).isEmpty();
        assertThat(model.nextPlanned()).contains(snoozed.plus(Duration.ofMinutes(10)));

        advanceTo(snoozed.plus(Duration.ofMinutes(10)));
        waitUntil(() -> popup.stage().isShowing());
        assertThat(chimes).hasValue(2);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answered).containsExactly(CONFLICT);
        assertThat(popup.stage().isShowing()).isFalse();
    }

    @Test
    void theSKeySnoozes() throws Exception {
        springFirst();

        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(popup.stage().isShowing()).isFalse();
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        advanceSeconds(30);
        assertThat(answered).isEmpty();
    }
}
