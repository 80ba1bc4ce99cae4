package app.retake.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class PreviewPixelsTest {

    private static BufferedImage halves(int type, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, type);
        var g = image.createGraphics();
        g.setColor(new Color(200, 30, 10));
        g.fillRect(0, 0, w / 2, h);
        g.setColor(new Color(5, 100, 250));
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return image;
    }

    @Test
    void aCameraFrameIsShrunkToThePreviewWidthKeepingItsShapeAndColours() {
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_USHORT_565_RGB}) {
            PreviewPixels p = PreviewPixels.of(halves(type, 640, 480), 400);
            assertThat(p.width()).isEqualTo(400);
            assertThat(p.height()).isEqualTo(300);
            int left = p.argb()[150 * 400 + 10];
            int right = p.argb()[150 * 400 + 390];
            assertThat(left >>> 24).as("opaque").isEqualTo(0xff);
            assertThat((left >> 16) & 0xff).isBetween(192, 208);
            assertThat(right & 0xff).isBetween(240, 255);
            assertThat((right >> 16) & 0xff).isBetween(0, 12);
        }
    }

    @Test
    void aSmallFrameIsNotEnlarged() {
        PreviewPixels p = PreviewPixels.of(halves(BufferedImage.TYPE_3BYTE_BGR, 320, 240), 400);
        assertThat(p.width()).isEqualTo(320);
        assertThat(p.height()).isEqualTo(240);
    }

    @Test
    void aBufferLargeEnoughIsFilledInsteadOfANewOne() {
        int[] reuse = new int[400 * 300];
        PreviewPixels p = PreviewPixels.of(halves(BufferedImage.TYPE_3BYTE_BGR, 640, 480), 400, reuse);
        assertThat(p.argb()).isSameAs(reuse);
        assertThat(PreviewPixels.of(halves(BufferedImage.TYPE_3BYTE_BGR, 640, 480), 400, new int[10]).argb())
                .hasSize(400 * 300);
    }
}
