package app.retake.speech;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.vosk.Model;

/** Transcribes a recorded file (WAV, MP3, M4A, MP4…): decoded and resampled to 16 kHz mono by FFmpeg. */
public final class FileTranscriber {

    private final Model model;
    private final String modelName;

    public FileTranscriber(Model model, String modelName) {
        this.model = model;
        this.modelName = modelName;
    }

    /** What was heard in a file: the transcript and the 16 kHz audio it was made from (for voice metrics). */
    public record Heard(Transcript transcript, short[] audio) {
    }

    /** The transcript of {@code file}; an unreadable file or one without sound is an IOException naming it. */
    public Transcript transcribe(Path file) throws IOException {
        return listen(file, false).transcript();
    }

    /** The transcript and the audio of {@code file}. */
    public Heard listen(Path file) throws IOException {
        return listen(file, true);
    }

    private Heard listen(Path file, boolean keepAudio) throws IOException {
        VoskDecoder decoder;
        try {
            decoder = new VoskDecoder(model, modelName, null);
        } catch (IllegalStateException e) {
            throw new IOException(file + ": cannot be transcribed (" + e.getMessage() + ")", e);
        }
        try (VoskDecoder vosk = decoder) {
            SampleBuffer kept = keepAudio ? new SampleBuffer() : null;
            decode(file, (block, length) -> {
                vosk.feed(block, length);
                if (kept != null) {
                    kept.append(block, length);
                }
            });
            return new Heard(vosk.finish(), kept == null ? new short[0] : kept.toArray());
        }
    }

    /** The sound of {@code file} as 16 kHz mono samples, for measuring a saved take's voice without transcribing. */
    public static short[] audio(Path file) throws IOException {
        SampleBuffer kept = new SampleBuffer();
        decode(file, kept::append);
        return kept.toArray();
    }

    private interface BlockSink {
        void accept(short[] block, int length);
    }

    /** Decodes and resamples {@code file} to 16 kHz mono, handing it on in blocks of half a second. */
    private static void decode(Path file, BlockSink sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleRate(LiveTranscriber.RATE);
            grabber.setAudioChannels(1);
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            if (!grabber.hasAudio()) {
                throw new IOException(file + ": has no sound to transcribe");
            }
            // Vosk works best on blocks of a few tenths of a second, not on FFmpeg's small frames.
            short[] block = new short[LiveTranscriber.RATE / 2];
            int filled = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer samples = (ShortBuffer) frame.samples[0];
                while (samples.hasRemaining()) {
                    int n = Math.min(samples.remaining(), block.length - filled);
                    samples.get(block, filled, n);
                    filled += n;
                    if (filled == block.length) {
                        sink.accept(block, filled);
                        filled = 0;
                    }
                }
            }
            sink.accept(block, filled);
        } catch (FrameGrabber.Exception e) {
            throw new IOException(file + ": cannot be decoded (" + e.getMessage() + ")", e);
        }
    }
}
