package app.retake.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.capture.TakeStats;
import app.retake.history.TakeFiles;
import app.retake.review.InterviewerReview;
import app.retake.review.ReviewFiles;
import app.retake.speech.FileTranscriber;
import app.retake.speech.LiveTranscriber;
import app.retake.speech.MetricSettings;
import app.retake.speech.SpeechMetrics;
import app.retake.speech.Transcript;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.VoiceMetrics;

/**
 * Opens a take saved in an earlier session for review: its transcript, measurements and review file, including
 * what the friend who ran the interview said about it.
 */
public final class SavedTakes {

    private static final Logger LOG = LoggerFactory.getLogger(SavedTakes.class);

    private SavedTakes() {
    }

    /**
     * A saved take ready to show, with the rating and self-check it was given.
     *
     * @param interviewer the friend's rating, rubric, feedback, flags and follow-ups; {@link InterviewerReview#NONE}
     *                    for a solo take or when the review file could not be read
     */
    public record Opened(TakeResult take, ReviewFiles.Review review, InterviewerReview interviewer) {
    }

    /** Reads a take's files; whatever is missing or damaged is said in the result's notes. Does file I/O. */
    public static Opened open(TakeFiles files, Optional<Question> question, MetricSettings settings) {
        List<String> notes = new ArrayList<>();
        Optional<Transcript> transcript = Optional.empty();
        if (Files.exists(files.transcript())) {
            try {
                transcript = Optional.of(TranscriptFiles.parse(Files.readString(files.transcript())));
            } catch (IOException e) {
                notes.add("The transcript " + files.transcript() + " could not be read (" + e.getMessage() + ").");
            }
        } else {
            notes.add("This take has no transcript yet.");
        }
        Optional<VoiceMetrics> voice = Optional.empty();
        short[] audio = new short[0];
        // A transcript-only take waiting for its transcript has only its sound.
        java.nio.file.Path media = Files.isRegularFile(files.video()) || !Files.isRegularFile(files.sound())
                ? files.video() : files.sound();
        if (transcript.isPresent() && Files.isRegularFile(media)) {
            try {
                audio = FileTranscriber.audio(media);
                voice = VoiceMetrics.measure(audio, LiveTranscriber.RATE);
            } catch (IOException e) {
                LOG.warn("Could not read the sound of {}", media, e);
                notes.add("The sound of the recording " + media + " could not be read; the file may be "
                        + "damaged. The transcript is here, but the voice measurements are not.");
            }
        }
        // Deleted on purpose (retention, transcript only) is said as such, not as a missing file.
        app.retake.history.VideoGone.whyNoVideo(files).ifPresent(notes::add);
        ReviewFiles.Review review = ReviewFiles.Review.NONE;
        try {
            review = ReviewFiles.read(files.review());
        } catch (IOException e) {
            notes.add(e.getMessage());
        }
        InterviewerReview interviewer = InterviewerReview.NONE;
        try {
            interviewer = ReviewFiles.readInterviewer(files.review());
        } catch (IOException e) {
            // The same damaged file already failed the candidate's part; say so once.
            if (!notes.contains(e.getMessage())) {
                notes.add(e.getMessage());
            }
        }
        short[] heard = audio;
        Optional<SpeechMetrics> metrics = transcript.map(t -> SpeechMetrics.of(t, heard, LiveTranscriber.RATE,
                question, settings));
        double seconds = transcript.map(Transcript::seconds).orElse(0.0);
        TakeStats stats = new TakeStats(files.video(), 0, 0, 0, 0, seconds, 0, 0, seconds, Optional.empty());
        return new Opened(new TakeResult(question, files, stats, transcript, metrics, voice, 0, notes), review,
                interviewer);
    }
}
