package app.retake.faults;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.VideoProbe;
import app.retake.doctor.Finding;
import app.retake.doctor.Findings;
import app.retake.drill.SpringFilter;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.practice.LiveTake;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.practice.TakeResult;
import app.retake.progress.TakeHistory;
import app.retake.progress.TakeRef;
import app.retake.review.SelfCheck;
import app.retake.settings.Settings;
import app.retake.speech.SpeechModelService;
import app.retake.storage.AtomicFiles;
import app.retake.storage.Locations;

/**
 * A data folder Retake cannot use, and one whose name is unusual: {@code --data} pointing at (a) a read-only folder
 * holding earlier takes, (b) a folder that does not exist and cannot be made, (c) a folder with spaces and
 * non-ASCII letters in its path. The commands ({@code doctor}, {@code record}) and the app (the data finding,
 * starting a take) must say plainly which folder is the trouble, never show a stack trace, and lose nothing already
 * there; (c) must simply work, through a real recording, its log row and reading both back.
 *
 * <p>Administrators ignore folder permissions, so when running as root a read-only folder is made with a read-only
 * mount, and where that is not allowed either (a container) with a file in the folder's place.
 */
final class DataFolderTrial implements FaultTrial {

    static final String UNUSUAL_NAME = "Réunion 面接 data";
    /** The command line's entry point, as a user starts it (named: nothing may depend on the app package). */
    private static final String LAUNCHER = "app.retake.app.Launcher";
    private static final int RATE = 16_000;

    @Override
    public String fault() {
        return "--data read-only, impossible to create, or not ASCII";
    }

    @Override
    public Area area() {
        return Area.NOTHING_LOST;
    }

    @Override
    public int defaultTrials() {
        return 6;
    }

    @Override
    public int quickTrials() {
        return 3;
    }

    private enum Kind { READ_ONLY, CANNOT_CREATE, UNUSUAL_NAME }

    /** Whether a read-only mount may be tried when running as root; off, root gets a file in the way. */
    private final boolean mounts;

    DataFolderTrial(boolean mounts) {
        this.mounts = mounts;
    }

