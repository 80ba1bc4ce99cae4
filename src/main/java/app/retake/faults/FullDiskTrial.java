package app.retake.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import app.retake.bank.Question;
import app.retake.capture.Cameras;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.TakeRecorder;
import app.retake.capture.VideoProbe;
import app.retake.drill.SpringFilter;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.practice.Devices;
import app.retake.practice.InterruptedTakes;
import app.retake.practice.LiveTake;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.practice.TakeResult;
import app.retake.review.ReviewFiles;
import app.retake.review.SelfCheck;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;
import app.retake.speech.SpeechModelService;
import app.retake.storage.AtomicFiles;
import app.retake.storage.Locations;

/**
 * A full disk. Three ways, each through the app's own code:
 * <ol>
 *   <li>always: a take recording while the disk fills up (the recorder's free-space reading is replaced by one that
 *       drops below the reserve after a second or three). Recording must stop by itself, keep the take so far as a
 *       playable MP4, tell the user, and the take must still be logged;</li>
 *   <li>when {@code prlimit} exists (any user): a process that may not write past a file size, which fails writes
 *       part-way as a full disk does, tries to append to the attempt log and save settings and a review. Each must
 *       fail with a message naming the file, and leave what was there exactly as it was;</li>
 *   <li>when a small file system can be mounted (root, outside most containers): the same saves on a really full
 *       disk, and a take recording until the disk is really full, repaired once space is freed.</li>
 * </ol>
 */
final class FullDiskTrial implements FaultTrial {

    private static final int RATE = 16_000;
    private final long seed;

    FullDiskTrial(long seed) {
        this.seed = seed;
    }

    FullDiskTrial() {
        this(System.nanoTime());
    }

    @Override
    public String fault() {
        return "the disk fills up while recording or saving";
    }

    @Override
    public Area area() {
        return Area.NOTHING_LOST;
    }

    @Override
    public int defaultTrials() {
        return 10;
    }

    @Override
    public int quickTrials() {
        return 2;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Path banks = Files.createDirectories(scratch.resolve("banks"));
        AtomicFiles.writeString(banks.resolve("faults.csv"), "id,category,question\n"
                + "full-a,behavioural,Tell me about a conflict at work.\n");
        Path wav = scratch.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, 30, RATE);
        boolean limits = commandWorks(List.of("prlimit", "--fsize=100000:100000", "true"));
        Path mountPoint = Files.createDirectories(scratch.resolve("small-disk"));
        boolean mounts = mount(mountPoint, 64);
        if (mounts) {
            unmount(mountPoint);
        }
        int lost = 0;
        List<String> failures = new ArrayList<>();
        int[] stoppedAt = {Integer.MAX_VALUE, 0};
        String[] sample = {null, null};
        for (int t = 0; t < trials; t++) {
            Path trial = Files.createDirectories(scratch.resolve("trial-" + t));
            List<String> problems = new ArrayList<>();
            try {
                guardedTake(trial.resolve("guard"), banks, wav, 1 + random.nextInt(3), problems, stoppedAt);
                if (limits) {
                    sizeLimit(trial.resolve("limit"), scratch.resolve("logs"), random, problems, sample);
                }
                if (mounts) {
                    Path point = Files.createDirectories(trial.resolve("small-disk"));
                    if (!mount(point, 64)) {
                        problems.add("the small file system could not be mounted again");
                    } else {
                        try {
                            realDisk(point, banks, wav, problems, sample);
                        } finally {
                            unmount(point);
                        }
                    }
                }
            } catch (Exception e) {
                problems.add("the trial failed: " + e);
            }
            if (!problems.isEmpty()) {
                lost++;
                if (failures.size() < 3) {
                    failures.add("trial " + t + ": " + String.join("; ", problems));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("recording while the disk fills (free space read as below the reserve after "
                + "%s s): it stopped by itself, said \"the disk is full: recording stopped at m:ss; the take so far"
                + " is kept\", the take played and was logged",
                stoppedAt[0] == stoppedAt[1] ? Integer.toString(stoppedAt[0]) : stoppedAt[0] + "-" + stoppedAt[1]));
        notes.add(limits ? "a process limited in file size (prlimit) appended to the attempt log, saved settings "
                + "and a review: each failed naming the file, and the log, settings and review read exactly as "
                + "before (a part-written row is cut off again)"
                : "prlimit is missing: the file-size variant was skipped");
        notes.add(mounts ? "a 64 MB tmpfs filled up: the same saves failed with \"the disk is full\" and lost "
                + "nothing; a take recording until the disk was really full kept a playable file, was logged once "
                + "space was freed and repaired at the next start" : "no small file system could be mounted "
                + "(needs root outside a container): the real full-disk variant was skipped");
        for (String said : sample) {
            if (said != null) {
                notes.add("e.g. " + said);
            }
        }
        notes.addAll(failures);
        return new Outcome(trials, lost, notes);
    }

    /** A take whose free-space reading drops below the reserve after {@code secondsOfSpace} checks. */
    private static void guardedTake(Path dir, Path banks, Path wav, int secondsOfSpace, List<String> problems,
                                     int[] stoppedAt) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        AtomicInteger checks = new AtomicInteger();
        TakeRecorder.FreeSpace filling = () -> checks.getAndIncrement() < secondsOfSpace ? 50L << 30
                : TakeRecorder.RESERVE_BYTES / 2;
        Taken taken = record(data, banks, wav, filling, Duration.ofSeconds(60), () -> { });
        TakeResult result = taken.result;
        stoppedAt[0] = Math.min(stoppedAt[0], secondsOfSpace);
        stoppedAt[1] = Math.max(stoppedAt[1], secondsOfSpace);
        if (!taken.stoppedByItself) {
            problems.add("recording did not stop when the disk filled up");
            return;
        }
        String reason = result.stats().stopReason().orElse("");
        if (!reason.matches("the disk is full: recording stopped at \\d+:\\d\\d; the take so far is kept")) {
            problems.add("the user was told \"" + reason + "\"");
        }
        if (result.notes().stream().noneMatch(n -> n.contains("the disk is full"))) {
            problems.add("the take's notes do not say the disk is full: " + result.notes());
        }
        if (!result.stats().file().equals(result.files().video())) {
            problems.add("the take was not finished into " + result.files().video().getFileName());
        } else if (VideoProbe.of(result.files().video()).frames() == 0) {
            problems.add("the take so far does not play");
        }
        Attempt logged = taken.session.log(result, Optional.of(Rating.SHAKY), SelfCheck.EMPTY, taken.started);
        AttemptLog.History history = AttemptLog.in(data).readAll();
        if (history.attempts().size() != 1 || !history.attempts().get(0).take().equals(logged.take())
                || !history.attempts().get(0).recording().equals(logged.recording()) || logged.recording().isEmpty()) {
            problems.add("the take was not logged with its recording: " + history.attempts());
        }
    }

