package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.retake.bank.Question;
import app.retake.history.TakeFiles;
import app.retake.practice.LateTranscription;
import app.retake.practice.SavedTakes;
import app.retake.progress.TakeComparison;
import app.retake.progress.TakeHistory;
import app.retake.speech.FileTranscriber;
import app.retake.speech.MetricSettings;

/**
 * Bad input: a take's recording cut short, overwritten with rubbish or with bytes changed, then opened for review,
 * compared with an earlier take, listed and searched in the history, and transcribed late (when the speech model is
 * there). Nothing may throw, the damaged recording must be named wherever it could not be read, and every other
 * file (the other takes, the damaged take's transcript and review, the attempt log's rows) must be left as it was.
 */
public final class DamagedRecordingTrial implements FaultTrial {

    private final long seed;

    public DamagedRecordingTrial() {
        this(Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    DamagedRecordingTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "damaged take recording (.mp4)";
    }

    @Override
    public Area area() {
        return Area.BAD_INPUT;
    }

    @Override
    public int defaultTrials() {
        return 40;
    }

    @Override
    public int quickTrials() {
        return 4;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        byte[] good = Files.readAllBytes(SampleTake.video());
        MetricSettings settings = MetricSettings.defaults();
        Trials.Tally tally = new Trials.Tally(seed);
        int late = 0;
        try (SpeechModels.Loaded model = SpeechModels.load()) {
            for (int i = 0; i < trials; i++) {
                FileDamage.Damaged damage = FileDamage.anyFile(good, tally.random(i));
                Path dir = scratch.resolve("t" + i);
                tally.check(i, damage.what(), () -> trial(dir, damage, settings, model.transcriber()));
                late += model.transcriber().isPresent() ? 1 : 0;
                Trials.deleteTree(dir);
            }
            List<String> extra = new ArrayList<>();
            model.note().ifPresent(extra::add);
            return tally.outcome(trials, trials + " copies of a real 2 s take cut short, overwritten or with bytes "
                    + "changed (seed " + seed + "); checked: opening it for review, comparing it with an earlier "
                    + "take, listing and searching the history" + (late > 0 ? " and transcribing it late" : "")
                    + " never throw, the damaged file is named where it could not be read, and no other file or log "
                    + "row changes", extra);
        }
    }

    private static List<String> trial(Path dir, FileDamage.Damaged damage, MetricSettings settings,
                                      Optional<FileTranscriber> transcriber) throws IOException {
        // Take 2 is damaged and has a transcript (review reads its sound); take 4 is damaged and waits to be
        // transcribed; take 3 is whole and waits too, so late transcription is seen to go on past the damage.
        TakeFolder folder = TakeFolder.create(dir, 4, Set.of(3, 4), Map.of());
        TakeFiles damaged = folder.take(2);
        TakeFiles waiting = folder.take(4);
        Files.write(damaged.video(), damage.bytes());
        Files.write(waiting.video(), damage.bytes());
        Map<Path, byte[]> before = folder.snapshot();
        List<String> wrong = new ArrayList<>();
        Optional<Question> question = folder.library.find(folder.attempts.get(1).questionId());

        SavedTakes.Opened opened = SavedTakes.open(damaged, question, settings);
        if (opened.take().transcript().isEmpty()) {
            wrong.add("review lost the transcript of the damaged take: " + opened.take().notes());
        }
        if (opened.review().rating().isEmpty() || !opened.review().selfCheck().note().equals("note for take 2")) {
            wrong.add("review lost the rating or note of the damaged take");
        }
        if (!Trials.readable(damaged.video()) && opened.take().notes().stream()
                .noneMatch(n -> n.contains(damaged.video().getFileName().toString()))) {
            wrong.add("review did not name the unreadable recording: " + opened.take().notes());
        }
        SavedTakes.Opened whole = SavedTakes.open(folder.take(1), question, settings);
        if (whole.take().metrics().isEmpty() || whole.take().voice().isEmpty()) {
            wrong.add("the whole take 1 lost its measurements: " + whole.take().notes());
        }

        TakeHistory history = TakeHistory.load(folder.root, folder.library, TakeFolder.PROFILE, ZoneOffset.UTC);
        if (history.takes().size() != 4) {
            wrong.add("the history lists " + history.takes().size() + " takes, not 4");
        }
        if (history.search("manager").stream().mapToInt(s -> s.takes().size()).sum() != 2) {
            wrong.add("searching the history did not find both transcribed takes");
        }
        Optional<TakeComparison> compared = TakeComparison.load(folder.root, TakeFolder.PROFILE,
                folder.attempts.get(0).questionId(), question, settings);
        if (compared.isEmpty() || compared.get().rows().isEmpty()) {
            wrong.add("comparing take 1 with the damaged take 2 gave nothing");
        }

        Set<Path> mayChange = Set.of();
        if (transcriber.isPresent()) {
            LateTranscription.Outcome outcome = LateTranscription.run(folder.root, transcriber.get(), folder.library,
                    settings);
            if (!outcome.transcribed().contains(folder.take(3))) {
                wrong.add("late transcription stopped short of the whole take 3: " + outcome.problems());
            }
            boolean named = outcome.problems().stream().anyMatch(p -> p.contains(waiting.video().getFileName()
                    .toString()));
            boolean handled = outcome.transcribed().contains(waiting) || named
                    || Files.exists(waiting.dir().resolve(waiting.take() + ".no-sound"));
            if (!handled) {
                wrong.add("late transcription neither transcribed nor reported the damaged take 4: "
                        + outcome.problems());
            }
            mayChange = Set.of(folder.log().file(), folder.take(3).transcript(), folder.take(3).subtitles(),
                    waiting.transcript(), waiting.subtitles());
        }
        wrong.addAll(folder.lostSince(before, mayChange));
        wrong.addAll(folder.rowsLost());
        return wrong;
    }
}
