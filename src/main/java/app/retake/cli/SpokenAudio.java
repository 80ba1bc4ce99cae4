package app.retake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import app.retake.capture.WavFiles;
import app.retake.speech.LiveTranscriber;

/** Synthetic speech for the benchmarks: espeak-ng speaks, sox turns it into 16 kHz mono 16-bit samples. */
final class SpokenAudio {

    static final int RATE = LiveTranscriber.RATE;

    private SpokenAudio() {
    }

    /** What to tell the user when espeak-ng or sox cannot be run; empty when both can. */
    static Optional<String> missingTool() {
        for (String tool : List.of("espeak-ng", "sox")) {
            if (!runs(tool, "--version")) {
                return Optional.of(tool + " is needed to build the test set and was not found on the PATH "
                        + "(on Debian or Ubuntu: apt-get install espeak-ng sox).");
            }
        }
        return Optional.empty();
    }

    /** {@code text} spoken by espeak-ng voice {@code voice} at {@code wpm} words per minute. */
    static short[] speak(Path dir, String name, String voice, int wpm, String text)
            throws IOException, InterruptedException {
        return speak(dir, name, voice, wpm, text, false);
    }

    /** Like {@link #speak} for SSML text, e.g. {@code <prosody rate="x-slow">so</prosody>}. */
    static short[] speakMarkup(Path dir, String name, String voice, int wpm, String ssml)
            throws IOException, InterruptedException {
        return speak(dir, name, voice, wpm, "<speak>" + ssml + "</speak>", true);
    }

    private static short[] speak(Path dir, String name, String voice, int wpm, String text, boolean markup)
            throws IOException, InterruptedException {
        Path raw = dir.resolve(name + "-raw.wav");
        Path wav = dir.resolve(name + ".wav");
        if (markup) {
            run("espeak-ng", "-m", "-v", voice, "-s", Integer.toString(wpm), "-w", raw.toString(), text);
        } else {
            run("espeak-ng", "-v", voice, "-s", Integer.toString(wpm), "-w", raw.toString(), text);
        }
        run("sox", raw.toString(), "-r", Integer.toString(RATE), "-c", "1", "-b", "16", wav.toString());
        return WavFiles.read(wav).mono();
    }

    /** {@code samples} made {@code factor} times as long without changing pitch (sox's WSOLA tempo, speech mode). */
    static short[] stretch(Path dir, String name, short[] samples, double factor)
            throws IOException, InterruptedException {
        Path in = dir.resolve(name + "-in.wav");
        Path out = dir.resolve(name + "-stretched.wav");
        WavFiles.write(in, samples, RATE);
        run("sox", in.toString(), out.toString(), "tempo", "-s", String.format(Locale.ROOT, "%.4f",
                1 / factor));
        return WavFiles.read(out).mono();
    }

    static short[] silence(double seconds) {
        return new short[(int) Math.round(seconds * RATE)];
    }

    static short[] concat(List<short[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        short[] all = new short[total];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
