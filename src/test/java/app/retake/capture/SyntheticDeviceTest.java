package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The generated test pattern, on a fake clock. */
class SyntheticDeviceTest {

    private final FakeTime time = new FakeTime();
    private final SyntheticDevice device = new SyntheticDevice(time, time);

    @Test
    void offersTheStandardSizesAndOpensAt640x480UnlessToldOtherwise() {
        assertThat(device.getResolutions()).containsExactly(
                new Dimension(640, 480), new Dimension(1280, 720), new Dimension(320, 240));
        assertThat(device.getResolution()).isEqualTo(new Dimension(640, 480));
    }

    @Test
    void framesHaveTheChosenSizeInBgrAndThePatternMovesFromFrameToFrame() {
        device.setResolution(new Dimension(1280, 720));
        device.open();

        BufferedImage first = device.getImage();
        BufferedImage second = device.getImage();

        assertThat(first.getWidth()).isEqualTo(1280);
        assertThat(first.getHeight()).isEqualTo(720);
        assertThat(first.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(first).isNotSameAs(second);
        assertThat(bytes(first)).isNotEqualTo(bytes(second));
    }

    @Test
    void theSameFrameNumberAlwaysDrawsTheSamePicture() {
        assertThat(bytes(SyntheticDevice.render(320, 240, 42, 30)))
                .isEqualTo(bytes(SyntheticDevice.render(320, 240, 42, 30)))
                .isNotEqualTo(bytes(SyntheticDevice.render(320, 240, 43, 30)));
    }

    @Test
    void framesComeAtTheSetRateLikeACamera() {
        device.setParameters(Map.of(SyntheticDevice.FPS, 10));
        device.open();

        device.getImage();
        assertThat(time.elapsed()).isZero();
        device.getImage();
        device.getImage();

        assertThat(device.getFPS()).isEqualTo(10);
        assertThat(time.elapsed()).isEqualTo(200_000_000L);
    }

    @Test
    void aLateReaderGetsTheCurrentFrameAtOnceAndTheMissedOnesAreCounted() {
        device.requestFps(10);
        device.open();
        device.getImage();

        time.advance(450_000_000L);
        BufferedImage late = device.getImage();

        assertThat(time.slept()).isZero();
        assertThat(device.skippedFrames()).isEqualTo(3);
        // Frame 4 is the one due at 0.4 s: the reader sees what the camera shows now, not frame 1.
        assertThat(bytes(late)).isEqualTo(bytes(SyntheticDevice.render(640, 480, 4, 10)));
    }

    @Test
    void aClosedDeviceGivesNoPicture() {
        assertThat(device.getImage()).isNull();
        device.open();
        assertThat(device.isOpen()).isTrue();
        device.close();
        assertThat(device.isOpen()).isFalse();
        assertThat(device.getImage()).isNull();
    }

    static byte[] bytes(BufferedImage image) {
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return Arrays.copyOf(data, data.length);
    }
}
