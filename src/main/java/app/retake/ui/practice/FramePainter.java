package app.retake.ui.practice;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Paints preview frames into one reused image, so the preview allocates nothing per frame on the FX thread. */
final class FramePainter {

    private WritableImage image;

    /** Paints {@code pixels} and returns the image they are in; the same image while the size stays the same. */
    WritableImage paint(PreviewPixels pixels) {
        if (image == null || (int) image.getWidth() != pixels.width() || (int) image.getHeight() != pixels.height()) {
            image = new WritableImage(pixels.width(), pixels.height());
        }
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
        return image;
    }
}
