package app.retake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import app.retake.faults.TakeFixtures;
import app.retake.faults.TrialKit;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.privacy.NetworkWatch;
import app.retake.privacy.OpenSockets;
import app.retake.ui.practice.PracticeModel.Phase;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.KeyCode;

/** The real window, headless: it opens no socket while starting and recording, and cleans up old videos. */
class PrivacyWindowTest {

    @TempDir
    Path dir;

    private final AppWindow screen = new AppWindow();
    private final FxRobot robot = screen.robot;
    private MainWindow window;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        AppWindow.registerToolkit();
    }

    @AfterEach
    void close() throws TimeoutException {
        screen.close();
    }

    private void open(Path data, Path banks) throws Exception {
        window = screen.open(data, banks);
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        AppWindow.waitUntil(60, condition);
    }

    private String text(String query) {
        return screen.text(query);
    }

    private void press(KeyCode key) {
        screen.press(key);
    }

    @Test
    void startingTheWindowAndRecordingATakeOpenNoSocket() throws Exception {
        Assumptions.assumeTrue(OpenSockets.supported(), "listing a process's sockets needs Linux");
        Path wav = TrialKit.answerWav(dir.resolve("audio"), 1);
        Path banks = TrialKit.bank(dir.resolve("banks"));
        Path data = AppWindow.data(dir, AppWindow.testDevices(wav, ""));
        try (NetworkWatch watch = NetworkWatch.start(java.time.Duration.ofMillis(20)).orElseThrow()) {
            open(data, banks);
            watch.check("opening the window");
            waitUntil(() -> !text("#status-speech-model").startsWith("Loading"));
            Assumptions.assumeTrue(text("#status-speech-model").startsWith("Speech model ready"),
                    "speech model missing");
            watch.check("speech model loaded");
            press(KeyCode.SPACE);
            waitUntil(() -> window.practice().phase().get() == Phase.QUESTION);
            press(KeyCode.SPACE);
            waitUntil(() -> window.practice().phase().get() == Phase.RECORDING);
            waitUntil(() -> window.practice().elapsed().get() >= 3);
            watch.check("recording");
            press(KeyCode.SPACE);
            waitUntil(() -> window.review().take().get().isPresent());
            watch.check("reviewing");
            assertThat(window.review().take().get().orElseThrow().transcript()).isPresent();
            assertThat(watch.sightings()).isEmpty();
            assertThat(watch.looks()).isGreaterThan(50);
        }
    }

    @Test
    void oldVideosAreDeletedWhenTheWindowOpensAndTheHistorySaysSo() throws Exception {
        Path banks = TrialKit.bank(dir.resolve("banks"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path video = TakeFixtures.tinyVideo(dir.resolve("source"));
        LocalDate day = LocalDate.now().minusDays(40);
        TakeFixtures.make(new TakeFixtures.Spec(data, day, "session-090000", "take-01", "me", Optional.of(video),
                true, Optional.of(Rating.GOOD)));
        TakeFiles old = TakeFiles.of(data, day, "session-090000", "take-01");
        Files.writeString(data.resolve("settings.json"), "{\"camera\": \"none\", \"microphone\": \"none\", "
                + "\"keepVideoDays\": 30}");

        open(data, banks);
        waitUntil(() -> !Files.exists(old.video()));
        assertThat(old.transcript()).exists();
        assertThat(old.review()).exists();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.clickOn("#progress-tab-history");
        waitUntil(() -> robot.lookup(".tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .anyMatch(c -> String.valueOf(c.getText()).endsWith("· video deleted (retention)")));
    }
}
