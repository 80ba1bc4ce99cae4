package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.sarxos.webcam.WebcamException;

/** A video file played as a camera, on a fake clock, from a clip whose every frame has its own colour. */
class FileDeviceTest {

    private static final long PERIOD = 100_000_000L;

    @TempDir
    static Path dir;
    static Path video;

    private final FakeTime time = new FakeTime();
    private FileDevice device;

    @BeforeAll
    static void writeVideo() throws IOException {
        video = TestVideos.write(dir.resolve("colours.mp4"));
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void offersTheFilesOwnSizeFirstAndItsFrameRate() {
        device = new FileDevice(video, time, time);

        assertThat(device.getName()).isEqualTo("file:" + video.toAbsolutePath());
        assertThat(device.getResolutions()[0]).isEqualTo(new Dimension(TestVideos.WIDTH, TestVideos.HEIGHT));
        assertThat(device.getResolutions()).contains(new Dimension(640, 480), new Dimension(1280, 720));
        assertThat(device.getFPS()).isEqualTo(TestVideos.FPS);
    }

    @Test
    void playsTheFramesInOrderAtTheFilesRateAndLoopsAfterTheLast() {
        device = open(new Dimension(TestVideos.WIDTH, TestVideos.HEIGHT));

        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < TestVideos.FRAMES + 5; i++) {
            BufferedImage image = device.getImage();
            assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            shown.add(TestVideos.frameShown(image));
        }

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < TestVideos.FRAMES + 5; i++) {
            expected.add(i % TestVideos.FRAMES);
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(device.loops()).isEqualTo(1);
        assertThat(time.elapsed()).isEqualTo((TestVideos.FRAMES + 4) * PERIOD);
    }

    @Test
    void eachPictureIsTheReadersOwnNotABufferTheDecoderRefills() {
        device = open(new Dimension(TestVideos.WIDTH, TestVideos.HEIGHT));

        BufferedImage first = device.getImage();
        device.getImage();
        device.getImage();

        assertThat(TestVideos.frameShown(first)).isZero();
    }

    @Test
    void picturesAreScaledToTheChosenSize() {
        device = open(new Dimension(640, 480));

        device.getImage();
        BufferedImage second = device.getImage();

        assertThat(second.getWidth()).isEqualTo(640);
        assertThat(second.getHeight()).isEqualTo(480);
        assertThat(TestVideos.frameShown(second)).isEqualTo(1);
    }

    @Test
    void aLateReaderSeesTheFrameOfTheMomentSoTheFileKeepsRealTime() {
        device = open(new Dimension(TestVideos.WIDTH, TestVideos.HEIGHT));
        device.getImage();

        time.advance(3 * PERIOD + PERIOD / 2);

        assertThat(TestVideos.frameShown(device.getImage())).isEqualTo(3);
        assertThat(TestVideos.frameShown(device.getImage())).isEqualTo(4);
    }

    @Test
    void askedForFewerFramesThanTheFileHasItSkipsFramesRatherThanPlaySlowly() {
        device = new FileDevice(video, time, time);
        assertThat(device.requestFps(5)).isEqualTo(5);
        device.setResolution(new Dimension(TestVideos.WIDTH, TestVideos.HEIGHT));
        device.open();

        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shown.add(TestVideos.frameShown(device.getImage()));
        }

        assertThat(shown).containsExactly(0, 2, 4, 6);
        assertThat(device.getFPS()).isEqualTo(5);
    }

    @Test
    void aMissingFileFailsAtOpenNamingIt() {
        Path missing = dir.resolve("no-such-clip.mp4");
        device = new FileDevice(missing, time, time);

        assertThat(device.getResolutions()).isNotEmpty();
        assertThatThrownBy(device::open)
                .isInstanceOf(WebcamException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThat(device.isOpen()).isFalse();
    }

    @Test
    void aFileThatIsNotAVideoFailsAtOpenNamingIt() throws IOException {
        Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "these are not the frames you are looking for");
        device = new FileDevice(notVideo, time, time);

        assertThatThrownBy(device::open)
                .isInstanceOf(WebcamException.class)
                .hasMessageContaining(notVideo.toString())
                .hasMessageContaining("could not be read as a video");
    }

    private FileDevice open(Dimension size) {
        FileDevice opened = new FileDevice(video, time, time);
        opened.setResolution(size);
        opened.open();
        return opened;
    }
}
