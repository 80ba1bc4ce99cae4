package app.retake.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.retake.capture.TakeRecorder;
import app.retake.capture.VideoProbe;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.TakeFiles;
import app.retake.review.ReviewFiles;
import app.retake.storage.AtomicFiles;
import app.retake.storage.IoProblems;

/**
 * Takes Retake died in the middle of: a take leaves a small note ({@link TakeFiles#pending()}) saying what it answers
 * from the moment it starts until it is in the attempt log. At the next start {@link #recover} repairs the
 * recordings a crash interrupted and logs every noted take that never reached the log, marked
 * {@link Attempt#INTERRUPTED}, so the history never silently lacks an answer that was given.
 */
public final class InterruptedTakes {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedTakes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Temporary files younger than this may belong to another Retake process still writing; they are left. */
    static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

    private InterruptedTakes() {
    }

    /** What a start-up recovery did, for the status area and the log. */
    public record Recovery(List<Path> repaired, List<Attempt> logged, List<String> problems) {
        public Recovery {
            repaired = List.copyOf(repaired);
            logged = List.copyOf(logged);
            problems = List.copyOf(problems);
        }
    }

    /** Notes that {@code files} is a take of {@code started}'s session answering {@code started}'s question. */
    static void note(TakeFiles files, Attempt started) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", started.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        n.put("session", started.session());
        n.put("take", started.take());
        n.put("question", started.questionId());
        n.put("bank", started.bank());
        n.put("mode", started.mode().label());
        n.put("profile", started.profile());
        AtomicFiles.writeString(files.pending(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
    }

    /** The take is logged (or never started): its note goes. Never throws; a note left over is only re-checked. */
    static void forget(TakeFiles files) {
        try {
            Files.deleteIfExists(files.pending());
        } catch (IOException e) {
            LOG.warn("Could not delete {}; the next start sees the take is logged and deletes it", files.pending(), e);
        }
    }

    /**
     * What Retake does at start, before any new take: turns recordings a crash interrupted into ordinary MP4s,
     * clears temporary files killed rewrites left, and appends a row marked interrupted for each noted take the
     * attempt log lacks. Run it on the thread that appends to the attempt log. Never throws.
     */
    public static Recovery recover(Path dataRoot) {
        List<Path> repaired = TakeRecorder.repair(dataRoot);
        AtomicFiles.removeLeftovers(dataRoot, 3, LEFTOVER_AGE);
        List<Attempt> logged = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> notes = notes(dataRoot);
        if (notes.isEmpty()) {
            return new Recovery(repaired, logged, problems);
        }
        AttemptLog log = AttemptLog.in(dataRoot);
        Set<String> inLog = new HashSet<>();
        log.readAll().attempts().forEach(a -> inLog.add(key(dataRoot, a)));
        for (Path note : notes) {
            String name = note.getFileName().toString();
            TakeFiles files = new TakeFiles(note.getParent(),
                    name.substring(0, name.length() - TakeFiles.PENDING_SUFFIX.length()));
            Optional<Attempt> attempt;
            try {
                attempt = interrupted(dataRoot, files, JSON.readTree(Files.readString(note, StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                problems.add(note + " could not be read (" + e.getMessage() + "); the take's files are kept");
                LOG.warn("Could not read {}", note, e);
                continue;
            }
            if (attempt.isEmpty() || inLog.contains(key(files))) {
                forget(files); // nothing was recorded, or it was logged just before the end
                continue;
            }
            try {
                log.append(attempt.get());
                inLog.add(key(files));
                logged.add(attempt.get());
                forget(files);
                LOG.warn("Logged take {} that Retake had stopped in the middle of", files.dir().resolve(files.take()));
            } catch (IOException e) {
                problems.add("The interrupted take " + files.take() + " could not be added to the history: "
                        + e.getMessage() + ". It is tried again at the next start.");
                LOG.error("Could not log interrupted take {}", files.take(), e);
            }
        }
        return new Recovery(repaired, logged, problems);
    }

    /** The row for a noted take: empty when nothing of it reached the disk. */
    private static Optional<Attempt> interrupted(Path dataRoot, TakeFiles files, JsonNode n) throws IOException {
        String question = n.path("question").asText("").strip();
        if (question.isEmpty()) {
            throw new IOException("it names no question");
        }
        Optional<Path> video = Stream.of(files.video(), files.recording()).filter(Files::isRegularFile).findFirst();
        Optional<Path> transcript = Optional.of(files.transcript()).filter(Files::isRegularFile);
        if (video.isEmpty() && transcript.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put(Attempt.INTERRUPTED, "yes");
        ReviewFiles.Review review = ReviewFiles.Review.NONE;
        try {
            // Retake may have died while logging a take already rated: the rating is in the review file.
            review = ReviewFiles.read(files.review());
            metrics.putAll(review.selfCheck().asMetrics());
        } catch (IOException e) {
            LOG.warn("The review of interrupted take {} could not be read: {}", files.take(), IoProblems.describe(e));
        }
        double seconds = video.map(v -> VideoProbe.length(v).orElse(0)).orElse(0.0);
        return Optional.of(new Attempt(OffsetDateTime.parse(n.path("time").asText()), n.path("session").asText(""),
                n.path("take").asText(files.take()), question, n.path("bank").asText(""),
                Mode.parse(n.path("mode").asText("")).orElse(Mode.SOLO), n.path("profile").asText(""),
                review.rating(), Optional.empty(), Duration.ofMillis(Math.round(seconds * 1000)),
                video.map(v -> relative(dataRoot, v)), transcript.map(t -> relative(dataRoot, t)), metrics));
    }

    private static List<Path> notes(Path dataRoot) {
        if (!Files.isDirectory(dataRoot)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dataRoot, 3)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(TakeFiles.PENDING_SUFFIX)
                    && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Could not look for interrupted takes under {}", dataRoot, e);
            return List.of();
        }
    }

    private static String relative(Path dataRoot, Path file) {
        Path root = dataRoot.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(root) ? root.relativize(f) : f).toString().replace('\\', '/');
    }

    /** Which take a row is: its folder (where its files are, else where the naming scheme puts them) and id. */
    private static String key(Path dataRoot, Attempt a) {
        Path root = dataRoot.toAbsolutePath().normalize();
        for (Optional<String> named : List.of(a.recording(), a.transcript())) {
            if (named.isPresent()) {
                try {
                    return key(new TakeFiles(root.resolve(named.get()).normalize().getParent(), a.take()));
                } catch (java.nio.file.InvalidPathException e) {
                    // fall back to the naming scheme
                }
            }
        }
        try {
            return key(TakeFiles.of(root, a.time().toLocalDate(), a.session(), a.take()));
        } catch (java.nio.file.InvalidPathException e) {
            return a.session() + "/" + a.take();
        }
    }

    private static String key(TakeFiles files) {
        return files.dir().toAbsolutePath().normalize() + "/" + files.take();
    }
}
