package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import app.retake.capture.Cameras;
import app.retake.capture.CaptureClock;
import app.retake.capture.Microphones;
import app.retake.capture.Resolution;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.TakeCapture;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.review.ReviewFiles;
import app.retake.review.SelfCheck;
import app.retake.speech.Transcript;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.Word;

/**
 * Takes on disk as Retake leaves them, made quickly for trials that need many: a real (tiny) recording copied per
 * take, a transcript and subtitles, a review file and the attempt-log row with measurements and ratings.
 */
public final class TakeFixtures {

    private TakeFixtures() {
    }

    /** Records a real half-second take (test pattern at 160x120 and a tone) into {@code dir}; returns its file. */
    public static Path tinyVideo(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path wav = dir.resolve("tone.wav");
        SyntheticAudio.writeWav(wav, 3, 16_000);
        TakeFiles files = new TakeFiles(dir, "tiny");
        TakeCapture capture = new TakeCapture(Cameras.open(Cameras.SYNTHETIC, new Resolution(160, 120), 15),
                Microphones.open(Microphones.FILE_PREFIX + wav), files, 15, CaptureClock.system(), List.of());
        capture.start();
        while (capture.elapsedSeconds() < 0.5) {
            Thread.sleep(20);
        }
        capture.stop();
        return files.video();
    }

    /** What to make of one take. */
    public record Spec(Path data, LocalDate day, String session, String take, String profile, Optional<Path> video,
                       boolean transcript, Optional<Rating> rating) {
    }

    /**
     * Writes the take's files and appends its row (started at 10:00 on its day, with a few measurements).
     *
     * @return the row appended
     */
    public static Attempt make(Spec spec) throws IOException {
        TakeFiles files = TakeFiles.of(spec.data(), spec.day(), spec.session(), spec.take());
        Files.createDirectories(files.dir());
        if (spec.video().isPresent()) {
            Files.copy(spec.video().get(), files.video());
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("wpm", "142");
        metrics.put("fillers", "2");
        if (spec.transcript()) {
            TranscriptFiles.write(new Transcript(List.of(new Word("we", 0.4, 0.6, 1), new Word("shipped", 0.6, 1.1,
                    0.9), new Word("early", 1.1, 1.5, 0.95)), 2.0, "fixture"), files.transcript(), files.subtitles());
        }
        ReviewFiles.write(files.review(), spec.rating(), SelfCheck.EMPTY);
        Path root = spec.data().toAbsolutePath().normalize();
        OffsetDateTime time = spec.day().atTime(LocalTime.of(10, 0)).atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
        Attempt row = new Attempt(time, spec.session(), spec.take(), "t-lead", "trial", Mode.SOLO, spec.profile(),
                spec.rating(), Optional.empty(), Duration.ofSeconds(2),
                spec.video().map(v -> relative(root, files.video())),
                spec.transcript() ? Optional.of(relative(root, files.transcript())) : Optional.empty(), metrics);
        AttemptLog.in(spec.data()).append(row);
        return row;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Every file under {@code dir} with a digest of its content, by path relative to {@code dir}. */
    public static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> found = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    found.put(dir.relativize(p).toString().replace('\\', '/'), digest(Files.readAllBytes(p)));
                }
            }
        }
        return found;
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
