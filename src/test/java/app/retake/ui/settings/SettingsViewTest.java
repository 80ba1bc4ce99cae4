package app.retake.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

import app.retake.history.Attempt;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;
import app.retake.speech.MetricSettings;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/** The Settings page, headless under Monocle, edited the way a user would and checked on disk. */
class SettingsViewTest {

    private static final DeviceLister DEVICES = new DeviceLister() {
        @Override
        public List<String> cameras() {
            return List.of("Desk cam");
        }

        @Override
        public List<String> microphones() {
            return List.of("Headset mic");
        }
    };

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private ExecutorService files;
    private SettingsModel model;
    private SettingsView view;
    private Scene scene;

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
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        files.shutdownNow();
    }

    /** Shows the page for the settings under {@code dataRoot}, wired the way the main window wires it. */
    private void open(Path dataRoot) throws Exception {
        SettingsStore store = SettingsStore.in(dataRoot);
        SettingsStore.Loaded loaded = store.load();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new SettingsModel(store, loaded.settings(), loaded.problems(), files, DEVICES);
            view = new SettingsView(model, () -> List.of("opener", "behavioural"));
            scene = new Scene((Parent) view.root(), 1100, 720);
            Look.apply(scene, model.settings().get());
            model.settings().addListener((obs, old, now) -> Look.apply(scene, now));
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends javafx.scene.Node> T find(String id) {
        return robot.lookup(id).query();
    }

    /** Scrolls {@code id} into view, as a user would before clicking it. */
    private <T extends javafx.scene.Node> T reveal(String id) {
        T node = find(id);
        robot.interact(() -> view.reveal(node));
        return node;
    }

    private String message() {
        return this.<Label>find("#settings-message").getText();
    }

    @Test
    void savingWritesTheChangesToTheFileAndPutsThemInForce() throws Exception {
        open(dir);
        Spinner<Integer> think = find("#settings-think");
        robot.interact(() -> think.getEditor().clear());
        robot.clickOn(think.getEditor()).write("7");
        TextArea fillers = find("#settings-fillers");
        robot.interact(() -> fillers.setText("like\nhonestly\n\n  basically \nLike\n"));
        ComboBox<Settings.Theme> theme = find("#settings-theme");
        robot.interact(() -> theme.setValue(Settings.Theme.DARK));
        TextField profile = reveal("#settings-profile");
        robot.interact(profile::clear);
        robot.clickOn(profile).write("sam");
        ComboBox<DeviceChoice> camera = find("#settings-camera");
        robot.interact(() -> camera.setValue(camera.getItems().stream().filter(c -> c.spec().equals("synthetic"))
                .findFirst().orElseThrow()));
        assertThat(find("#settings-dirty").isVisible()).isTrue();

        robot.clickOn("#settings-save");
        waitUntil(() -> model.settings().get().profile().equals("sam"));

        SettingsStore.Loaded onDisk = SettingsStore.in(dir).load();
        assertThat(onDisk.problems()).isEmpty();
        Settings saved = onDisk.settings();
        assertThat(saved.thinkSeconds()).isEqualTo(7);
        assertThat(saved.fillers()).containsExactly("like", "honestly", "basically");
        assertThat(saved.theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(saved.profile()).isEqualTo("sam");
        assertThat(saved.camera()).isEqualTo("synthetic");
        assertThat(saved.toneCues()).isEqualTo(MetricSettings.DEFAULT_TONE_CUES);
        assertThat(model.settings().get()).isEqualTo(saved);
        assertThat(message()).isEqualTo("Saved to " + dir.resolve("settings.json") + ".");
        assertThat(fillers.getText()).isEqualTo("like\nhonestly\nbasically");
        assertThat(model.dirty().get()).isFalse();
        assertThat(find("#settings-dirty").isVisible()).isFalse();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
    }

    @Test
    void aCategoryTargetTypedInTheTableIsSavedWithCtrlS() throws Exception {
        open(dir);
        TableView<String> table = find("#settings-category-targets");
        assertThat(table.getItems()).containsExactly("behavioural", "motivation", "opener");
        @SuppressWarnings("unchecked")
        TableColumn<String, ?> own = table.getColumns().get(1);
        robot.interact(() -> {
            table.requestFocus();
            table.edit(0, own);
        });
        robot.write("2:30").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.categoryTargets()).containsEntry("behavioural", 150);
        robot.interact(() -> table.edit(2, own));
        robot.write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message()).contains("Target for opener not changed", "from 15 to 600 seconds");
        assertThat(model.categoryTargets()).containsEntry("opener", 90);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> message().startsWith("Saved to "));
        Settings saved = SettingsStore.in(dir).load().settings();
        assertThat(saved.categoryTargets()).isEqualTo(Map.of("behavioural", 150, "opener", 90, "motivation", 90));
        assertThat(saved.targetFor("behavioural")).isEqualTo(150);
    }

    @Test
    void aProblemWithTheSettingsFileIsShownNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"thinkSeconds\": 99, \"profile\": \"kim\"}");
        open(dir);
        assertThat(message()).contains(dir.resolve("settings.json") + ": setting \"thinkSeconds\"");
        assertThat(find("#settings-message").getStyleClass()).contains("danger");
        assertThat(this.<TextField>find("#settings-profile").getText()).isEqualTo("kim");
    }

    @Test
    void revertPutsBackTheSettingsInForceAndWritesNothing() throws Exception {
        open(dir);
        TextField profile = find("#settings-profile");
        TextArea tone = find("#settings-tone");
        Spinner<Integer> font = find("#settings-font");
        robot.interact(() -> {
            profile.setText("alex");
            tone.setText("awful");
            font.getValueFactory().setValue(22);
        });
        assertThat(model.dirty().get()).isTrue();

        robot.clickOn("#settings-revert");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(profile.getText()).isEqualTo(Attempt.DEFAULT_PROFILE);
        assertThat(SettingsText.phrases(tone.getText())).isEqualTo(MetricSettings.DEFAULT_TONE_CUES);
        assertThat(font.getValue()).isEqualTo(Settings.defaults().fontSize());
        assertThat(model.dirty().get()).isFalse();
        assertThat(model.draft()).isEqualTo(model.settings().get());
        assertThat(dir.resolve("settings.json")).doesNotExist();
    }

    @Test
    void aFailedSaveNamesTheFileAndKeepsTheChanges() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the data folder should be");
        Path dataRoot = blocker.resolve("data");
        open(dataRoot);
        TextField profile = find("#settings-profile");
        robot.interact(() -> profile.setText("sam"));

        robot.clickOn("#settings-save");
        waitUntil(() -> message().startsWith("Could not save"));

        assertThat(message()).contains(dataRoot.resolve("settings.json").toString());
        assertThat(find("#settings-message").getStyleClass()).contains("danger");
        assertThat(model.settings().get().profile()).isEqualTo(Attempt.DEFAULT_PROFILE);
        assertThat(profile.getText()).isEqualTo("sam");
        assertThat(model.dirty().get()).isTrue();
    }

    @Test
    void theDevicesFoundAreOfferedBesideTheOtherSources() throws Exception {
        open(dir);
        ComboBox<DeviceChoice> camera = find("#settings-camera");
        ComboBox<DeviceChoice> microphone = find("#settings-microphone");
        waitUntil(() -> model.devicesListed().get());
        assertThat(camera.getItems()).extracting(DeviceChoice::label).containsExactly(
                "First camera found (Desk cam)", "Desk cam", "Test pattern (synthetic)", "Off", "Video file…");
        assertThat(camera.getValue().spec()).isEqualTo("default");
        assertThat(microphone.getItems()).extracting(DeviceChoice::label).containsExactly(
                "System default microphone", "Headset mic", "Off", "Sound file…");
        assertThat(this.<Label>find("#settings-devices").getText()).isEqualTo("Found 1 camera and 1 microphone.");

        Path clip = Files.writeString(dir.resolve("answer.wav"), "");
        robot.interact(() -> microphone.setValue(new DeviceChoice("file:" + clip, "Sound file: answer.wav")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.microphone().get()).isEqualTo("file:" + clip);
        assertThat(microphone.getItems()).extracting(DeviceChoice::label).contains("Sound file: answer.wav");
        assertThat(microphone.getValue().spec()).isEqualTo("file:" + clip);
    }

    @Test
    void resetToDefaultsPutsBackTheShippedWordLists() throws Exception {
        open(dir);
        TextArea fillers = find("#settings-fillers");
        TextArea tone = find("#settings-tone");
        robot.interact(() -> {
            fillers.setText("whatever");
            tone.setText("");
        });
        reveal("#settings-fillers-reset");
        robot.clickOn("#settings-fillers-reset");
        reveal("#settings-tone-reset");
        robot.clickOn("#settings-tone-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.draft().fillers()).isEqualTo(MetricSettings.DEFAULT_FILLERS);
        assertThat(model.draft().toneCues()).isEqualTo(MetricSettings.DEFAULT_TONE_CUES);
        assertThat(model.dirty().get()).isFalse();
    }

    @Test
    void lookSwitchesTheThemeAndTheFontSize() throws Exception {
        open(dir);
        Label message = find("#settings-message");
        robot.interact(() -> {
            Look.apply(scene, Settings.defaults().withLook(Settings.Theme.DARK, 20));
            scene.getRoot().applyCss();
        });
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(message.getFont().getSize()).isEqualTo(20);

        robot.interact(() -> {
            Look.apply(scene, Settings.defaults().withLook(Settings.Theme.LIGHT, 12));
            scene.getRoot().applyCss();
        });
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(message.getFont().getSize()).isEqualTo(12);
        assertThat(scene.getRoot().getStyle()).isEqualTo("-fx-font-size: 12px;");
    }

    @Test
    void focusMovingBelowTheVisiblePartScrollsThePage() throws Exception {
        open(dir);
        TextField profile = find("#settings-profile");
        javafx.scene.control.ScrollPane scroll = robot.lookup("#settings-page .scroll-pane").query();
        assertThat(scroll.getVvalue()).isZero();
        robot.interact(profile::requestFocus);
        assertThat(scroll.getVvalue()).isPositive();
        robot.clickOn(profile).write("x");
        assertThat(profile.getText()).isEqualTo(Attempt.DEFAULT_PROFILE + "x");
    }

    @Test
    void lookKeepsOtherInlineRulesOfTheRoot() {
        assertThat(Look.withFontSize("-fx-padding: 4; -fx-font-size: 9px;", 16))
                .isEqualTo("-fx-font-size: 16px; -fx-padding: 4;");
        assertThat(Look.withFontSize(null, 10)).isEqualTo("-fx-font-size: 10px;");
    }
}
