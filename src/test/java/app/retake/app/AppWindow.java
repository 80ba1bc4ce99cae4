package app.retake.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.storage.Locations;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/**
 * The real main window in a test, headless under Monocle: built on the folders a test prepares, as the app builds
 * it, and closed with every window it opened when the test ends. Call {@link #registerToolkit()} once per class.
 */
final class AppWindow {

    /** The speech model the build fetched. */
    static final Path MODEL = Path.of(System.getProperty("retake.model.dir", "models/vosk-model-en-us"));

    final FxRobot robot = new FxRobot();
    Services services;
    MainWindow window;
    javafx.stage.Stage stage;

    static void registerToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /** A question-bank folder {@code dir/question-banks} holding the bundled core bank. */
    static Path coreBanks(Path dir) throws IOException {
        Path banks = Files.createDirectories(dir.resolve("question-banks"));
        Files.copy(Path.of("question-banks", "core.csv"), banks.resolve("core.csv"));
        return banks;
    }

    /** A data root {@code dir/data} whose {@code settings.json} holds {@code settingsJson}. */
    static Path data(Path dir, String settingsJson) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("settings.json"), settingsJson);
        return data;
    }

    /**
     * Settings for takes with the test-pattern camera at 320x240 and {@code wav} played as the microphone.
     *
     * @param moreFields further fields, each starting with a comma: {@code , "profile": "sam"}
     */
    static String testDevices(Path wav, String moreFields) {
        return "{\"camera\": \"synthetic\", \"microphone\": \"file:" + wav.toString().replace("\\", "\\\\")
                + "\", \"videoSize\": \"320x240\"" + moreFields + "}";
    }

    /** Opens the window with the build's speech model and starts its background work, as the app does. */
    MainWindow open(Path data, Path banks) throws TimeoutException {
        return open(data, banks, MODEL, true);
    }

    /**
     * Opens the window on these folders.
     *
     * @param backgroundWork whether to start the device checks, the model load and the data check, as the app does
     */
    MainWindow open(Path data, Path banks, Path model, boolean backgroundWork) throws TimeoutException {
        services = new Services(new Locations(data, banks, model, Optional.empty()));
        FxToolkit.setupStage(stage -> {
            MainWindow.applyTheme();
            window = new MainWindow(services);
            window.attach(stage);
            this.stage = stage;
            stage.show();
            if (backgroundWork) {
                window.startBackgroundWork();
            }
        });
        return window;
    }

    /** Hides the window and any other a test opened (console, dialogs), then closes the services. */
    void close() throws TimeoutException {
        FxToolkit.hideStage();
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        if (services != null) {
            services.close();
        }
    }

    static void waitUntil(int seconds, Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    void press(KeyCode key) {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
