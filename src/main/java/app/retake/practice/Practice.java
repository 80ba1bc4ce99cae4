package app.retake.practice;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.capture.DeviceException;
import app.retake.drill.Preparedness;
import app.retake.drill.SessionPlan;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.settings.Settings;
import app.retake.speech.SpeechModelService;
import app.retake.storage.FileProblem;
import app.retake.storage.Locations;

/**
 * Everything the practice screen needs from disk and devices, behind calls that each belong on a background
 * thread: starting a session reads the banks and the attempt log, starting a take opens the devices.
 */
public final class Practice {

    /** Frame rate of takes recorded from the app. */
    public static final double FPS = 30;

    private final Locations locations;
    private final SpeechModelService speech;
    private final Supplier<Settings> settings;
    private final Clock clock;
    private final RandomGenerator random;

    public Practice(Locations locations, SpeechModelService speech, Supplier<Settings> settings, Clock clock,
                    RandomGenerator random) {
        this.locations = locations;
        this.speech = speech;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** A new session and what was wrong with the files it read (already reported elsewhere, kept for the log). */
    public record Started(PracticeSession session, List<FileProblem> problems) {
    }

    /**
     * Starts a session with {@code plan}, over every question in the banks or only the ids given.
     *
     * @throws IllegalStateException with a sentence for the user when there is nothing to practise
     */
    public Started startSession(SessionPlan plan, Optional<Set<String>> onlyIds) {
        return open(QuestionLibrary.loadFolder(locations.banksDir()), plan, onlyIds, settings.get().profile(),
                Mode.SOLO);
    }

    /**
     * What a friend's interview starts with: a session logging under the candidate's profile, the questions planned
     * for it (drawn by {@code plan} from the candidate's weak spots, weakest first), and every question in the
     * banks, since the interviewer may ask any of them.
     */
    public record InterviewStart(PracticeSession session, List<Question> planned, List<Question> all,
                                 List<FileProblem> problems) {
    }

    /**
     * Starts a session for an interview a friend runs, with questions planned for {@code candidate}.
     *
     * @throws IllegalStateException with a sentence for the user when there is nothing to ask
     */
    public InterviewStart startInterview(SessionPlan plan, String candidate) {
        QuestionLibrary library = QuestionLibrary.loadFolder(locations.banksDir());
        Started started = open(library, plan, Optional.empty(), candidate, Mode.FRIEND);
        List<Question> planned = new java.util.ArrayList<>();
        for (var next = started.session().spring(); next.isPresent(); next = started.session().spring()) {
            planned.add(next.get().question());
        }
        return new InterviewStart(started.session(), planned, library.questions(), started.problems());
    }

    private Started open(QuestionLibrary library, SessionPlan plan, Optional<Set<String>> onlyIds, String profile,
                         Mode mode) {
        Settings chosen = settings.get();
        // Questions picked by hand are drilled even from a disabled bank; plans use only the enabled ones.
        List<Question> questions = onlyIds.map(ids -> PracticeSession.only(library.questions(), ids))
                .orElse(library.questions().stream().filter(chosen::drills).toList());
        if (questions.isEmpty()) {
            throw new IllegalStateException(library.questions().isEmpty()
                    ? "There are no questions in " + locations.banksDir() + ". Add a bank on the Question banks page."
                    : onlyIds.isPresent() ? "None of the chosen questions is in the banks any more."
                    : "Every bank or category is turned off for drills. Turn some on on the Question banks page.");
        }
        AttemptLog log = AttemptLog.in(locations.dataRoot());
        var history = log.readAll();
        Preparedness memory = Preparedness.replay(history.attempts(), profile);
        List<FileProblem> problems = new java.util.ArrayList<>(history.problems());
        problems.addAll(library.problems());
        return new Started(new PracticeSession(locations.dataRoot(), log, questions, memory, plan, mode, clock,
                random), problems);
    }

    /**
     * One question to spring out of the blue (ambush mode): an enabled question, weighted to the profile's weak
     * spots; empty when no question is enabled. Reads the banks and the attempt log.
     */
    public Optional<Question> pickWeakSpot() {
        Settings chosen = settings.get();
        List<Question> pool = QuestionLibrary.loadFolder(locations.banksDir()).questions().stream()
                .filter(chosen::drills).toList();
        Preparedness memory = Preparedness.replay(AttemptLog.in(locations.dataRoot()), chosen.profile());
        java.time.Instant now = clock.instant();
        // Its own generator: this runs on another thread than the sessions sharing `random`.
        return new app.retake.drill.SpringPicker(new java.util.SplittableRandom()).pick(pool, q -> memory.weakness(q.id(), now), List.of())
                .map(app.retake.drill.SpringPicker.Candidate::question);
    }

    /**
     * Opens the devices chosen in Settings and starts recording an answer to {@code question}; with "Transcript
     * only" on, the camera is not opened at all.
     */
    public LiveTake startTake(PracticeSession session, Question question, LiveTake.Listener listener)
            throws IOException, DeviceException {
        Settings s = settings.get();
        boolean transcriptOnly = s.privacy().transcriptOnly();
        // The take's folder first: a data folder that cannot be written is reported before any device is opened.
        app.retake.history.TakeFiles files = session.beginTake(question);
        try {
            Devices devices = transcriptOnly ? Devices.soundOnly(s.microphone(), FPS)
                    : Devices.open(s.camera(), s.microphone(), s.videoSize(), FPS);
            return LiveTake.start(Optional.of(question), files, devices, speech, s.metricSettings(), listener,
                    transcriptOnly);
        } catch (IOException | DeviceException | RuntimeException e) {
            session.abandonTake(files);
            throw e;
        }
    }

    /** The profiles in the attempt log and the current one, for choosing who answers; reads the log. */
    public List<String> knownProfiles() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.add(settings.get().profile());
        AttemptLog.in(locations.dataRoot()).readAll().attempts().forEach(a -> names.add(a.profile()));
        return List.copyOf(names);
    }

    public Settings settings() {
        return settings.get();
    }
}
