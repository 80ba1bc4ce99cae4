package app.retake.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import app.retake.bank.QuestionLibrary;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.VideoProbe;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.TakeFiles;
import app.retake.practice.InterruptedTakes;
import app.retake.progress.TakeHistory;
import app.retake.progress.TakeRef;
import app.retake.storage.AtomicFiles;

/**
 * Kill -9 in the middle of a take: a child records an answer the way the practice screen does (synthetic camera, a
 * WAV as the microphone) and is killed while recording, or, one trial in three, after the take was saved but before
 * it was rated. At the next start ({@link InterruptedTakes#recover}, what the window and {@code record} run first)
 * the take must be repaired into a playable MP4 and be in the history, marked interrupted, exactly once.
 */
final class InterruptedTakeTrial implements FaultTrial {

    /** Sample rate of the voice played as the microphone. */
    private static final int RATE = 16_000;

    private final long seed;

    InterruptedTakeTrial(long seed) {
        this.seed = seed;
    }

    InterruptedTakeTrial() {
        this(System.nanoTime());
    }

    @Override
    public String fault() {
        return "kill -9 mid-take or before the take is rated";
    }

    @Override
    public Area area() {
        return Area.NOTHING_LOST;
    }

    @Override
    public int defaultTrials() {
        return 20;
    }

    @Override
    public int quickTrials() {
        return 3;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Path banks = Files.createDirectories(scratch.resolve("banks"));
        writeBank(banks);
        Path wav = scratch.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, 30, RATE);
        int lost = 0;
        int midTake = 0;
        int unrated = 0;
        double shortest = Double.MAX_VALUE;
        List<String> failures = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Path data = Files.createDirectories(scratch.resolve("trial-" + t).resolve("data"));
            boolean beforeRating = t % 3 == 2;
            // Recording is at least 1.5 s old when killed: a fragment is flushed once a second, and a kill in the
            // first second of a take may leave nothing to play (the promise is "at most the last second").
            double killAt = beforeRating ? 1.5 : 1.5 + random.nextDouble() * 1.5;
            Path recording;
            try (ChildJvm child = ChildJvm.start(scratch.resolve("logs"), FaultChild.class, List.of("take",
                    data.toString(), banks.toString(), wav.toString(), beforeRating ? "1.5" : "0"))) {
                String line = child.await(l -> l.startsWith("recording "), Duration.ofSeconds(60));
                recording = Path.of(line.substring("recording ".length()));
                if (beforeRating) {
                    child.await("stopped"::equals, Duration.ofSeconds(60));
                    Thread.sleep(random.nextInt(201));
                    unrated++;
                } else {
                    Thread.sleep(Math.round(killAt * 1000));
                    midTake++;
                }
                child.kill();
            }
            String problem = null;
            try {
                String name = recording.getFileName().toString();
                TakeFiles files = new TakeFiles(recording.getParent(),
                        name.substring(0, name.length() - TakeFiles.RECORDING_SUFFIX.length()));
                // The next start.
                InterruptedTakes.Recovery recovery = InterruptedTakes.recover(data);
                InterruptedTakes.Recovery again = InterruptedTakes.recover(data);
                List<TakeRef> history = TakeHistory.load(data, QuestionLibrary.loadFolder(banks),
                        Attempt.DEFAULT_PROFILE, ZoneId.systemDefault()).takes();
                if (!recovery.problems().isEmpty()) {
                    problem = "recovery reported " + recovery.problems();
                } else if (!beforeRating && !recovery.repaired().contains(files.video())) {
                    problem = "the interrupted recording was not repaired";
                } else if (!Files.isRegularFile(files.video()) || Files.exists(files.recording())) {
                    problem = "there is no finished recording " + files.video().getFileName();
                } else if (recovery.logged().size() != 1 || !again.logged().isEmpty() || history.size() != 1) {
                    problem = "the history holds " + history.size() + " takes (logged " + recovery.logged().size()
                            + ", then " + again.logged().size() + " more)";
                } else if (!history.get(0).interrupted() || !history.get(0).video().equals(Optional.of(files.video()))
                        || history.get(0).questionText().equals(history.get(0).attempt().questionId())) {
                    problem = "the history row is not the interrupted take with its question and recording: "
                            + history.get(0).attempt();
                } else if (Files.exists(files.pending())) {
                    problem = "the take is still noted as under way";
                } else if (leftovers(data)) {
                    problem = "temporary files were left in the take's folder";
                } else {
                    VideoProbe probe = VideoProbe.of(files.video());
                    shortest = Math.min(shortest, probe.frames() / 30.0);
                    if (probe.frames() == 0 || probe.audioSeconds() <= 0) {
                        problem = "the repaired take does not play: " + probe;
                    } else if (!AttemptLog.in(data).readAll().problems().isEmpty()) {
                        problem = "the attempt log has problems";
                    }
                }
            } catch (Exception e) {
                problem = "checking the take failed: " + e;
            }
            if (problem != null) {
                lost++;
                if (failures.size() < 3) {
                    failures.add("trial " + t + ": " + problem);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("%d takes killed 1.5-3 s into recording, %d killed after saving but before "
                + "rating; at the next start each was repaired, played (picture and sound), and listed once in the "
                + "history marked interrupted, with its question", midTake, unrated));
        if (shortest < Double.MAX_VALUE) {
            notes.add(String.format("shortest repaired take: %.1f s of picture", shortest));
        }
        notes.addAll(failures);
        return new Outcome(trials, lost, notes);
    }

    private static boolean leftovers(Path data) throws java.io.IOException {
        try (var walk = Files.walk(data)) {
            return walk.anyMatch(AtomicFiles::isLeftover);
        }
    }

    private static void writeBank(Path banks) throws java.io.IOException {
        AtomicFiles.writeString(banks.resolve("faults.csv"), "id,category,question\n"
                + "fault-a,behavioural,Tell me about a time you failed.\n"
                + "fault-b,behavioural,Why do you want this job?\n"
                + "fault-c,technical,How would you design a cache?\n");
    }
}
