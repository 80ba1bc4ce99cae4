package app.retake.speech;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;

import app.retake.capture.AudioChunk;
import app.retake.capture.Resampler;

/**
 * Transcribes one take while it is recorded: chunks arrive from the microphone, are resampled to 16 kHz and
 * decoded on the transcriber's own thread, so the transcript is ready moments after the answer ends.
 *
 * <p>Capture never waits: chunks pass through a bounded queue holding {@value #BUFFER_SECONDS} seconds; what does
 * not fit is counted and the words in it are lost (reported, never silent). One Vosk recognizer per take, closed
 * when the take is finished.
 */
public final class LiveTranscriber implements AutoCloseable {

    /** Vosk's small English model expects this rate. */
    public static final int RATE = 16_000;
    static final int BUFFER_SECONDS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(LiveTranscriber.class);
    private static final AudioChunk END = new AudioChunk(0, RATE, new short[0]);

    /** Receives live results on the transcriber's thread. */
    public interface Listener {
        /** Ignores live results (the transcript is still made). */
        Listener NONE = new Listener() {
            @Override
            public void partial(String text) {
            }

            @Override
            public void segment(List<Word> words) {
            }
        };

        /** The words heard so far in the current phrase, still subject to change. */
        void partial(String text);

        /** A finished phrase. */
        void segment(List<Word> words);
    }

    private final VoskDecoder vosk;
    private final BlockingQueue<AudioChunk> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread decoder;
    private Resampler resampler;
    /** Vosk decodes blocks of a tenth of a second far more cheaply than the microphone's 20 ms chunks. */
    private final short[] block = new short[RATE / 10];
    private int filled;
    /** Every 16 kHz sample decoded, for the voice measurements once the take ends. */
    private final SampleBuffer heard = new SampleBuffer();
    private volatile RuntimeException failure;

    /**
     * @param chunksPerSecond how many chunks a second the source delivers, to size the queue
     */
    public LiveTranscriber(Model model, String modelName, int chunksPerSecond, Listener listener) {
        this.vosk = new VoskDecoder(model, modelName, listener);
        this.queue = new ArrayBlockingQueue<>(Math.max(8, chunksPerSecond * BUFFER_SECONDS));
        this.decoder = new Thread(this::decodeLoop, "transcriber");
        decoder.setDaemon(true);
        decoder.start();
    }

    /** Hands audio to the decoder; never blocks. */
    public void accept(AudioChunk chunk) {
        if (!queue.offer(chunk)) {
            dropped.incrementAndGet();
        }
    }

    /** Chunks that did not fit in the buffer. */
    public long dropped() {
        return dropped.get();
    }

    private void decodeLoop() {
        try {
            while (true) {
                AudioChunk chunk = queue.take();
                if (chunk == END) {
                    return;
                }
                decode(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Transcription failed", e);
            failure = e;
        }
    }

    private void decode(AudioChunk chunk) {
        if (resampler == null) {
            resampler = new Resampler(chunk.sampleRate(), RATE);
        }
        short[] samples = chunk.sampleRate() == RATE ? chunk.samples() : resampler.process(chunk.samples());
        buffer(samples);
    }

    private void buffer(short[] samples) {
        int at = 0;
        while (at < samples.length) {
            int n = Math.min(samples.length - at, block.length - filled);
            System.arraycopy(samples, at, block, filled, n);
            filled += n;
            at += n;
            if (filled == block.length) {
                flushBlock();
            }
        }
    }

    private void flushBlock() {
        vosk.feed(block, filled);
        heard.append(block, filled);
        filled = 0;
    }

    /** The 16 kHz audio decoded so far; complete once {@link #finish} has returned. */
    public short[] audio() {
        return heard.toArray();
    }

    /**
     * Waits for the decoder to catch up with what was captured, takes the last phrase and returns the transcript.
     * Closes the recognizer.
     */
    public Transcript finish() {
        try {
            queue.put(END);
            decoder.join(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            close();
            throw failure;
        }
        if (resampler != null && resampler.inputRate() != RATE) {
            buffer(resampler.flush());
        }
        flushBlock();
        if (dropped.get() > 0) {
            LOG.warn("The transcriber fell behind; {} audio chunks were not transcribed", dropped.get());
        }
        return vosk.finish();
    }

    /** Abandons the take's transcription. */
    @Override
    public void close() {
        decoder.interrupt();
        try {
            decoder.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vosk.close();
    }
}
