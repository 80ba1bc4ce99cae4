package app.retake.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import app.retake.bank.BundledBanks;
import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.review.ReviewFiles;
import app.retake.review.SelfCheck;
import app.retake.speech.TranscriptFiles;

/**
 * A user's data folder as Retake leaves it after a short session: the attempt log, and per take its recording,
 * transcript, subtitles and review, all written by Retake's own code. Trials damage one file in it and then check
 * that every other file is still there, byte for byte.
 */
final class TakeFolder {

    static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    static final String SESSION = "session-100000";
    static final String PROFILE = "me";

    final Path root;
    final Path banks;
    final QuestionLibrary library;
    final List<TakeFiles> takes = new ArrayList<>();
    final List<Attempt> attempts = new ArrayList<>();

    private TakeFolder(Path root, Path banks) {
        this.root = root;
        this.banks = banks;
        BundledBanks.installIfMissing(banks);
        this.library = QuestionLibrary.loadFolder(banks);
    }

    /**
     * A data folder with {@code count} takes of the sample take; takes 1 and 2 answer the same question, so they
     * can be compared.
     *
     * @param untranscribed take numbers (from 1) recorded while the speech model was not ready: no transcript yet
     * @param questionIds   the question each take answers, by take number from 1; a missing entry picks one from
     *                      the core bank
     */
    static TakeFolder create(Path root, int count, Set<Integer> untranscribed, Map<Integer, String> questionIds)
            throws IOException {
        Files.createDirectories(root);
        TakeFolder folder = new TakeFolder(root.resolve("data"), Files.createDirectories(root.resolve("banks")));
        List<Question> questions = folder.library.questions();
        AttemptLog log = AttemptLog.in(folder.root);
        for (int n = 1; n <= count; n++) {
            TakeFiles files = TakeFiles.of(folder.root, DAY, SESSION, String.format("take-%02d", n));
            Files.createDirectories(files.dir());
            Files.copy(SampleTake.video(), files.video());
            boolean transcribed = !untranscribed.contains(n);
            if (transcribed) {
                TranscriptFiles.write(SampleTake.transcript(), files.transcript(), files.subtitles());
            }
            Rating rating = Rating.values()[n % Rating.values().length];
            ReviewFiles.write(files.review(), Optional.of(rating), new SelfCheck(
                    Map.of(SelfCheck.Aspect.TONE, SelfCheck.Verdict.OK), "note for take " + n));
            String question = questionIds.getOrDefault(n, questions.get(n <= 2 ? 0 : n).id());
            Attempt attempt = new Attempt(OffsetDateTime.of(DAY.atTime(10, n), ZoneOffset.ofHours(2)), SESSION,
                    files.take(), question, "core", Mode.SOLO, PROFILE, Optional.of(rating), Optional.empty(),
                    Duration.ofSeconds(2), Optional.of(relative(folder.root, files.video())),
                    transcribed ? Optional.of(relative(folder.root, files.transcript())) : Optional.empty(),
                    transcribed ? Map.of("words", "7", "wpm", "210") : Map.of());
            log.append(attempt);
            folder.takes.add(files);
            folder.attempts.add(attempt);
        }
        return folder;
    }

    TakeFiles take(int n) {
        return takes.get(n - 1);
    }

    AttemptLog log() {
        return AttemptLog.in(root);
    }

    /** Every file under the data folder and its bytes. */
    Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> {
                try {
                    files.put(root.relativize(f), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    /**
     * Files of {@code before} that are now gone or different, leaving out those in {@code mayChange}; each a short
     * sentence.
     */
    List<String> lostSince(Map<Path, byte[]> before, Set<Path> mayChange) throws IOException {
        Map<Path, byte[]> now = snapshot();
        List<String> lost = new ArrayList<>();
        before.forEach((file, bytes) -> {
            if (mayChange.contains(root.resolve(file))) {
                return;
            }
            byte[] after = now.get(file);
            if (after == null) {
                lost.add(file + " is gone");
            } else if (!Arrays.equals(bytes, after)) {
                lost.add(file + " changed");
            }
        });
        return lost;
    }

    /** Whether the log still holds every take's row: same time, take, question and rating (measurements may grow). */
    List<String> rowsLost() {
        AttemptLog.History history = log().readAll();
        List<String> lost = new ArrayList<>();
        for (Attempt a : attempts) {
            boolean there = history.attempts().stream().anyMatch(b -> b.time().isEqual(a.time())
                    && b.take().equals(a.take()) && b.questionId().equals(a.questionId())
                    && b.selfRating().equals(a.selfRating()));
            if (!there) {
                lost.add("the log lost the row of " + a.take());
            }
        }
        return lost;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
