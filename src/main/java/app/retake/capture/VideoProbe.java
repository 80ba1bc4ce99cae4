package app.retake.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * What a recording holds when decoded: how many pictures and how much sound. Used to check that a take a crash or a
 * full disk cut short still plays, and to tell how long a recovered take is.
 *
 * @param frames       pictures decoded
 * @param audioSeconds seconds of sound decoded
 * @param seconds      the length the file declares
 */
public record VideoProbe(int frames, double audioSeconds, double seconds) {

    /** Whether a player has anything to show or play. */
    public boolean playable() {
        return frames > 0 || audioSeconds > 0;
    }

    /** Decodes the whole file. */
    public static VideoProbe of(Path file) throws IOException {
        // A file a crash or a full disk cut short ends in a partial packet; decoding stops there, quietly.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            int frames = 0;
            long samples = 0;
            Frame frame;
            while ((frame = grabber.grab()) != null) {
                if (frame.image != null) {
                    frames++;
                }
                if (frame.samples != null && frame.samples.length > 0) {
                    int channels = Math.max(1, frame.audioChannels);
                    samples += frame.samples[0].limit() / (frame.samples.length == 1 ? channels : 1);
                }
            }
            double audio = grabber.hasAudio() && grabber.getSampleRate() > 0
                    ? samples / (double) grabber.getSampleRate() : 0;
            return new VideoProbe(frames, audio, Math.max(0, grabber.getLengthInTime()) / 1e6);
        } catch (FrameGrabber.Exception e) {
            throw new IOException(file + " cannot be played: " + e.getMessage(), e);
        }
    }

    /** The length the file declares, without decoding it; empty when it cannot be opened. */
    public static OptionalDouble length(Path file) {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            long micros = grabber.getLengthInTime();
            return micros > 0 ? OptionalDouble.of(micros / 1e6) : OptionalDouble.empty();
        } catch (FrameGrabber.Exception e) {
            return OptionalDouble.empty();
        }
    }
}
