package app.retake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import app.retake.capture.RecorderSettings;
import app.retake.capture.Resolution;
import app.retake.capture.TakeRecorder;
import app.retake.capture.VideoFrame;
import app.retake.history.TakeFiles;
import javafx.application.Platform;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;

/**
 * JavaFX's own player must play what the recorder writes: both a finished take and the fragmented file a crash
 * leaves behind. Video only, because a machine without a sound card cannot play audio at all.
 */
class RecordingPlaybackTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static BufferedImage image(int n) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(new Color((n * 5) % 256, 120, 60));
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return image;
    }

    /** Plays {@code file} muted until it has run for half a second; returns the media's duration in seconds. */
    private static double play(Path file) throws Exception {
        CompletableFuture<Double> result = new CompletableFuture<>();
        // The player must stay strongly reachable while it plays, or it can be collected mid-playback.
        MediaPlayer[] held = new MediaPlayer[1];
        Platform.runLater(() -> {
            try {
                Media media = new Media(file.toUri().toString());
                MediaPlayer player = new MediaPlayer(media);
                held[0] = player;
                player.setMute(true);
                player.setOnError(() -> result.completeExceptionally(player.getError()));
                player.setOnReady(player::play);
                player.currentTimeProperty().addListener((obs, old, now) -> {
                    if (now.toSeconds() > 0.5 && !result.isDone()) {
                        result.complete(media.getDuration().toSeconds());
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(90, TimeUnit.SECONDS); // a guard against hanging, not a timing assertion
        } finally {
            Platform.runLater(() -> {
                if (held[0] != null) {
                    held[0].dispose();
                }
            });
        }
    }

    @Test
    void aFinishedTakeAndACrashLeftRecordingBothPlay() throws Exception {
        TakeFiles files = TakeFiles.of(dir, LocalDate.of(2026, 11, 22), "s", "t");
        TakeRecorder recorder = new TakeRecorder(files, RecorderSettings.of(new Resolution(320, 240), 30, 0), 1000);
        long t0 = 1_000_000_000L;
        recorder.start(t0);
        for (int i = 0; i < 120; i++) {
            recorder.offerVideo(new VideoFrame(t0 + Math.round(i * 1e9 / 30), i, image(i)));
        }
        Path crashed = dir.resolve("crashed" + TakeFiles.RECORDING_SUFFIX);
        for (int tries = 0; tries < 250 && Files.size(files.recording()) < 40_000; tries++) {
            Thread.sleep(20);
        }
        Files.copy(files.recording(), crashed);
        Path finished = recorder.stop().file();

        assertThat(play(finished)).isBetween(3.8, 4.2);
        assertThat(play(crashed)).isGreaterThan(0.9);
    }
}
