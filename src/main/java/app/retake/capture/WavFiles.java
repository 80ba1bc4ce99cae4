package app.retake.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Whole WAV files in and out as mono 16-bit samples, through Java Sound. */
public final class WavFiles {

    private WavFiles() {
    }

    /** A file's samples, mixed down to mono, and their rate. */
    public record Samples(int rate, short[] mono) {
    }

    /** Reads any PCM WAV Java Sound understands, converted to 16-bit and mixed down to mono. */
    public static Samples read(Path wav) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat from = source.getFormat();
            AudioFormat pcm16 = new AudioFormat(from.getSampleRate(), 16, from.getChannels(), true, false);
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm16, source)) {
                byte[] bytes = converted.readAllBytes();
                int frames = bytes.length / (2 * from.getChannels());
                return new Samples(Math.round(from.getSampleRate()),
                        Pcm.toMono(bytes, frames, from.getChannels(), false));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException(wav + ": not a WAV file Retake can read (" + e.getMessage() + ")", e);
        }
    }

    /** Writes mono 16-bit samples as a WAV file. */
    public static void write(Path wav, short[] mono, int rate) throws IOException {
        byte[] bytes = new byte[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            bytes[2 * i] = (byte) mono[i];
            bytes[2 * i + 1] = (byte) (mono[i] >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes), format, mono.length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }
}
