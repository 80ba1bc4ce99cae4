package app.retake.ui.practice;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Paints camera frames into one reused image for the preview. Copying the pixels straight into a reused buffer
 * keeps the preview from allocating megabytes a second, which would otherwise swell the heap during a take.
 */
final class FramePainter {

    private WritableImage image;
    private int[] argb = new int[0];

    /** Paints {@code frame} and returns the image it is in; the same image while the size stays the same. */
    WritableImage paint(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            argb = new int[w * h];
        }
        int type = frame.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR && frame.getRaster().getDataBuffer() instanceof DataBufferByte b
                && b.getData().length >= w * h * 3 && frame.getRaster().getSampleModelTranslateX() == 0) {
            byte[] bgr = b.getData();
            for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
                argb[i] = 0xff000000 | (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
            }
        } else if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && frame.getRaster().getDataBuffer() instanceof DataBufferInt b && b.getData().length >= w * h
                && frame.getRaster().getSampleModelTranslateX() == 0) {
            int[] data = b.getData();
            int alpha = type == BufferedImage.TYPE_INT_RGB ? 0xff000000 : 0;
            for (int i = 0; i < argb.length; i++) {
                argb[i] = data[i] | alpha;
            }
        } else {
            frame.getRGB(0, 0, w, h, argb, 0, w);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }
}
