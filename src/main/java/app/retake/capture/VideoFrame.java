package app.retake.capture;

import java.awt.image.BufferedImage;

/**
 * One camera frame.
 *
 * @param captureNanos capture-clock time the frame was taken
 * @param sequence     0 for a camera's first frame, counting up
 */
public record VideoFrame(long captureNanos, long sequence, BufferedImage image) {
}
