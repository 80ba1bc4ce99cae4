package app.retake.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

import app.retake.settings.Privacy;
import app.retake.settings.SettingsStore;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The Privacy part of the Settings page: retention, transcript only and deleting a profile's data. */
class SettingsPrivacyViewTest {

    private static final DeviceLister NO_DEVICES = new DeviceLister() {
        @Override
        public List<String> cameras() {
            return List.of();
        }

        @Override
        public List<String> microphones() {
            return List.of();
        }
    };

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final List<String> erased = new CopyOnWriteArrayList<>();
    private ExecutorService files;
    private SettingsModel model;
    private SettingsView view;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void executor() {
        files = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.hideStage();
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        files.shutdownNow();
    }

    private void open() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"profile\": \"sam\"}");
        SettingsStore store = SettingsStore.in(dir);
        SettingsStore.Loaded loaded = store.load();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new SettingsModel(store, loaded.settings(), loaded.problems(), files, NO_DEVICES);
            model.eraseWith(files, name -> {
                erased.add(name);
                return "Deleted everything of " + name + ".";
            });
            view = new SettingsView(model, List::of);
            stage.setScene(new Scene((Parent) view.root(), 1100, 720));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends javafx.scene.Node> T reveal(String id) {
        T node = robot.lookup(id).query();
        robot.interact(() -> view.reveal(node));
        return node;
    }

    private String message() {
        return robot.lookup("#settings-message").queryAs(Label.class).getText();
    }

    @Test
    void keepDaysAndTranscriptOnlyAreSavedToTheFile() throws Exception {
        open();
        TextField days = reveal("#settings-keep-days");
        assertThat(days.getText()).as("forever shows as empty").isEmpty();
        robot.clickOn(days).write("30");
        CheckBox only = reveal("#settings-transcript-only");
        robot.clickOn(only);
        assertThat(robot.lookup("#settings-dirty").query().isVisible()).isTrue();
        robot.clickOn("#settings-save");
        waitUntil(() -> model.settings().get().privacy().transcriptOnly());
        assertThat(model.settings().get().privacy()).isEqualTo(new Privacy(30, true));
        assertThat(SettingsStore.in(dir).load().settings().privacy()).isEqualTo(new Privacy(30, true));

        robot.interact(days::clear);
        robot.clickOn("#settings-save");
        waitUntil(() -> !model.settings().get().privacy().expires());
        assertThat(SettingsStore.in(dir).load().settings().privacy().keepVideoDays()).isEqualTo(Privacy.FOREVER);
    }

    @Test
    void daysThatAreNotANumberAreRefusedWithAReason() throws Exception {
        open();
        TextField days = reveal("#settings-keep-days");
        robot.clickOn(days).write("a week");
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message()).isEqualTo("\"a week\" is not a number of days; write a whole number such as 30, or "
                + "leave it empty to keep videos forever. Nothing was saved.");
        assertThat(Files.readString(dir.resolve("settings.json"))).doesNotContain("keepVideoDays");
    }

    @Test
    void deletingAProfilesDataNeedsItsNameTyped() throws Exception {
        open();
        Button delete = reveal("#settings-delete-profile");
        assertThat(delete.getText()).isEqualTo("Delete all of sam's data…");
        robot.clickOn(delete);
        waitUntil(() -> robot.lookup("#delete-profile-confirmation").tryQuery().isPresent());
        Button confirm = robot.lookup("#confirm-delete-profile").queryButton();
        assertThat(confirm.isDisabled()).isTrue();
        TextField name = robot.lookup("#delete-profile-name").queryAs(TextField.class);
        robot.clickOn(name).write("Sa");
        assertThat(confirm.isDisabled()).as("a name that does not match: %s", name.getText()).isTrue();
        robot.interact(name::clear);
        robot.clickOn(name).write("sam");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.isDisabled()).as("typed: %s", name.getText()).isFalse();
        robot.clickOn(confirm);
        waitUntil(() -> message().startsWith("Deleted everything of sam"));
        assertThat(erased).containsExactly("sam");
    }

    @Test
    void cancellingDeletesNothing() throws Exception {
        open();
        Button delete = reveal("#settings-delete-profile");
        robot.clickOn(delete);
        waitUntil(() -> robot.lookup("#delete-profile-confirmation").tryQuery().isPresent());
        robot.clickOn("#delete-profile-name").write("sam");
        robot.clickOn("#cancel-delete-profile");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(erased).isEmpty();
        assertThat(robot.lookup("#settings-transcript-only").queryAs(CheckBox.class).isSelected()).isFalse();
    }
}