    DataFolderTrial() {
        this(true);
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Path banks = Files.createDirectories(scratch.resolve("banks"));
        AtomicFiles.writeString(banks.resolve("faults.csv"), "id,category,question\n"
                + "data-a,behavioural,What is your greatest strength?\n");
        Path wav = scratch.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, 20, RATE);
        boolean unicode = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder()
                .canEncode(UNUSUAL_NAME);
        List<String> ways = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        int lost = 0;
        for (int t = 0; t < trials; t++) {
            Kind kind = Kind.values()[t % Kind.values().length];
            Path trial = Files.createDirectories(scratch.resolve("trial-" + t));
            List<String> problems = new ArrayList<>();
            Unusable made = null;
            try {
                Path data;
                if (kind == Kind.UNUSUAL_NAME) {
                    data = trial.resolve(unicode ? UNUSUAL_NAME : "path with spaces data");
                } else {
                    made = unusable(trial, kind == Kind.READ_ONLY, mounts);
                    data = made.data();
                    if (!ways.contains(made.how())) {
                        ways.add(made.how());
                    }
                }
                checkCommands(kind, data, banks, scratch.resolve("logs"), problems, samples);
                checkApp(kind, data, banks, wav, problems, samples);
                if (kind == Kind.READ_ONLY && made.earlierRows() > 0) {
                    AttemptLog.History history = AttemptLog.in(data).readAll();
                    if (history.attempts().size() != made.earlierRows() || !history.problems().isEmpty()) {
                        problems.add("the earlier takes in the read-only folder no longer read back");
                    }
                }
            } catch (Exception e) {
                problems.add("the trial failed: " + e);
            } finally {
                if (made != null) {
                    made.undo().run();
                }
            }
            if (!problems.isEmpty()) {
                lost++;
                if (failures.size() < 3) {
                    failures.add("trial " + t + " (" + kind.name().toLowerCase().replace('_', ' ') + "): "
                            + String.join("; ", problems));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("doctor and record run as commands with --data on each folder: one plain line naming the folder, "
                + "no stack trace, record exits 2 where it cannot work; the app's data finding is a PROBLEM naming "
                + "the folder, and starting a take says which folder cannot be written before opening a device");
        notes.add("read-only made with: " + (ways.isEmpty() ? "(none tried)" : String.join(", ", ways)));
        notes.add(unicode ? "\"" + UNUSUAL_NAME + "\": a take recorded from the app and from record, logged, read "
                + "back from the log and the history, and played" : "this JVM's file names are not UTF-8 "
                + "(sun.jnu.encoding " + System.getProperty("sun.jnu.encoding") + "): a path with spaces was "
                + "tried instead of non-ASCII letters; start Retake with a UTF-8 locale");
        samples.stream().limit(3).forEach(s -> notes.add("e.g. " + s));
        notes.addAll(failures);
        return new Outcome(trials, lost, notes);
    }

    /** A folder nothing can be written to; {@code undo} makes it deletable again. */
    private record Unusable(Path data, String how, int earlierRows, Runnable undo) {
    }

    /**
     * A read-only data folder holding two earlier takes ({@code existing}), or one whose parent is read-only so it
     * cannot be created. Tries folder permissions, then (as root) a read-only mount, then a file in the way.
     */
    private static Unusable unusable(Path trial, boolean existing, boolean mounts) throws IOException {
        Path holder = Files.createDirectories(trial.resolve("holder"));
        Path data = existing ? holder : holder.resolve("data");
        if (existing) {
            AttemptLog log = AttemptLog.in(holder);
            log.append(FaultChild.attempt(1));
            log.append(FaultChild.attempt(2));
        }
        Files.setPosixFilePermissions(holder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Locations.unwritable(holder.resolve("probe-" + System.nanoTime())).isPresent()) {
            return new Unusable(data, "folder permissions", existing ? 2 : 0, () -> {
                try {
                    Files.setPosixFilePermissions(holder, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (IOException e) {
                    // left for the scratch clean-up to report
                }
            });
        }
        // Root: permissions do not stop it. A read-only mount does.
        Files.setPosixFilePermissions(holder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path mounted = Files.createDirectories(trial.resolve("mounted"));
        if (mounts && command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mounted.toString())) {
            Path inside = existing ? mounted : mounted.resolve("data");
            if (existing) {
                AttemptLog log = AttemptLog.in(mounted);
                log.append(FaultChild.attempt(1));
                log.append(FaultChild.attempt(2));
            }
            if (command("mount", "-o", "remount,ro", mounted.toString())) {
                return new Unusable(inside, "a read-only mount (running as root)", existing ? 2 : 0,
                        () -> unmount(mounted));
            }
            unmount(mounted);
        }
        // Root in a container: nothing can be made below a regular file.
        Path file = trial.resolve("not-a-folder");
        Files.writeString(file, "a file where the data folder should be\n");
        return new Unusable(existing ? file : file.resolve("data"), "a file in the folder's place (root, no mount)",
                0, () -> { });
    }

    /** {@code retake doctor} and {@code retake record} as a user runs them, in their own process. */
    private static void checkCommands(Kind kind, Path data, Path banks, Path logs, List<String> problems,
                                      List<String> samples) throws Exception {
        boolean usable = kind == Kind.UNUSUAL_NAME;
        Run doctor = cli(logs, List.of("--data", data.toString(), "--banks", banks.toString(), "--model",
                logs.resolve("no-model").toString(), "doctor"));
        String dataLine = doctor.out().lines().filter(l -> l.startsWith("Data ")).findFirst().orElse("");
        boolean saidRight = usable ? !dataLine.contains("cannot save")
                : dataLine.contains("PROBLEM") && dataLine.contains("cannot save");
        if (doctor.exit() != 0 || !dataLine.contains(data.toString()) || !saidRight) {
            problems.add("doctor said \"" + dataLine + "\" (exit " + doctor.exit() + ")");
        }
        if (!usable) {
            samples.add("retake doctor: " + dataLine.replaceAll("\\s+", " "));
        }
        checkNoTrace("doctor", doctor, problems);
        Run record = cli(logs, List.of("--data", data.toString(), "--banks", banks.toString(), "record",
                "--seconds", "1.5", "--camera", "synthetic", "--mic", "none", "--no-transcribe"));
        checkNoTrace("record", record, problems);
        if (usable) {
            Optional<Path> video = record.out().lines().filter(l -> l.endsWith(".mp4") && !l.startsWith("recording"))
                    .map(Path::of).findFirst();
            if (record.exit() != 0 || video.isEmpty() || !video.get().startsWith(data)
                    || VideoProbe.of(video.get()).frames() == 0) {
                problems.add("record in " + data.getFileName() + " failed (exit " + record.exit() + "): "
                        + record.err().strip());
            }
        } else {
            List<String> said = record.err().lines().filter(l -> !l.isBlank()).toList();
            if (record.exit() != 2 || said.size() != 1 || !said.get(0).contains(data.toString())) {
                problems.add("record said " + said + " (exit " + record.exit() + ")");
            } else {
                samples.add("retake record: " + said.get(0));
            }
        }
    }

    private static void checkNoTrace(String command, Run run, List<String> problems) {
        String all = run.out() + run.err();
        if (all.contains("Exception") || all.contains("\tat ") || all.contains("unexpected error")) {
            problems.add(command + " showed a stack trace or an exception: "
                    + all.substring(0, Math.min(400, all.length())));
        }
    }

    /** What the window does: the data finding, then starting a take (and for a usable folder, saving one). */
    private static void checkApp(Kind kind, Path data, Path banks, Path wav, List<String> problems,
                                 List<String> samples) throws Exception {
        Locations locations = new Locations(data, banks, data.resolve("no-model"), Optional.empty());
        Finding finding = Findings.data(locations);
        boolean usable = kind == Kind.UNUSUAL_NAME;
        boolean saidRight = usable ? !finding.summary().contains("cannot save")
                : finding.level() == Finding.Level.PROBLEM && finding.summary().contains(data.toString());
        if (!saidRight) {
            problems.add("the app's data finding said " + finding.level() + ": " + finding.summary());
        }
        Settings settings = FaultChild.takeSettings(wav);
        try (SpeechModelService speech = new SpeechModelService(locations.modelDir())) {
            Practice practice = new Practice(locations, speech, () -> settings, Clock.systemDefaultZone(),
                    new SplittableRandom());
            PracticeSession session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY),
                    Optional.empty()).session();
            Question question = session.spring().orElseThrow().question();
            LiveTake take;
            try {
                take = practice.startTake(session, question, LiveTake.Listener.NONE);
            } catch (IOException e) {
                if (usable || !e.getMessage().contains(data.toString())) {
                    problems.add("starting a take said \"" + e.getMessage() + "\"");
                } else {
                    samples.add("the practice screen: Could not start recording: " + e.getMessage());
                }
                return;
            }
            if (!usable) {
                take.stop();
                problems.add("a take started in a folder that cannot be written");
                return;
            }
            var started = session.now();
            while (take.elapsedSeconds() < 1.5) {
                Thread.sleep(20);
            }
            TakeResult result = take.stop();
            session.log(result, Optional.of(Rating.GOOD), SelfCheck.EMPTY, started);
        }
        List<Attempt> rows = AttemptLog.in(data).readAll().attempts();
        List<TakeRef> history = TakeHistory.load(data, QuestionLibrary.loadFolder(banks), Attempt.DEFAULT_PROFILE,
                ZoneId.systemDefault()).takes();
        if (rows.size() != 1 || history.size() != 1 || history.get(0).video().isEmpty()
                || !history.get(0).video().get().startsWith(data)
                || VideoProbe.of(history.get(0).video().get()).frames() == 0) {
            problems.add("the take in " + data.getFileName() + " did not read back: " + rows);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(Path logs, List<String> args) throws Exception {
        try (ChildJvm child = ChildJvm.start(logs, List.of(), LAUNCHER, args, Map.of())) {
            Optional<Integer> exit = child.waitFor(Duration.ofSeconds(120));
            if (exit.isEmpty()) {
                child.kill();
                return new Run(-1, String.join("\n", child.lines()), "did not finish: " + child.errorOutput());
            }
            return new Run(exit.get(), String.join("\n", child.lines()), child.errorOutput());
        }
    }

    private static boolean command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void unmount(Path point) {
        if (!command("umount", point.toString())) {
            command("umount", "-l", point.toString());
        }
    }

}