    /** A take recorded the way the practice screen does, with {@code space} as its free-space reading. */
    private static Taken record(Path data, Path banks, Path wav, TakeRecorder.FreeSpace space, Duration limit,
                                Filling afterStart) throws Exception {
        Locations locations = new Locations(data, banks, data.resolve("no-model"), Optional.empty());
        Settings settings = FaultChild.takeSettings(wav);
        try (SpeechModelService speech = new SpeechModelService(locations.modelDir())) {
            Practice practice = new Practice(locations, speech, () -> settings, Clock.systemDefaultZone(),
                    new SplittableRandom());
            PracticeSession session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY),
                    Optional.empty()).session();
            Question question = session.spring().orElseThrow().question();
            TakeFiles files = session.beginTake(question);
            Devices devices = Devices.open(settings.camera(), settings.microphone(), Cameras.STANDARD,
                    Practice.FPS);
            LiveTake take = LiveTake.start(Optional.of(question), files, devices, speech, settings.metricSettings(),
                    LiveTake.Listener.NONE, false, space);
            OffsetDateTime started = session.now();
            afterStart.run();
            long deadline = System.nanoTime() + limit.toNanos();
            while (take.recordingStopped().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            boolean stopped = take.recordingStopped().isPresent();
            return new Taken(session, take.stop(), started, stopped);
        }
    }

    /** Something done once the take is recording. */
    @FunctionalInterface
    private interface Filling {
        void run() throws IOException;
    }

    private record Taken(PracticeSession session, TakeResult result, OffsetDateTime started,
                         boolean stoppedByItself) {
    }

    /** Files as they are before the disk fills: a log of a few rows, settings, a review. */
    private static Map<String, String> setUp(Path data) throws IOException {
        AttemptLog log = AttemptLog.in(data);
        for (int i = 0; i < 5; i++) {
            log.append(FaultChild.attempt(i));
        }
        Rewrites.SETTINGS.setUp(data);
        Rewrites.REVIEW.setUp(data);
        return snapshot(data);
    }

    private static Map<String, String> snapshot(Path data) throws IOException {
        AttemptLog.History history = AttemptLog.in(data).readAll();
        return Map.of("log", history.attempts() + " problems " + history.problems() + " bytes "
                        + Files.size(data.resolve(AttemptLog.FILE_NAME)),
                "settings", Rewrites.SETTINGS.read(data), "review", Rewrites.REVIEW.read(data));
    }

    /** Saves from a process that may write no file past a size just over the attempt log's. */
    private static void sizeLimit(Path dir, Path logs, SplittableRandom random, List<String> problems,
                                  String[] sample) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Map<String, String> before = setUp(data);
        // The next row is about 250 bytes: this limit lets it be written only part-way.
        long limit = Files.size(data.resolve(AttemptLog.FILE_NAME)) + 1 + random.nextInt(100);
        List<String> said;
        try (ChildJvm child = ChildJvm.start(logs, List.of("prlimit", "--fsize=" + limit + ":" + limit, "--"),
                FaultChild.class, List.of("full", data.toString()), Map.of())) {
            if (child.waitFor(Duration.ofSeconds(60)).isEmpty()) {
                problems.add("the size-limited process did not finish");
                return;
            }
            said = child.lines();
        }
        said.stream().filter(l -> l.startsWith("append ")).findFirst().ifPresent(l -> sample[0] = l);
        checkRefused(said, "append", AttemptLog.FILE_NAME, problems);
        checkRefused(said, "settings", SettingsStore.FILE_NAME, problems);
        checkRefused(said, "review", Rewrites.REVIEW_FILE, problems);
        checkUnchanged(data, before, problems);
    }

    private static void checkRefused(List<String> said, String what, String file, List<String> problems) {
        Optional<String> line = said.stream().filter(l -> l.startsWith(what + " ")).findFirst();
        if (line.isEmpty() || !line.get().startsWith(what + " failed ") || !line.get().contains(file)) {
            problems.add(what + " on a full disk: " + line.orElse("said nothing") + " (expected a failure naming "
                    + file + ")");
        }
    }

    private static void checkUnchanged(Path data, Map<String, String> before, List<String> problems)
            throws IOException {
        Map<String, String> after = snapshot(data);
        for (String what : before.keySet()) {
            if (!before.get(what).equals(after.get(what))) {
                problems.add("the " + what + " changed on a full disk");
            }
        }
        try (var files = Files.list(data)) {
            if (files.anyMatch(AtomicFiles::isLeftover)) {
                problems.add("a temporary file was left on the full disk");
            }
        }
    }

    /** The saves and a take on a small file system that really fills up. */
    private static void realDisk(Path point, Path banks, Path wav, List<String> problems, String[] sample)
            throws Exception {
        Path data = Files.createDirectories(point.resolve("data"));
        AttemptLog log = AttemptLog.in(data);
        Map<String, String> before = setUp(data);
        // A file system hands out whole pages: leave the log's last page too short for another row, so the append
        // really needs space that is not there.
        int i = 5;
        while (4096 - Files.size(log.file()) % 4096 >= 150) {
            log.append(FaultChild.attempt(i++));
        }
        before = snapshot(data);
        Path filler = point.resolve("filler");
        fill(filler, 0);
        for (String what : List.of("append", "settings", "review")) {
            try {
                switch (what) {
                    case "append" -> log.append(FaultChild.attempt(1_000_000));
                    case "settings" -> SettingsStore.in(data).save(Rewrites.settings(1));
                    default -> ReviewFiles.write(data.resolve(Rewrites.REVIEW_FILE), Rewrites.rating(1),
                            Rewrites.check(1));
                }
                problems.add(what + " succeeded on a full disk");
            } catch (IOException e) {
                if (what.equals("append")) {
                    sample[1] = e.getMessage();
                }
                if (!String.valueOf(e.getMessage()).contains("the disk is full")) {
                    problems.add(what + " on a full disk said \"" + e.getMessage() + "\"");
                }
            }
        }
        checkUnchanged(data, before, problems);
        Files.delete(filler);

        // A take that runs into the full disk: the reserve is turned off so the recorder meets the real error.
        Path takeData = Files.createDirectories(point.resolve("takes"));
        TakeRecorder.FreeSpace unguarded = () -> Long.MAX_VALUE;
        Taken taken = record(takeData, banks, wav, unguarded, Duration.ofSeconds(60), () -> fill(filler, 400 << 10));
        TakeResult result = taken.result;
        String reason = result.stats().stopReason().orElse("");
        if (!taken.stoppedByItself || !reason.contains("the disk is full")) {
            problems.add("a take on a really full disk ended with \"" + reason + "\"");
        }
        Path kept = result.stats().file();
        if (!Files.isRegularFile(kept) || VideoProbe.of(kept).frames() == 0) {
            problems.add("the take on the full disk does not play: " + kept);
        }
        boolean loggedWhileFull;
        try {
            taken.session.log(result, Optional.empty(), SelfCheck.EMPTY, taken.started);
            loggedWhileFull = true;
        } catch (IOException e) {
            loggedWhileFull = false;
        }
        Files.delete(filler);
        if (!loggedWhileFull) {
            taken.session.log(result, Optional.empty(), SelfCheck.EMPTY, taken.started);
        }
        InterruptedTakes.Recovery recovery = InterruptedTakes.recover(takeData);
        List<Attempt> rows = AttemptLog.in(takeData).readAll().attempts();
        if (rows.size() != 1 || !recovery.problems().isEmpty()) {
            problems.add("after freeing space the log holds " + rows.size() + " rows for the take; "
                    + recovery.problems());
        }
        if (!Files.isRegularFile(result.files().video()) || VideoProbe.of(result.files().video()).frames() == 0) {
            problems.add("the take on the full disk was not repaired into a playable "
                    + result.files().video().getFileName());
        }
    }

    /** Writes {@code filler} until the disk is full, then gives back {@code leave} bytes. */
    private static void fill(Path filler, int leave) throws IOException {
        byte[] chunk = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // full
        }
        if (leave > 0) {
            try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(Math.max(0, channel.size() - leave));
            }
        }
    }

    private static boolean mount(Path point, int megabytes) {
        return commandWorks(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
                point.toString()));
    }

    private static void unmount(Path point) {
        if (!commandWorks(List.of("umount", point.toString()))) {
            commandWorks(List.of("umount", "-l", point.toString()));
        }
    }

    private static boolean commandWorks(List<String> command) {
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
}
