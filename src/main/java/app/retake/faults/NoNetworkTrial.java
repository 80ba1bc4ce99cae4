package app.retake.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.drill.SpringFilter;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.practice.LateTranscription;
import app.retake.practice.LiveTake;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.practice.SavedTakes;
import app.retake.practice.TakeResult;
import app.retake.privacy.NetworkWatch;
import app.retake.privacy.OpenSockets;
import app.retake.progress.CsvExport;
import app.retake.progress.ProgressReport;
import app.retake.progress.TakeHistory;
import app.retake.remote.RemoteServer;
import app.retake.review.InterviewPack;
import app.retake.review.SelfCheck;
import app.retake.settings.Settings;
import app.retake.speech.FileTranscriber;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/**
 * "No network unless the friend remote is on", checked for real: a whole practice session runs through the real
 * code (the speech model loading, takes recorded and transcribed live, a take transcribed late, review, progress,
 * CSV export, an interview pack) while the process's own internet sockets are listed every 20 ms and at every step.
 * Any socket that appears is a violation. Then the phone remote is started, and the same check must see its
 * listening socket (else the check proves nothing, which also counts as a violation), and see it gone once stopped.
 */
public final class NoNetworkTrial implements FaultTrial {

    /** How often the sockets are listed while the session runs. */
    public static final Duration EVERY = Duration.ofMillis(20);

    @Override
    public String fault() {
        return "network use in a whole practice session (phone remote off)";
    }

    @Override
    public Area area() {
        return Area.PRIVACY;
    }

    @Override
    public int defaultTrials() {
        return 3;
    }

    @Override
    public int quickTrials() {
        return 1;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        if (!OpenSockets.supported()) {
            return new Outcome(trials, 0, List.of("unknown: this system does not let a process list its own sockets "
                    + "(only Linux is checked)"));
        }
        Path wav = TrialKit.answerWav(scratch.resolve("audio"), 2);
        Path banks = TrialKit.bank(scratch.resolve("banks"));
        List<String> notes = new ArrayList<>();
        int lost = 0;
        SpeechModelService speech = null;
        try {
            for (int i = 0; i < trials; i++) {
                Session session;
                try (NetworkWatch watch = NetworkWatch.start(EVERY).orElseThrow()) {
                    if (speech == null) {
                        // Loading the model is watched too: Vosk must not reach out either.
                        watch.check("loading the speech model");
                        speech = TrialKit.loadModel(TrialKit.modelDir());
                    }
                    session = session(scratch.resolve("run-" + i), banks, wav, speech, watch);
                }
                RemoteCheck remote = remote(banks);
                boolean violated = !session.sightings().isEmpty() || !remote.seenListening()
                        || !remote.goneAfterStop();
                if (violated) {
                    lost++;
                }
                if (i == 0 || violated) {
                    notes.add(session.describe());
                    notes.add(remote.describe());
                }
            }
        } finally {
            if (speech != null) {
                speech.close();
            }
        }
        return new Outcome(trials, lost, notes);
    }

    /**
     * What one session did and what the watch saw.
     *
     * @param steps          the steps run, in order
     * @param transcribed    takes with a transcript at the end (live or late)
     * @param late           takes transcribed late, after being recorded without the model
     * @param modelReady     whether the speech model was loaded (else no transcription was covered)
     * @param sightings      internet sockets seen that were not open when the watch started
     * @param looks          how many times the sockets were listed
     */
    public record Session(List<String> steps, int takes, int transcribed, int late, int rows, boolean modelReady,
                          List<NetworkWatch.Sighting> sightings, int looks) {

        public String describe() {
            return "session: " + String.join(", ", steps) + "; " + takes + " takes, " + transcribed
                    + " transcribed (" + late + " late), " + rows + " log rows" + (modelReady ? ""
                    : ", without the speech model") + "; sockets listed " + looks + " times; "
                    + (sightings.isEmpty() ? "no internet socket opened" : "sockets opened: " + sightings);
        }
    }

    /** The friend remote's socket, as the same check sees it. */
    public record RemoteCheck(String listening, boolean seenListening, boolean goneAfterStop) {
        public String describe() {
            return "phone remote: " + (seenListening ? "its listening socket " + listening + " was seen" :
                    "its listening socket was NOT seen, so the check proves nothing") + (goneAfterStop
                    ? ", and was gone once stopped" : ", and was still open after stopping");
        }
    }

