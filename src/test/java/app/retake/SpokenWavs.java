package app.retake;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real speech for tests: espeak-ng (en-us, 140 wpm, the voice it recognises best) converted by sox. */
public final class SpokenWavs {

    private SpokenWavs() {
    }

    /**
     * {@code text} spoken into {@code <dir>/<name>.wav} at {@code rate} Hz, mono 16-bit, after the sox
     * {@code effects} (e.g. {@code "pad", "0.5", "3"}). Skips the test when espeak-ng or sox is missing.
     */
    public static Path say(Path dir, String name, String text, int rate, String... effects) throws Exception {
        Path raw = dir.resolve(name + "-raw.wav");
        Path wav = dir.resolve(name + ".wav");
        assumeTrue(run(dir, "espeak-ng", "-v", "en-us", "-s", "140", "-w", raw.toString(), text),
                "espeak-ng is needed to generate speech");
        List<String> sox = new ArrayList<>(List.of("sox", raw.toString(), "-r", String.valueOf(rate), "-c", "1",
                "-b", "16", wav.toString()));
        sox.addAll(List.of(effects));
        assumeTrue(run(dir, sox.toArray(String[]::new)), "sox is needed to convert speech");
        return wav;
    }

    private static boolean run(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("tool.log").toFile()).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
