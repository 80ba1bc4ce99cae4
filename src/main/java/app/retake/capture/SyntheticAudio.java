package app.retake.capture;

import java.io.IOException;
import java.nio.file.Path;

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
        short[] samples = new short[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double envelope = (t % 1.5) < 1.0 ? 0.3 : 0.0;
            samples[i] = (short) (32767 * envelope * Math.sin(2 * Math.PI * (180 + 40 * Math.sin(t)) * t));
        }
        WavFiles.write(file, samples, rate);
    }
}
