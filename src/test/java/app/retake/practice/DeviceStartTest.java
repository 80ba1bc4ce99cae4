package app.retake.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.capture.AudioChunk;
import app.retake.capture.Camera;
import app.retake.capture.CaptureClock;
import app.retake.capture.Cameras;
import app.retake.capture.DeviceException;
import app.retake.capture.FileMicrophone;
import app.retake.capture.Microphone;
import app.retake.capture.Resolution;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.VideoFrame;
import app.retake.history.TakeFiles;
import app.retake.speech.MetricSettings;
import app.retake.speech.SpeechModelService;

/**
 * A device that opened but will not start (unplugged since the last take, taken by another program) costs only
 * itself: the take records with the other one and says what is missing.
 */
class DeviceStartTest {

    @TempDir
    Path dir;

    private final SpeechModelService noModel = new SpeechModelService(Path.of("no-model-here"));

    @AfterEach
    void close() {
        noModel.close();
    }

    /** A sound card that is gone: it opens (nothing is claimed until then) but will not start. */
    static final class GoneMicrophone implements Microphone {
        @Override
        public String name() {
            return "USB headset";
        }

        @Override
        public int sampleRate() {
            return 48_000;
        }

        @Override
        public void start(CaptureClock clock, Consumer<AudioChunk> sink) throws DeviceException {
            throw new DeviceException("No microphone found, so \"USB headset\" cannot be used.");
        }

        @Override
        public void stop() {
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }
    }

    /** A camera that was there when listed and is gone when started. */
    static final class GoneCamera implements Camera {
        @Override
        public String name() {
            return "USB camera";
        }

        @Override
        public Resolution size() {
            return new Resolution(320, 240);
        }

        @Override
        public double fps() {
            return 30;
        }

        @Override
        public void start(CaptureClock clock, Consumer<VideoFrame> sink) throws DeviceException {
            throw new DeviceException("The camera \"USB camera\" could not be opened: no such device.");
        }

        @Override
        public void stop() {
        }

        @Override
        public long framesCaptured() {
            return 0;
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }
    }

    private Path voice() throws Exception {
        Path wav = dir.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, 2, 16_000);
        return wav;
    }

    private TakeResult record(Devices devices) throws Exception {
        LiveTake take = LiveTake.start(Optional.empty(), new TakeFiles(dir, "take-01"), devices, noModel,
                MetricSettings.defaults(), LiveTake.Listener.NONE);
        Thread.sleep(700);
        return take.stop();
    }

    @Test
    void aMicrophoneThatWillNotStartLeavesATakeWithPictureOnly() throws Exception {
        Devices devices = new Devices(Cameras.open("synthetic", new Resolution(320, 240), 30),
                Optional.of(new GoneMicrophone()), 30, List.of());
        TakeResult result = record(devices);
        assertThat(result.notes()).anyMatch(n -> n.contains("\"USB headset\"") && n.contains("no sound"));
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(result.files().video().toFile())) {
            g.start();
            assertThat(g.hasVideo()).isTrue();
            assertThat(g.hasAudio()).isFalse();
        }
    }

    @Test
    void aCameraThatWillNotStartLeavesATakeWithSoundOnly() throws Exception {
        Devices devices = new Devices(Optional.of(new GoneCamera()), Optional.of(new FileMicrophone(voice(), true)),
                30, List.of());
        TakeResult result = record(devices);
        assertThat(result.notes()).anyMatch(n -> n.contains("\"USB camera\"") && n.contains("audio-only"));
        assertThat(result.stats().audioSeconds()).isPositive();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(result.files().video().toFile())) {
            g.start();
            assertThat(g.hasVideo()).isFalse();
            assertThat(g.hasAudio()).isTrue();
        }
    }

    @Test
    void whenTheOnlyDeviceWillNotStartTheMessageSaysWhatIsMissing() {
        Devices devices = new Devices(Optional.empty(), Optional.of(new GoneMicrophone()), 30,
                List.of("The camera is off in Settings, so this take is audio-only."));
        assertThatThrownBy(() -> record(devices)).isInstanceOf(DeviceException.class)
                .hasMessageContaining("camera is off").hasMessageContaining("\"USB headset\"");
        assertThat(dir.resolve("take-01.recording.mp4")).doesNotExist();
        assertThat(Files.exists(dir.resolve("take-01.mp4"))).isFalse();
    }

    @Test
    void devicesThatCannotBeOpenedAreNamedAndTheOtherIsKept() throws Exception {
        Path wav = voice();
        Devices devices = Devices.open(() -> {
            throw new DeviceException("No camera found; takes will be audio-only.");
        }, () -> Optional.of(new FileMicrophone(wav, true)), 30);
        assertThat(devices.camera()).isEmpty();
        assertThat(devices.microphone()).isPresent();
        assertThat(devices.notes()).containsExactly(
                "No camera found; takes will be audio-only. This take is audio-only.");
    }
}
