package app.retake.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.speech.TranscriptFiles;
import app.retake.storage.IoProblems;

/**
 * One profile's sessions and takes, newest session first, with search over question and transcript text and
 * deletion of takes (their files and their log rows).
 *
 * <p>A snapshot: it does not follow the log. Loading, searching and deleting read or write files, so none of them
 * belongs on the FX thread. Deletion never touches anything outside the data root, and only files named like a
 * take's own ({@code .mp4}, {@code .transcript.json}, {@code .vtt}, {@code .review.json} and a review set aside as
 * damaged).
 */
public final class TakeHistory {

    /** A review file that could not be read is set aside under this name rather than overwritten. */
    static final String DAMAGED_REVIEW_SUFFIX = ".review.json.damaged";

    /**
     * File name endings of a take's own files; nothing else is ever deleted. A transcript-only take's sound comes
     * before {@code .mp4} so its stem is the take's; the markers say why a video is gone or why there is no sound,
     * and the pending note marks a take not logged yet.
     */
    static final List<String> TAKE_FILE_SUFFIXES = List.of(".audio" + TakeFiles.RECORDING_SUFFIX,
            TakeFiles.SOUND_SUFFIX, TakeFiles.RECORDING_SUFFIX, ".mp4", ".transcript.json", ".vtt", ".review.json",
            DAMAGED_REVIEW_SUFFIX, VideoGone.SUFFIX, ".no-sound", TakeFiles.PENDING_SUFFIX);

    private static final Logger LOG = LoggerFactory.getLogger(TakeHistory.class);
    /** Rewrites of the log in this process take turns; see {@link #delete(Collection)}. */
    private static final Object LOG_REWRITE = new Object();

    private final Path root;
    private final String profile;
    private final List<SessionTakes> sessions;
    private final Map<Path, String> transcripts = new ConcurrentHashMap<>();

    private TakeHistory(Path root, String profile, List<SessionTakes> sessions) {
        this.root = root;
        this.profile = profile;
        this.sessions = List.copyOf(sessions);
    }

    /** Reads the log under {@code dataRoot}; unreadable rows are left out (the log reports them). */
    public static TakeHistory load(Path dataRoot, QuestionLibrary library, String profile, ZoneId zone) {
        return of(dataRoot, AttemptLog.in(dataRoot).readAll().attempts(), library, profile, zone);
    }

