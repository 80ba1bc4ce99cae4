package app.retake.practice;

import java.util.List;
import java.util.Optional;

import app.retake.bank.Question;
import app.retake.capture.TakeStats;
import app.retake.history.TakeFiles;
import app.retake.speech.SpeechMetrics;
import app.retake.speech.Transcript;
import app.retake.speech.VoiceMetrics;

/**
 * A finished take: its files, what was captured, and what was heard and measured when a transcript exists.
 *
 * @param question          the question answered, if there was one
 * @param transcriptMillis  how long after the answer ended the transcript was ready, when there is one
 * @param notes             plain sentences for the user about what is missing or went wrong
 */
public record TakeResult(Optional<Question> question, TakeFiles files, TakeStats stats, Optional<Transcript> transcript,
                         Optional<SpeechMetrics> metrics, Optional<VoiceMetrics> voice, double transcriptMillis,
                         List<String> notes) {

    public TakeResult {
        notes = List.copyOf(notes);
    }
}
