package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.sarxos.webcam.Webcam;

/** Opening cameras by setting, through the installed driver and webcam-capture, on a machine with no webcam. */
class CamerasTest {

    @TempDir
    static Path dir;
    static Path video;

    private final List<VideoFrame> frames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void writeVideo() throws IOException {
        video = TestVideos.write(dir.resolve("colours.mp4"));
    }

    @Test
    void noneMeansAudioOnly() throws DeviceException {
        assertThat(Cameras.open("none", Cameras.STANDARD, 30)).isEmpty();
        assertThat(Cameras.open("NONE", Cameras.STANDARD, 30)).isEmpty();
    }

    @Test
    void theDefaultCameraOnAMachineWithoutOneSaysTakesWillBeAudioOnly() {
        assumeTrue(machineHasNoCamera(), "this machine has a camera");

        assertThatThrownBy(() -> Cameras.open("default", Cameras.STANDARD, 30))
                .isInstanceOf(DeviceException.class)
                .hasMessage("No camera found; takes will be audio-only.");
    }

    @Test
    void anUnknownCameraIsNamedInTheError() {
        assertThatThrownBy(() -> Cameras.open("Studio Cam 3000", Cameras.STANDARD, 30))
                .isInstanceOf(DeviceException.class)
                .hasMessageStartingWith("No camera named \"Studio Cam 3000\" was found;");
    }

    @Test
    void aMissingVideoFileIsNamedInTheError() {
        Path missing = dir.resolve("no-such-clip.mp4");

        assertThatThrownBy(() -> Cameras.open("file:" + missing, Cameras.STANDARD, 30))
                .isInstanceOf(DeviceException.class)
                .hasMessage("The video file \"" + missing.toAbsolutePath() + "\" does not exist.");
    }

    @ParameterizedTest
    @CsvSource({"640, 480", "1280, 720"})
    void theSyntheticCameraDeliversMovingFramesInOrderAtTheChosenSize(int width, int height) throws Exception {
        Camera camera = Cameras.open("synthetic", new Resolution(width, height), 30).orElseThrow();
        try {
            assertThat(camera.name()).isEqualTo("synthetic");
            assertThat(camera.size()).isEqualTo(new Resolution(width, height));
            assertThat(camera.fps()).isEqualTo(30);
            camera.start(CaptureClock.system(), frames::add);
            Waiting.until("a second of frames arrives", () -> frames.size() >= 30);
        } finally {
            camera.stop();
        }

        assertThat(camera.failure()).isEmpty();
        List<VideoFrame> seen = List.copyOf(frames);
        assertThat(camera.framesCaptured()).isEqualTo(seen.size());
        for (int i = 0; i < seen.size(); i++) {
            VideoFrame frame = seen.get(i);
            assertThat(frame.sequence()).isEqualTo(i);
            assertThat(frame.image().getWidth()).isEqualTo(width);
            assertThat(frame.image().getHeight()).isEqualTo(height);
            assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            if (i > 0) {
                VideoFrame previous = seen.get(i - 1);
                assertThat(frame.captureNanos()).isGreaterThan(previous.captureNanos());
                assertThat(bytes(frame.image())).as("frame %d differs from the one before", i)
                        .isNotEqualTo(bytes(previous.image()));
            }
        }
    }

    @Test
    void aVideoFileCameraPlaysTheFileInOrder() throws Exception {
        Camera camera = Cameras.open("file:" + video, new Resolution(320, 240), 30).orElseThrow();
        try {
            assertThat(camera.name()).isEqualTo("file:" + video.toAbsolutePath());
            assertThat(camera.fps()).as("a file plays no faster than it was made").isEqualTo(TestVideos.FPS);
            camera.start(CaptureClock.system(), frames::add);
            Waiting.until("five frames arrive", () -> frames.size() >= 5);
        } finally {
            camera.stop();
        }

        List<Integer> shown = frames.stream().map(f -> TestVideos.frameShown(f.image())).toList();
        assertThat(shown.get(0)).isZero();
        // In order; a frame may be skipped if this machine was too busy to read it in time, never repeated.
        assertThat(shown.subList(0, 5)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void softwareCamerasAreListedByTheDriverButNotCountedAsCamerasTheMachineHas() throws Exception {
        Cameras.open("synthetic", Cameras.STANDARD, 30).orElseThrow().close();
        Cameras.open("file:" + video, Cameras.STANDARD, 30).orElseThrow().close();

        List<String> listed = Webcam.getWebcams(5_000).stream().map(Webcam::getName).toList();
        DeviceScan<CameraInfo> scan = new CameraDiscovery().scan(Duration.ofSeconds(5));

        assertThat(listed).contains("synthetic", "file:" + video.toAbsolutePath());
        assertThat(scan.error()).isEmpty();
        assertThat(scan.devices()).extracting(CameraInfo::name)
                .doesNotContain("synthetic", "file:" + video.toAbsolutePath());
    }

    @Test
    void installingTheDriverTwiceKeepsTheSameOne() {
        assertThat(Cameras.installDriver()).isSameAs(Cameras.installDriver()).isSameAs(Webcam.getDriver());
    }

    private static boolean machineHasNoCamera() {
        DeviceScan<CameraInfo> scan = new CameraDiscovery().scan(CameraDiscovery.SEARCH_LIMIT);
        return scan.error().isEmpty() && scan.devices().isEmpty();
    }

    private static byte[] bytes(BufferedImage image) {
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return Arrays.copyOf(data, data.length);
    }
}
