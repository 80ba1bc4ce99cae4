package app.retake.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import app.retake.storage.AtomicFiles;

/**
 * Why a take has no video (any more): the retention setting deleted it, or Transcript only was on and none was
 * kept. Saved as a small text file beside the take ({@code <take>.video-deleted}) so that the history and Review say
 * what happened instead of calling the recording missing. The attempt log is never rewritten for this: its row
 * keeps the path the video had, and this file is what says it is gone on purpose.
 *
 * @param on       the day the video or sound was deleted, when known
 * @param keptDays for {@link Reason#RETENTION}, the setting that deleted it; 0 otherwise
 */
public record VideoGone(Reason reason, Optional<LocalDate> on, int keptDays) {

    /** File name ending of the marker, after the take's id. */
    public static final String SUFFIX = ".video-deleted";

    public enum Reason { RETENTION, TRANSCRIPT_ONLY }

    public VideoGone {
        on = on == null ? Optional.empty() : on;
        keptDays = Math.max(0, keptDays);
    }

    public static VideoGone retention(LocalDate on, int keptDays) {
        return new VideoGone(Reason.RETENTION, Optional.of(on), keptDays);
    }

    public static VideoGone transcriptOnly(LocalDate on) {
        return new VideoGone(Reason.TRANSCRIPT_ONLY, Optional.of(on), 0);
    }

    /** Writes the marker beside the take, atomically. */
    public void write(TakeFiles files) throws IOException {
        StringBuilder text = new StringBuilder("reason=").append(reason.name().toLowerCase(Locale.ROOT)
                .replace('_', '-')).append('\n');
        on.ifPresent(d -> text.append("on=").append(d).append('\n'));
        if (reason == Reason.RETENTION) {
            text.append("days=").append(keptDays).append('\n');
        }
        AtomicFiles.writeString(files.videoGone(), text.toString());
    }

    /**
     * The marker beside a take, if there is one. Never throws: a marker that cannot be read still says the video
     * was deleted on purpose, only without the details.
     */
    public static Optional<VideoGone> read(TakeFiles files) {
        Path file = files.videoGone();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Reason reason = Reason.RETENTION;
        Optional<LocalDate> on = Optional.empty();
        int days = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                switch (key) {
                    case "reason" -> reason = "transcript-only".equals(value) ? Reason.TRANSCRIPT_ONLY
                            : Reason.RETENTION;
                    case "on" -> on = Optional.of(LocalDate.parse(value));
                    case "days" -> days = Integer.parseInt(value);
                    default -> {
                        // a field from a newer Retake: ignored
                    }
                }
            }
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            // What was read so far stands; the marker's presence is what matters.
        }
        return Optional.of(new VideoGone(reason, on, days));
    }

    /** A few words for a list of takes. */
    public String label() {
        return reason == Reason.RETENTION ? "video deleted (retention)" : "transcript only";
    }

    /** One sentence for the review of the take. */
    /**
     * Why a take has no video, in a sentence for the user; empty when the video is there. Reads the folder, so call
     * it off the FX thread.
     */
    public static Optional<String> whyNoVideo(TakeFiles files) {
        if (Files.isRegularFile(files.video())) {
            return Optional.empty();
        }
        return Optional.of(read(files).map(VideoGone::sentence).orElse(Files.isRegularFile(files.sound())
                ? "Recorded with \"Transcript only\" on: there is no video, and the sound is kept only until the "
                + "take has been transcribed."
                : "The recording " + files.video() + " is missing."));
    }

    public String sentence() {
        if (reason == Reason.TRANSCRIPT_ONLY) {
            return "Recorded with \"Transcript only\" on: no video was made, and the sound was deleted once it was "
                    + "transcribed. The transcript, measurements and ratings are kept.";
        }
        String when = on.map(d -> " on " + d).orElse("");
        String why = keptDays > 0 ? " because videos are kept for " + keptDays + (keptDays == 1 ? " day" : " days")
                + " (Settings)" : " by the retention setting";
        return "The video was deleted" + when + why + ". The transcript, measurements and ratings are kept.";
    }
}
