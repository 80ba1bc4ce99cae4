package app.retake.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import app.retake.bank.Question;
import app.retake.drill.DrillSession;
import app.retake.drill.Preparedness;
import app.retake.drill.SessionPlan;
import app.retake.drill.SpringFilter;
import app.retake.drill.SpringPicker;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.review.InterviewerReview;
import app.retake.review.ReviewFiles;
import app.retake.review.SelfCheck;
import app.retake.history.TakeFiles;
import app.retake.speech.MetricsSummary;
import app.retake.storage.IoProblems;

/**
 * One sitting at the trainer: springs questions by the chosen plan, names each take's files, and logs each
 * answer with its rating so the next pick already knows about it.
 *
 * <p>Not thread-safe: use it from one thread at a time. Logging does file I/O.
 */
public final class PracticeSession {

    /** How many questions pressing Space on its own springs before the drill counts as done. */
    public static final int QUICK_DRILL_LENGTH = 10;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HHmmss");

    private final Path dataRoot;
    private final AttemptLog log;
    private final String profile;
    private final Mode mode;
    private final Clock clock;
    private final String id;
    private final LocalDate day;
    private final DrillSession drill;
    private volatile Preparedness memory;
    private int takes;

    /**
     * @param memory the profile's preparedness when the session starts; every logged attempt updates it
     */
    public PracticeSession(Path dataRoot, AttemptLog log, Collection<Question> questions, Preparedness memory,
                           SessionPlan plan, Mode mode, Clock clock, RandomGenerator random) {
        this.dataRoot = dataRoot;
        this.log = log;
        this.memory = memory;
        this.profile = memory.profile();
        this.mode = mode;
        this.clock = clock;
        OffsetDateTime now = OffsetDateTime.now(clock);
        this.day = now.toLocalDate();
        this.id = "session-" + now.format(STAMP);
        this.drill = new DrillSession(plan, questions, () -> this.memory, new SpringPicker(random), clock);
    }

    /** A quick drill of the weakest questions among those passing {@code filter}. */
    public static SessionPlan quickDrill(SpringFilter filter) {
        return new SessionPlan.QuickDrill(QUICK_DRILL_LENGTH, filter);
    }

    /** Keeps only the questions with the given ids, for drilling a hand-picked list. */
    public static List<Question> only(Collection<Question> questions, Set<String> ids) {
        Set<String> keys = ids.stream().map(Preparedness::key).collect(java.util.stream.Collectors.toSet());
        return questions.stream().filter(q -> keys.contains(Preparedness.key(q.id()))).toList();
    }

    public String id() {
        return id;
    }

    public SessionPlan plan() {
        return drill.plan();
    }

    public String profile() {
        return profile;
    }

    public Preparedness memory() {
        return memory;
    }

    /** Questions sprung so far, and how many the plan holds. */
    public int sprungCount() {
        return drill.sprung().size();
    }

    public int planned() {
        return drill.planned();
    }

    /** The next question by the plan, or empty when the plan is done. */
    public Optional<SpringPicker.Candidate> spring() {
        return drill.next();
    }

    /** Files for a new take, in {@code <data>/<date>/<session>/}; ids never repeat within a session. */
    public TakeFiles newTake() throws IOException {
        takes++;
        TakeFiles files = TakeFiles.of(dataRoot, day, id, String.format("take-%02d", takes));
        while (Files.exists(files.video()) || Files.exists(files.recording())) {
            takes++;
            files = TakeFiles.of(dataRoot, day, id, String.format("take-%02d", takes));
        }
        Files.createDirectories(files.dir());
        return files;
    }

    /**
     * Files for a new take answering {@code q}, noted as under way until it is logged (see {@link InterruptedTakes}),
     * so a take Retake dies in the middle of still reaches the history at the next start.
     *
     * @throws IOException with a sentence naming the data folder when the take's folder cannot be made there
     */
    public TakeFiles beginTake(Question q) throws IOException {
        TakeFiles files;
        try {
            files = newTake();
            InterruptedTakes.note(files, new Attempt(now(), id, files.take(), q.id(), q.bank(), mode, profile,
                    Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty(), Optional.empty(), Map.of()));
        } catch (IOException e) {
            throw new IOException("Takes cannot be saved in the data folder " + dataRoot + " ("
                    + IoProblems.describe(e) + "). " + (IoProblems.isDiskFull(e)
                    ? "Free some space, or choose another folder with --data DIR." : "Choose another folder with "
                    + "--data DIR."), e);
        }
        return files;
    }

    /** The take did not start after all: it is no longer noted as under way. */
    public void abandonTake(TakeFiles files) {
        InterruptedTakes.forget(files);
    }

    /**
     * Writes the take's review file, then appends the answer to the attempt log and to this session's memory.
     *
     * @param rating the user's own rating; empty when they ended without rating
     */
    public Attempt log(TakeResult take, Optional<Rating> rating, SelfCheck check, OffsetDateTime started)
            throws IOException {
        return log(take, rating, check, InterviewerReview.NONE, started);
    }

    /**
     * Writes the take's review file with the candidate's part and, when a friend ran the interview, theirs; then
     * appends the answer to the attempt log (the friend's rating as the interviewer rating, their rubric scores and
     * number of flags as measurements) and to this session's memory.
     *
     * @param rating      the candidate's own rating; empty when they did not rate
     * @param interviewer what the friend said; {@link InterviewerReview#NONE} when practising alone
     */
    public Attempt log(TakeResult take, Optional<Rating> rating, SelfCheck check, InterviewerReview interviewer,
                       OffsetDateTime started) throws IOException {
        Question q = take.question().orElseThrow(() -> new IllegalArgumentException("a logged take needs a question"));
        Map<String, String> metrics = new java.util.LinkedHashMap<>(
                take.metrics().map(m -> MetricsSummary.of(m, take.voice())).orElse(Map.of()));
        metrics.putAll(check.asMetrics());
        ReviewFiles.write(take.files().review(), rating, check);
        if (!interviewer.isEmpty()) {
            ReviewFiles.writeInterviewer(take.files().review(), interviewer);
            interviewer.rubric().scores().forEach((c, score) -> metrics.put("rubric_" + c.key(), score.toString()));
            metrics.put("interviewer_flags", Integer.toString(interviewer.flags().size()));
        }
        Attempt attempt = new Attempt(started, id, take.files().take(), q.id(), q.bank(), mode, profile, rating,
                interviewer.rating(), Duration.ofMillis(Math.round(take.stats().seconds() * 1000)),
                relative(take.files().video()), take.transcript().isPresent()
                        ? relative(take.files().transcript()) : Optional.empty(), metrics);
        log.append(attempt);
        InterruptedTakes.forget(take.files());
        memory = memory.with(attempt);
        return attempt;
    }

    private Optional<String> relative(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Path root = dataRoot.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return Optional.of((f.startsWith(root) ? root.relativize(f) : f).toString().replace('\\', '/'));
    }

    /** The current time on the session's clock. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
