package app.retake.capture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Small H.264 clips whose frames are solid colours, one colour per frame, so decoded frames can be told apart. */
final class TestVideos {

    static final int FRAMES = 20;
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final double FPS = 10;

    private TestVideos() {
    }

    /** Frame {@code n}'s colour: hues far enough apart to survive compression. */
    static Color colour(int n) {
        return Color.getHSBColor((float) n / FRAMES, 1f, n % 2 == 0 ? 1f : 0.6f);
    }

    static Path write(Path file) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(5);
            recorder.setVideoBitrate(1_000_000);
            recorder.start();
            for (int n = 0; n < FRAMES; n++) {
                BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = image.createGraphics();
                g.setColor(colour(n));
                g.fillRect(0, 0, WIDTH, HEIGHT);
                g.dispose();
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        }
        return file;
    }

    /** Which frame's colour the middle of {@code image} is closest to. */
    static int frameShown(BufferedImage image) {
        Color seen = new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int n = 0; n < FRAMES; n++) {
            Color c = colour(n);
            double d = Math.pow(c.getRed() - seen.getRed(), 2) + Math.pow(c.getGreen() - seen.getGreen(), 2)
                    + Math.pow(c.getBlue() - seen.getBlue(), 2);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best;
    }
}
