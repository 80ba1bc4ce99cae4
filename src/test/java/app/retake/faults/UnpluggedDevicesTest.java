package app.retake.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.capture.AudioChunk;
import app.retake.capture.CaptureClock;
import app.retake.capture.Cameras;
import app.retake.capture.DeviceException;
import app.retake.capture.Resolution;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.VideoFrame;
import app.retake.capture.WebcamCamera;

/** The stand-ins the device trials pull out behave like devices that are pulled out. */
class UnpluggedDevicesTest {

    @TempDir
    Path dir;

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 1_000 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void theMicrophoneDeliversItsChunksThenSaysItWasUnpluggedAndWillNotStartAgain() throws Exception {
        Path wav = dir.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, 1, 16_000);
        AtomicBoolean gone = new AtomicBoolean();
        UnpluggedMicrophone mic = new UnpluggedMicrophone("Desk mic", wav, 10, gone);
        List<AudioChunk> heard = new CopyOnWriteArrayList<>();
        mic.start(CaptureClock.system(), heard::add);
        await(() -> mic.failure().isPresent());
        mic.stop();

        assertThat(heard).hasSize(10);
        assertThat(mic.failure()).hasValueSatisfying(f -> assertThat(f).contains("\"Desk mic\"").contains("unplugged"));
        assertThat(gone).isTrue();
        assertThatThrownBy(() -> mic.start(CaptureClock.system(), heard::add)).isInstanceOf(DeviceException.class)
                .hasMessageContaining("\"Desk mic\"");
    }

    @Test
    void theCameraGivesItsPicturesThenTheWebcamCodeGivesItUpByNameAndItWillNotOpenAgain() throws Exception {
        Cameras.installDriver();
        AtomicBoolean gone = new AtomicBoolean();
        UnpluggedCamera device = new UnpluggedCamera("Desk camera " + System.nanoTime(), 12, false, gone);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), new Resolution(320, 240), 30);
        List<VideoFrame> seen = new CopyOnWriteArrayList<>();
        camera.start(CaptureClock.system(), seen::add);
        await(() -> camera.failure().isPresent());
        camera.stop();

        assertThat(seen).hasSize(12);
        assertThat(camera.failure()).hasValueSatisfying(f -> assertThat(f).contains(device.getName()));
        assertThat(gone).isTrue();
        assertThatThrownBy(() -> WebcamCamera.open(new UnpluggedCamera(device.getName(), 5, false, gone).webcam(),
                new Resolution(320, 240), 30)).isInstanceOf(DeviceException.class);
    }
}
