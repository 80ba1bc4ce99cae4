package app.retake.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.privacy.VideoRetention;

/**
 * "Keep videos for N days": a data folder of takes recorded on random days in the past (real small recordings,
 * transcripts, reviews, log rows) is cleaned up, and every trial counts as a violation when a video older than N
 * days is still there, a younger one or one not yet transcribed is gone, or anything else (transcript, subtitles,
 * review, the attempt log with its measurements and ratings) changed.
 */
public final class RetentionTrial implements FaultTrial {

    @Override
    public String fault() {
        return "video kept past its retention";
    }

    @Override
    public Area area() {
        return Area.PRIVACY;
    }

    @Override
    public int defaultTrials() {
        return 50;
    }

    @Override
    public int quickTrials() {
        return 8;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Path video = TakeFixtures.tinyVideo(scratch.resolve("source"));
        SplittableRandom random = new SplittableRandom(20_240_601);
        LocalDate today = LocalDate.now();
        int lost = 0;
        int videos = 0;
        int deleted = 0;
        List<String> notes = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Path data = Files.createDirectories(scratch.resolve("trial-" + t));
            int keep = 1 + random.nextInt(45);
            List<TakeFiles> takes = new ArrayList<>();
            List<Boolean> transcribed = new ArrayList<>();
            int count = 4 + random.nextInt(10);
            for (int i = 0; i < count; i++) {
                LocalDate day = today.minusDays(random.nextInt(keep * 2 + 3));
                boolean transcript = random.nextInt(6) != 0;
                String session = "session-" + (100_000 + random.nextInt(900_000));
                String take = String.format("take-%02d", i + 1);
                TakeFixtures.make(new TakeFixtures.Spec(data, day, session, take, "me", Optional.of(video),
                        transcript, Optional.of(Rating.values()[random.nextInt(Rating.values().length)])));
                takes.add(TakeFiles.of(data, day, session, take));
                transcribed.add(transcript);
            }
            videos += count;
            String log = Files.readString(data.resolve(AttemptLog.FILE_NAME));
            Map<String, String> before = TakeFixtures.contents(data);

            VideoRetention.Outcome outcome = VideoRetention.run(data, keep, today, false);
            deleted += outcome.deleted().size();

            List<String> violations = new ArrayList<>();
            LocalDate cutOff = today.minusDays(keep);
            for (int i = 0; i < takes.size(); i++) {
                TakeFiles files = takes.get(i);
                LocalDate day = LocalDate.parse(files.dir().getParent().getFileName().toString());
                boolean expired = day.isBefore(cutOff);
                boolean shouldGo = expired && transcribed.get(i);
                if (shouldGo && Files.exists(files.video())) {
                    violations.add(files.take() + " of " + day + " kept past " + keep + " days");
                }
                if (!shouldGo && !Files.exists(files.video())) {
                    violations.add(files.take() + " of " + day + " deleted though "
                            + (expired ? "not transcribed yet" : "younger than " + keep + " days"));
                }
                if (shouldGo && VideoGone.read(files).filter(g -> g.reason() == VideoGone.Reason.RETENTION)
                        .isEmpty()) {
                    violations.add(files.take() + ": no note saying why its video is gone");
                }
            }
            if (!log.equals(Files.readString(data.resolve(AttemptLog.FILE_NAME)))) {
                violations.add("the attempt log changed");
            }
            Map<String, String> after = TakeFixtures.contents(data);
            before.forEach((path, digest) -> {
                if (!path.endsWith(".mp4") && !digest.equals(after.get(path))) {
                    violations.add(path + " was changed or deleted");
                }
            });
            if (!outcome.problems().isEmpty()) {
                violations.addAll(outcome.problems());
            }
            if (!violations.isEmpty()) {
                lost++;
                notes.add("trial " + t + " (keep " + keep + " days): " + String.join("; ", violations));
            }
            TrialKit.deleteTree(data);
        }
        notes.add(0, videos + " takes on random days, " + deleted + " old videos deleted; checked: every video older "
                + "than N days and transcribed is gone with a note, every other video kept, transcripts, subtitles, "
                + "reviews and the attempt log byte for byte unchanged");
        return new Outcome(trials, lost, notes);
    }
}
