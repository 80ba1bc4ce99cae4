package app.retake.speech;

import java.util.ArrayList;
import java.util.List;

import org.vosk.Model;
import org.vosk.Recognizer;

/** One Vosk recognizer fed 16 kHz audio, collecting words; shared by live and batch transcription. */
final class VoskDecoder implements AutoCloseable {

    private final Recognizer recognizer;
    private final String modelName;
    private final LiveTranscriber.Listener listener;
    private final List<Word> words = new ArrayList<>();
    private long samples;
    private long samplesAtLastPartial;
    private boolean closed;
    /** Captions are refreshed at most this often: each partial result costs a search of the whole lattice. */
    static final int PARTIAL_EVERY_SAMPLES = LiveTranscriber.RATE / 4;

    /** @param listener told about phrases and partial text; null when nobody is listening (batch) */
    VoskDecoder(Model model, String modelName, LiveTranscriber.Listener listener) {
        try {
            this.recognizer = new Recognizer(model, LiveTranscriber.RATE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Vosk could not create a recognizer: " + e.getMessage(), e);
        }
        recognizer.setWords(true);
        // Partial results cost a search over the lattice each time; only live captions need them.
        recognizer.setPartialWords(listener != null);
        this.modelName = modelName;
        this.listener = listener;
    }

    /** Decodes 16 kHz mono samples, telling the listener about finished phrases and the current partial one. */
    void feed(short[] audio, int length) {
        if (length == 0) {
            return;
        }
        samples += length;
        if (recognizer.acceptWaveForm(audio, length)) {
            List<Word> segment = VoskResults.words(recognizer.getResult(), 0);
            words.addAll(segment);
            if (!segment.isEmpty() && listener != null) {
                listener.segment(segment);
            }
            samplesAtLastPartial = samples;
        } else if (listener != null && samples - samplesAtLastPartial >= PARTIAL_EVERY_SAMPLES) {
            samplesAtLastPartial = samples;
            listener.partial(VoskResults.partial(recognizer.getPartialResult()));
        }
    }

    /** Takes the last phrase and returns everything heard; the decoder is closed afterwards. */
    Transcript finish() {
        words.addAll(VoskResults.words(recognizer.getFinalResult(), 0));
        close();
        return new Transcript(words, samples / (double) LiveTranscriber.RATE, modelName);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            recognizer.close();
        }
    }
}
