package app.retake.ui.practice;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * A camera frame shrunk to the size the preview shows, as ARGB pixels. Made on the camera's thread, so the FX
 * thread only copies a small image each frame instead of converting and scaling a full one.
 */
public record PreviewPixels(int width, int height, int[] argb) {

    /** Shrinks {@code frame} to at most {@code maxWidth} wide, keeping its shape (nearest pixel, no smoothing). */
    public static PreviewPixels of(BufferedImage frame, int maxWidth) {
        return of(frame, maxWidth, null);
    }

    /** As {@link #of(BufferedImage, int)}, into {@code reuse} when it is large enough, so nothing is allocated. */
    public static PreviewPixels of(BufferedImage frame, int maxWidth, int[] reuse) {
        int sw = frame.getWidth();
        int sh = frame.getHeight();
        int w = Math.min(sw, Math.max(1, maxWidth));
        int h = Math.max(1, (int) Math.round(sh * (double) w / sw));
        int[] out = reuse != null && reuse.length >= w * h ? reuse : new int[w * h];
        int[] columns = new int[w];
        for (int x = 0; x < w; x++) {
            columns[x] = (int) ((long) x * sw / w);
        }
        int type = frame.getType();
        boolean plain = frame.getRaster().getSampleModelTranslateX() == 0
                && frame.getRaster().getSampleModelTranslateY() == 0;
        if (plain && type == BufferedImage.TYPE_3BYTE_BGR
                && frame.getRaster().getDataBuffer() instanceof DataBufferByte bytes) {
            byte[] bgr = bytes.getData();
            for (int y = 0; y < h; y++) {
                int row = (int) ((long) y * sh / h) * sw;
                for (int x = 0; x < w; x++) {
                    int j = (row + columns[x]) * 3;
                    out[y * w + x] = 0xff000000 | (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8
                            | (bgr[j] & 0xff);
                }
            }
        } else if (plain && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && frame.getRaster().getDataBuffer() instanceof DataBufferInt ints) {
            int[] data = ints.getData();
            int alpha = type == BufferedImage.TYPE_INT_RGB ? 0xff000000 : 0;
            for (int y = 0; y < h; y++) {
                int row = (int) ((long) y * sh / h) * sw;
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = data[row + columns[x]] | alpha;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                int sy = (int) ((long) y * sh / h);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = frame.getRGB(columns[x], sy);
                }
            }
        }
        return new PreviewPixels(w, h, out);
    }
}
