package app.retake.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.storage.IoProblems;

/**
 * "Keep videos for N days": deletes the video of every take recorded more than N days ago and leaves everything
 * else of it (transcript, subtitles, review file, the attempt log row with its measurements and ratings).
 *
 * <p>A take's day is its folder's ({@code <data>/<yyyy-mm-dd>/<session>/}), the day recording started. A video
 * recorded on day D goes once today is later than D + N, so every video is kept at least N whole days. The attempt
 * log is not rewritten: its row keeps the path the video had, and a {@code <take>.video-deleted} file beside the take
 * (written before the video is deleted) tells the history and Review that it was deleted on purpose.
 *
 * <p>A video whose take has not been transcribed yet is kept (and said so) until it has been: it is the only
 * source of the transcript; so it can run beside late transcription, which only reads videos without one.
 */
public final class VideoRetention {

    private static final Logger LOG = LoggerFactory.getLogger(VideoRetention.class);

    private VideoRetention() {
    }

    /**
     * What a clean-up did (or, for a dry run, would do).
     *
     * @param deleted videos deleted (or to delete)
     * @param waiting expired videos kept because their take has no transcript yet
     * @param problems videos that could not be deleted, one sentence each
     */
    public record Outcome(boolean dryRun, int keepDays, List<Path> deleted, List<Path> waiting,
                          List<String> problems) {
        public Outcome {
            deleted = List.copyOf(deleted);
            waiting = List.copyOf(waiting);
            problems = List.copyOf(problems);
        }

        /** One sentence for the log or the command line. */
        public String summary() {
            if (keepDays == 0) {
                return "Videos are kept until you delete them (Settings: keep videos forever); nothing to do.";
            }
            String verb = dryRun ? "Would delete " : "Deleted ";
            String text = verb + deleted.size() + (deleted.size() == 1 ? " video" : " videos") + " older than "
                    + keepDays + (keepDays == 1 ? " day" : " days") + "; their transcripts, measurements and ratings "
                    + "are kept.";
            if (!waiting.isEmpty()) {
                text += " Kept " + waiting.size() + " older " + (waiting.size() == 1 ? "video" : "videos")
                        + " not transcribed yet; " + (waiting.size() == 1 ? "it goes" : "they go")
                        + " once transcribed.";
            }
            if (!problems.isEmpty()) {
                text += " " + problems.size() + " could not be deleted.";
            }
            return text;
        }
    }

    /**
     * Deletes (or with {@code dryRun} only lists) the videos under {@code dataRoot} recorded more than
     * {@code keepDays} days before {@code today}. {@code keepDays} 0 means keep forever: nothing is touched.
     * Never throws; what went wrong is in the outcome.
     */
    public static Outcome run(Path dataRoot, int keepDays, LocalDate today, boolean dryRun) {
        List<Path> deleted = new ArrayList<>();
        List<Path> waiting = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (keepDays <= 0 || !Files.isDirectory(dataRoot)) {
            return new Outcome(dryRun, Math.max(0, keepDays), deleted, waiting, problems);
        }
        LocalDate cutOff = today.minusDays(keepDays);
        Path root = dataRoot.toAbsolutePath().normalize();
        List<Path> videos = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 3)) {
            walk.filter(p -> root.relativize(p).getNameCount() == 3 && isVideo(p)).sorted().forEach(videos::add);
        } catch (IOException | UncheckedIOException e) {
            problems.add("Could not look through " + root + " for old videos: " + e.getMessage());
            return new Outcome(dryRun, keepDays, deleted, waiting, problems);
        }
        for (Path video : videos) {
            LocalDate day;
            try {
                day = LocalDate.parse(video.getParent().getParent().getFileName().toString());
            } catch (DateTimeParseException e) {
                continue; // not a take's folder
            }
            if (!day.isBefore(cutOff)) {
                continue;
            }
            TakeFiles files = filesOf(video);
            if (!Files.exists(files.transcript()) && !Files.exists(files.noSound())) {
                waiting.add(video);
                continue;
            }
            if (dryRun) {
                deleted.add(video);
                continue;
            }
            try {
                if (!video.getParent().toRealPath().startsWith(root.toRealPath())) {
                    problems.add("Left " + root.relativize(video) + " alone: its folder leads outside the data "
                            + "folder.");
                    continue;
                }
                // The marker first: a crash in between leaves a marked take whose video the next run deletes.
                VideoGone.retention(today, keepDays).write(files);
                Files.delete(video);
                deleted.add(video);
            } catch (NoSuchFileException e) {
                // gone meanwhile
            } catch (IOException | SecurityException e) {
                String reason = e instanceof IOException ? IoProblems.describe((IOException) e) : e.getMessage();
                LOG.warn("Could not delete the old video {}: {}", video, reason);
                problems.add("Could not delete " + root.relativize(video) + ": " + reason + ".");
            }
        }
        Outcome outcome = new Outcome(dryRun, keepDays, deleted, waiting, problems);
        if (!dryRun && (!deleted.isEmpty() || !problems.isEmpty())) {
            LOG.info("Retention: {}", outcome.summary());
        }
        return outcome;
    }

    /** A take's video, finished or left fragmented by a crash; never a transcript-only take's sound. */
    static boolean isVideo(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".mp4") && !name.endsWith(TakeFiles.SOUND_SUFFIX)
                && !name.endsWith(".audio" + TakeFiles.RECORDING_SUFFIX)
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static TakeFiles filesOf(Path video) {
        String name = video.getFileName().toString();
        String suffix = name.endsWith(TakeFiles.RECORDING_SUFFIX) ? TakeFiles.RECORDING_SUFFIX : ".mp4";
        return new TakeFiles(video.getParent(), name.substring(0, name.length() - suffix.length()));
    }
}