    /** The history of {@code profile} among rows already read from the log under {@code dataRoot}. */
    public static TakeHistory of(Path dataRoot, Collection<Attempt> attempts, QuestionLibrary library, String profile,
                                 ZoneId zone) {
        Path root = dataRoot.toAbsolutePath().normalize();
        Map<String, Question> questions = new HashMap<>();
        for (Question q : library.questions()) {
            questions.putIfAbsent(ProgressReport.key(q.id()), q);
        }
        Map<String, List<TakeRef>> bySession = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            if (!a.profile().equalsIgnoreCase(profile)) {
                continue;
            }
            Question q = questions.get(ProgressReport.key(a.questionId()));
            Optional<TakeFiles> files = files(root, a);
            TakeRef ref = new TakeRef(a, q == null ? a.questionId() : q.text(),
                    q == null ? ProgressReport.NO_BANK : q.category(),
                    a.recording().flatMap(p -> inside(root, p)), a.transcript().flatMap(p -> inside(root, p)),
                    files, files.flatMap(VideoGone::read));
            bySession.computeIfAbsent(ProgressReport.sessionKey(a, zone), k -> new ArrayList<>()).add(ref);
        }
        Comparator<TakeRef> byTime = Comparator.comparing(t -> t.attempt().time().toInstant());
        List<SessionTakes> sessions = new ArrayList<>();
        for (List<TakeRef> takes : bySession.values()) {
            takes.sort(byTime);
            TakeRef first = takes.get(0);
            sessions.add(new SessionTakes(first.session(), ProgressReport.day(first.attempt().time(), zone), takes));
        }
        Comparator<SessionTakes> byLastTake = Comparator.comparing(
                s -> s.takes().get(s.takes().size() - 1).attempt().time().toInstant());
        sessions.sort(byLastTake.reversed());
        return new TakeHistory(root, profile, sessions);
    }

    public Path dataRoot() {
        return root;
    }

    public String profile() {
        return profile;
    }

    /** Every session, newest first. */
    public List<SessionTakes> sessions() {
        return sessions;
    }

    /** Every take, session by session. */
    public List<TakeRef> takes() {
        return sessions.stream().flatMap(s -> s.takes().stream()).toList();
    }

    public boolean isEmpty() {
        return sessions.isEmpty();
    }

    /**
     * The sessions holding takes whose question text (or id) or transcript contains every word of {@code query},
     * ignoring case, each with only those takes. A blank query matches everything. Reads transcripts the first
     * time they are needed, then remembers them.
     */
    public List<SessionTakes> search(String query) {
        List<String> terms = terms(query);
        if (terms.isEmpty()) {
            return sessions;
        }
        List<SessionTakes> found = new ArrayList<>();
        for (SessionTakes s : sessions) {
            List<TakeRef> takes = new ArrayList<>();
            for (TakeRef t : s.takes()) {
                if (matches(t, terms)) {
                    takes.add(t);
                }
            }
            if (!takes.isEmpty()) {
                found.add(new SessionTakes(s.session(), s.date(), takes));
            }
        }
        return found;
    }

    /** The words of a take's transcript, or empty when it has none or it cannot be read. */
    public String transcriptText(TakeRef take) {
        Optional<Path> file = take.transcriptFile();
        if (file.isEmpty()) {
            return "";
        }
        return transcripts.computeIfAbsent(file.get(), TakeHistory::readTranscript);
    }

    private boolean matches(TakeRef take, List<String> terms) {
        String question = (take.questionText() + " " + take.attempt().questionId()).toLowerCase(Locale.ROOT);
        String transcript = null;
        for (String term : terms) {
            if (question.contains(term)) {
                continue;
            }
            if (transcript == null) {
                transcript = transcriptText(take).toLowerCase(Locale.ROOT);
            }
            if (!transcript.contains(term)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> terms(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return List.of(query.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    private static String readTranscript(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return TranscriptFiles.parse(Files.readString(file, StandardCharsets.UTF_8)).text();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the transcript {} for searching: {}", file, e.toString());
            return "";
        }
    }

    /** Deletes one take: see {@link #delete(Collection)}. */
    public Deletion delete(TakeRef take) throws IOException {
        return delete(List.of(take));
    }

    /** Deletes every take of a session: see {@link #delete(Collection)}. */
    public Deletion deleteSession(SessionTakes session) throws IOException {
        return delete(session.takes());
    }

    /**
     * Deletes takes: first their rows from the log (rewritten atomically), then their files, then session and day
     * folders left empty. A take is every row of this profile with its session and take id; a row without a take
     * id stands alone. The log is read afresh, so rows appended since this history was loaded are kept.
     *
     * <p>Refuses, changing nothing, when the log has rows it cannot read or was written by a newer Retake: the
     * rewrite would drop them. A file another remaining row still names is kept. Rewrites within this process take
     * turns; a writer in another process appending at the same moment could still lose its row.
     *
     * @throws IOException when the log cannot be read cleanly or rewritten; then no file has been deleted
     */
    public Deletion delete(Collection<TakeRef> takes) throws IOException {
        synchronized (LOG_REWRITE) {
            AttemptLog log = AttemptLog.in(root);
            AttemptLog.History history = log.readAll();
            if (!history.problems().isEmpty()) {
                throw new IOException("The attempt log " + log.file() + " has " + history.problems().size()
                        + " row(s) Retake cannot read (first: " + history.problems().get(0).describe(root)
                        + "). Deleting now would drop them, so nothing was deleted.");
            }
            if (history.schema() != AttemptLog.SCHEMA) {
                throw new IOException("The attempt log " + log.file() + " was written by a newer Retake (schema "
                        + history.schema() + "); nothing was deleted.");
            }
            List<Attempt> keep = new ArrayList<>();
            List<Attempt> removed = new ArrayList<>();
            for (Attempt row : history.attempts()) {
                if (takes.stream().anyMatch(t -> sameTake(t.attempt(), row))) {
                    removed.add(row);
                } else {
                    keep.add(row);
                }
            }
            if (removed.isEmpty()) {
                return new Deletion(0, List.of(), List.of(),
                        List.of("That take is no longer in the attempt log (already deleted?); nothing was deleted."));
            }
            AttemptLog.writeAll(log.file(), keep);
            LOG.info("Removed {} row(s) from {}", removed.size(), log.file());
            Set<Path> stillUsed = new LinkedHashSet<>();
            for (Attempt row : keep) {
                stillUsed.addAll(candidates(row));
            }
            List<Path> deleted = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Set<Path> folders = new LinkedHashSet<>();
            Set<Path> targets = new LinkedHashSet<>();
            for (Attempt row : removed) {
                targets.addAll(candidates(row));
                for (String named : List.of(row.recording().orElse(""), row.transcript().orElse(""))) {
                    if (!named.isBlank() && inside(root, named).isEmpty()) {
                        notes.add("Left " + named + " alone: it is outside the data folder.");
                    }
                }
            }
            for (Path file : targets) {
                if (stillUsed.contains(file)) {
                    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        notes.add("Kept " + root.relativize(file) + ": another take still uses it.");
                    }
                    continue;
                }
                if (deleteFile(file, deleted, notes)) {
                    folders.add(file.getParent());
                }
            }
            List<Path> emptied = new ArrayList<>();
            for (Path folder : folders) {
                removeIfEmpty(folder, emptied);
                removeIfEmpty(folder.getParent(), emptied);
            }
            return new Deletion(removed.size(), deleted, emptied, notes);
        }
    }

    /** Same take: same profile, session and (non-blank) take id; a row without a take id only matches itself. */
    static boolean sameTake(Attempt chosen, Attempt row) {
        if (chosen.take().isBlank()) {
            return chosen.equals(row);
        }
        return row.profile().equalsIgnoreCase(chosen.profile()) && row.session().equals(chosen.session())
                && row.take().equals(chosen.take());
    }

    /** Every file a row may own, absolute, inside the data root and named like a take's file. */
    private Set<Path> candidates(Attempt row) {
        Set<Path> paths = new LinkedHashSet<>();
        row.recording().flatMap(p -> inside(root, p)).ifPresent(paths::add);
        row.transcript().flatMap(p -> inside(root, p)).ifPresent(paths::add);
        files(root, row).ifPresent(f -> {
            paths.add(f.video());
            paths.add(f.recording());
            paths.add(f.transcript());
            paths.add(f.subtitles());
            paths.add(f.review());
            paths.add(f.dir().resolve(f.take() + DAMAGED_REVIEW_SUFFIX));
            paths.add(f.sound());
            paths.add(f.soundOnly().recording());
            paths.add(f.videoGone());
            paths.add(f.noSound());
            paths.add(f.pending());
        });
        paths.removeIf(p -> !isTakeFileName(p) || inside(root, p.toString()).isEmpty());
        return paths;
    }

    /** Deletes one file if it is there and safe to delete; true when it was deleted. */
    private boolean deleteFile(Path file, List<Path> deleted, List<String> notes) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String shown = root.relativize(file).toString();
        try {
            // A symbolic link in the folders could lead out of the data root: follow the real folder to be sure.
            Path realFolder = file.getParent().toRealPath();
            if (!realFolder.startsWith(root.toRealPath())) {
                notes.add("Left " + shown + " alone: its folder leads outside the data folder.");
                return false;
            }
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                notes.add("Left " + shown + " alone: it is a folder.");
                return false;
            }
            Files.delete(file);
            deleted.add(file);
            return true;
        } catch (NoSuchFileException e) {
            return false; // gone meanwhile
        } catch (IOException | SecurityException e) {
            String reason = e instanceof IOException io ? IoProblems.describe(io) : e.getMessage();
            LOG.warn("Could not delete {}: {}", file, reason);
            notes.add("Could not delete " + shown + ": " + reason + ".");
            return false;
        }
    }

    private void removeIfEmpty(Path folder, List<Path> emptied) {
        if (folder == null || !folder.startsWith(root) || folder.equals(root) || emptied.contains(folder)) {
            return;
        }
        try {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(folder);
                emptied.add(folder);
            }
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // still holds other takes, or already gone
        } catch (IOException | SecurityException e) {
            LOG.debug("Left the folder {}: {}", folder, e.toString());
        }
    }

    private static boolean isTakeFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return TAKE_FILE_SUFFIXES.stream().anyMatch(s -> name.endsWith(s) && name.length() > s.length());
    }

    /** {@code relative} resolved against the root, if it stays inside it. */
    static Optional<Path> inside(Path root, String relative) {
        if (relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = root.resolve(relative).toAbsolutePath().normalize();
            return p.startsWith(root) && !p.equals(root) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Where a row's files are: beside the recording or transcript the log names, else where the naming scheme
     * ({@code <date>/<session>/<take>}) puts them when session and take ids are plain names.
     */
    static Optional<TakeFiles> files(Path root, Attempt row) {
        for (Optional<String> named : List.of(row.recording(), row.transcript())) {
            Optional<Path> path = named.flatMap(p -> inside(root, p));
            if (path.isPresent()) {
                String name = path.get().getFileName().toString();
                for (String suffix : TAKE_FILE_SUFFIXES) {
                    if (name.toLowerCase(Locale.ROOT).endsWith(suffix) && name.length() > suffix.length()) {
                        return Optional.of(new TakeFiles(path.get().getParent(),
                                name.substring(0, name.length() - suffix.length())));
                    }
                }
            }
        }
        if (!plainName(row.session()) || !plainName(row.take())) {
            return Optional.empty();
        }
        TakeFiles files = TakeFiles.of(root, row.time().toLocalDate(), row.session(), row.take());
        return files.dir().startsWith(root) ? Optional.of(files) : Optional.empty();
    }

    private static boolean plainName(String id) {
        return !id.isBlank() && !id.equals(".") && !id.equals("..") && id.indexOf('/') < 0 && id.indexOf('\\') < 0
                && id.indexOf(':') < 0;
    }
}
