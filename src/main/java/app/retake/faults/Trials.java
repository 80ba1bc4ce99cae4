package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import app.retake.speech.FileTranscriber;

/** Small things every trial needs. */
final class Trials {

    private Trials() {
    }

    /** Deletes a trial's folder; what cannot be deleted is left for the scratch folder's own clean-up. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // left behind in a temporary folder: harmless
        }
    }

    /** Whether the sound of a recording can be read at all, as review and late transcription read it. */
    static boolean readable(Path video) {
        try {
            FileTranscriber.audio(video);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
