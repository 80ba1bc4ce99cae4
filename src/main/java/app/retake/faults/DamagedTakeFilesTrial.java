package app.retake.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.practice.SavedTakes;
import app.retake.progress.TakeComparison;
import app.retake.progress.TakeHistory;
import app.retake.review.InterviewerReview;
import app.retake.review.ReviewFiles;
import app.retake.review.Rubric;
import app.retake.review.SelfCheck;
import app.retake.speech.MetricSettings;
import app.retake.speech.TranscriptFiles;

/**
 * Bad input: a take's transcript ({@code .transcript.json}), subtitles ({@code .vtt}) or review
 * ({@code .review.json}) cut short, overwritten, in another encoding, or valid JSON holding the wrong things. The
 * take is opened for review, compared, listed and searched; a damaged review is then rated again, by the candidate
 * and by a friend. Nothing may throw, a file that cannot be read must be named, the new rating must be saved, a
 * review that could not be read must be kept aside byte for byte, and every other file must be left as it was.
 */
public final class DamagedTakeFilesTrial implements FaultTrial {

    private final long seed;

    public DamagedTakeFilesTrial() {
        this(Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    DamagedTakeFilesTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "damaged transcript, subtitles or review file";
    }

    @Override
    public Area area() {
        return Area.BAD_INPUT;
    }

    @Override
    public int defaultTrials() {
        return 300;
    }

    @Override
    public int quickTrials() {
        return 25;
    }

    /** Which of a take's files is damaged. */
    enum Target {
        TRANSCRIPT, SUBTITLES, REVIEW
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Trials.Tally tally = new Trials.Tally(seed);
        int[] byTarget = new int[Target.values().length];
        for (int i = 0; i < trials; i++) {
            SplittableRandom random = tally.random(i);
            Target target = Target.values()[random.nextInt(5) < 2 ? 0 : random.nextInt(4) == 0 ? 1 : 2];
            byTarget[target.ordinal()]++;
            String[] what = {""};
            Path dir = scratch.resolve("t" + i);
            tally.check(i, () -> what[0], () -> {
                TakeFolder folder = TakeFolder.create(dir, 3, Set.of(), Map.of());
                TakeFiles take = folder.take(2);
                Path file = target == Target.TRANSCRIPT ? take.transcript()
                        : target == Target.SUBTITLES ? take.subtitles() : take.review();
                byte[] good = Files.readAllBytes(file);
                FileDamage.Damaged damage = target == Target.SUBTITLES || random.nextInt(3) == 0
                        ? (random.nextBoolean() ? FileDamage.anyFile(good, random) : FileDamage.textFile(good, random))
                        : FileDamage.jsonFile(good, random);
                what[0] = target.name().toLowerCase(java.util.Locale.ROOT) + ", " + damage.what();
                Files.write(file, damage.bytes());
                return check(folder, target, file, damage.bytes());
            });
            Trials.deleteTree(dir);
        }
        return tally.outcome(trials, trials + " takes with one file damaged (seed " + seed + "): " + byTarget[0]
                + " transcripts, " + byTarget[1] + " subtitles, " + byTarget[2] + " reviews; checked: review, "
                + "comparison, history listing and search never throw and name a file they could not read; rating a "
                + "take with a damaged review saves the new rating and keeps the old file aside byte for byte; "
                + "nothing else changes", List.of("Retake never reads .vtt files back (captions come from the "
                + "transcript), so a damaged one only affects other players"));
    }

    private static List<String> check(TakeFolder folder, Target target, Path file, byte[] damaged)
            throws IOException {
        Map<Path, byte[]> before = folder.snapshot();
        List<String> wrong = new ArrayList<>();
        TakeFiles take = folder.take(2);
        MetricSettings settings = MetricSettings.defaults();
        Optional<Question> question = folder.library.find(folder.attempts.get(1).questionId());
        String name = file.getFileName().toString();

        SavedTakes.Opened opened = SavedTakes.open(take, question, settings);
        List<String> notes = opened.take().notes();
        boolean named = notes.stream().anyMatch(n -> n.contains(name));
        if (target == Target.TRANSCRIPT) {
            if (!transcriptReadable(damaged) && !named) {
                wrong.add("review did not name the unreadable transcript: " + notes);
            }
        } else if (opened.take().transcript().isEmpty()) {
            wrong.add("review lost the transcript: " + notes);
        }
        if (target == Target.REVIEW) {
            if (!reviewReadable(file) && !named) {
                wrong.add("review did not name the unreadable review file: " + notes);
            }
        } else if (!opened.review().selfCheck().note().equals("note for take 2")) {
            wrong.add("review lost the rating and note");
        }

        TakeHistory history = TakeHistory.load(folder.root, folder.library, TakeFolder.PROFILE, ZoneOffset.UTC);
        int found = history.search("manager").stream().mapToInt(s -> s.takes().size()).sum();
        if (history.takes().size() != 3 || found < 2) {
            wrong.add("the history lists " + history.takes().size() + " takes and search finds " + found);
        }
        TakeComparison.load(folder.root, TakeFolder.PROFILE, folder.attempts.get(0).questionId(), question, settings);

        Set<Path> mayChange = Set.of();
        if (target == Target.REVIEW) {
            boolean readable = reviewReadable(file);
            SelfCheck again = new SelfCheck(Map.of(SelfCheck.Aspect.PREPARATION, SelfCheck.Verdict.WORK_ON_IT),
                    "rated again");
            try {
                ReviewFiles.write(file, Optional.of(Rating.GOOD), again);
                ReviewFiles.writeInterviewer(file, new InterviewerReview("Sam", Optional.of(Rating.SHAKY),
                        new Rubric(Map.of(Rubric.Criterion.values()[0], 4)), "Clear", List.of(), List.of()));
                ReviewFiles.Review read = ReviewFiles.read(file);
                if (!read.rating().equals(Optional.of(Rating.GOOD)) || !read.selfCheck().equals(again)
                        || !ReviewFiles.readInterviewer(file).interviewer().equals("Sam")) {
                    wrong.add("the new rating did not read back");
                }
            } catch (IOException e) {
                wrong.add("the new rating could not be saved: " + e.getMessage());
            }
            Path aside = file.resolveSibling(name + ".damaged");
            boolean blank = new String(damaged, StandardCharsets.UTF_8).isBlank();
            if (!readable && !blank
                    && !(Files.isRegularFile(aside) && Arrays.equals(Files.readAllBytes(aside), damaged))) {
                wrong.add("the unreadable review was not kept aside as it was");
            }
            mayChange = Set.of(file);
        }
        wrong.addAll(folder.lostSince(before, mayChange));
        wrong.addAll(folder.rowsLost());
        return wrong;
    }

    private static boolean transcriptReadable(byte[] bytes) {
        try {
            TranscriptFiles.parse(new String(bytes, StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the file reads as a review: the candidate's part and the friend's part. */
    private static boolean reviewReadable(Path file) {
        try {
            ReviewFiles.read(file);
            ReviewFiles.readInterviewer(file);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