    /**
     * Runs a whole practice session in {@code dir} under {@code watch}, checking the sockets at every step: two
     * takes recorded with the test-pattern camera and {@code wav} as the microphone (one transcribed live, one while
     * the model is "not ready" and transcribed late), their review, the progress report, the CSV exports and an
     * interview pack.
     */
    public static Session session(Path dir, Path banks, Path wav, SpeechModelService speech, NetworkWatch watch)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Settings settings = TrialKit.headless(wav);
        AtomicReference<Settings> chosen = new AtomicReference<>(settings);
        Practice practice = TrialKit.practice(data, banks, speech, chosen::get);
        List<String> steps = new ArrayList<>();
        int takes = 0;
        watch.check(step(steps, "starting a session"));
        PracticeSession session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY),
                Optional.empty()).session();
        boolean ready = speech.status() instanceof ModelStatus.Ready;

        watch.check(step(steps, "a take transcribed live"));
        TakeResult live = record(practice, session, watch, "a take transcribed live");
        session.log(live, Optional.of(Rating.GOOD), SelfCheck.EMPTY, session.now());
        takes++;

        // The same session with a model still loading: the take waits for late transcription.
        try (SpeechModelService loading = new SpeechModelService(dir.resolve("no-model-yet"))) {
            Practice offline = TrialKit.practice(data, banks, loading, chosen::get);
            watch.check(step(steps, "a take recorded before the model was ready"));
            TakeResult waiting = record(offline, session, watch, "a take recorded before the model was ready");
            session.log(waiting, Optional.of(Rating.SHAKY), SelfCheck.EMPTY, session.now());
            takes++;
        }

        QuestionLibrary library = QuestionLibrary.loadFolder(banks);
        int late = 0;
        if (ready) {
            watch.check(step(steps, "late transcription"));
            var model = speech.model().orElseThrow();
            late = LateTranscription.run(data, new FileTranscriber(model, speech.status().dir().getFileName()
                    .toString()), library, settings.metricSettings()).transcribed().size();
        }

        watch.check(step(steps, "review of a saved take"));
        TakeHistory history = TakeHistory.load(data, library, settings.profile(), ZoneId.systemDefault());
        int transcribed = 0;
        for (var ref : history.takes()) {
            var files = ref.files().orElseThrow();
            SavedTakes.Opened opened = SavedTakes.open(files, library.find(ref.attempt().questionId()),
                    settings.metricSettings());
            if (opened.take().transcript().isPresent()) {
                transcribed++;
            }
            watch.check("review of a saved take");
        }

        watch.check(step(steps, "progress report"));
        List<Attempt> rows = AttemptLog.in(data).readAll().attempts();
        ProgressReport report = ProgressReport.compute(rows, library, settings.profile(), Instant.now(),
                ZoneId.systemDefault());

        watch.check(step(steps, "CSV export"));
        CsvExport.writeAttempts(dir.resolve("attempts-export.csv"), rows, library);
        CsvExport.writeUnprepared(dir.resolve("unprepared-export.csv"), report.unprepared(), ZoneId.systemDefault());

        watch.check(step(steps, "interview pack"));
        List<Question> planned = library.questions().subList(0, Math.min(3, library.questions().size()));
        Files.writeString(dir.resolve("pack.html"), InterviewPack.html("me", planned, LocalDate.now()));
        watch.check("done");
        return new Session(steps, takes, transcribed, late, rows.size(), ready, watch.sightings(), watch.looks());
    }

    private static String step(List<String> steps, String name) {
        steps.add(name);
        return name;
    }

    /** Records about three seconds of answer to the session's next question, looking at the sockets throughout. */
    private static TakeResult record(Practice practice, PracticeSession session, NetworkWatch watch, String step)
            throws Exception {
        Question question = session.spring().orElseThrow().question();
        LiveTake take = practice.startTake(session, question, LiveTake.Listener.NONE);
        while (take.elapsedSeconds() < 3) {
            watch.check(step);
            Thread.sleep(EVERY.toMillis());
        }
        TakeResult result = take.stop();
        watch.check(step);
        return result;
    }

    /**
     * Starts the phone remote on this computer only and looks for its listening socket the same way, then stops it
     * and looks again.
     */
    public static RemoteCheck remote(Path banks) throws IOException, InterruptedException {
        QuestionLibrary library = QuestionLibrary.loadFolder(banks);
        Interview interview = new Interview("friend", "me", library.questions());
        RemoteServer server = RemoteServer.start(interview, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC());
        int port = server.address().getPort();
        Optional<OpenSockets.IpSocket> listening;
        try {
            listening = listeningOn(port);
        } finally {
            server.stop();
        }
        // The server's thread closes the port as it ends; give it a moment rather than race it.
        boolean gone = false;
        for (int i = 0; i < 100 && !gone; i++) {
            gone = listeningOn(port).isEmpty();
            if (!gone) {
                Thread.sleep(20);
            }
        }
        return new RemoteCheck(listening.map(Object::toString).orElse(""), listening.isPresent(), gone);
    }

    private static Optional<OpenSockets.IpSocket> listeningOn(int port) {
        return OpenSockets.list().orElse(List.of()).stream()
                .filter(s -> s.state().equals("LISTEN") && s.local().endsWith(":" + port)).findFirst();
    }
}
