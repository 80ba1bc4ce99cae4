package app.retake.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** A generated voice-like signal, to play through the file microphone in demos, benchmarks and tests. */
public final class SyntheticAudio {

    private SyntheticAudio() {
    }

    /**
     * Writes a mono 16-bit WAV: a gliding tone in the range of a speaking voice, one second on and half a second
     * off, like phrases and pauses.
     */
    public static void writeWav(Path file, double seconds, int rate) throws IOException {
        int n = (int) (seconds * rate);
        byte[] bytes = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double envelope = (t % 1.5) < 1.0 ? 0.3 : 0.0;
            short v = (short) (32767 * envelope * Math.sin(2 * Math.PI * (180 + 40 * Math.sin(t)) * t));
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes), format, n)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
