package app.retake.ui.ambush;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two-note chime that announces an ambush, made on the spot so no sound file has to ship. Played on the
 * given executor, since opening an audio device can block; a machine without sound output gets a log line.
 */
public final class Chime {

    private static final Logger LOG = LoggerFactory.getLogger(Chime.class);

    static final float SAMPLE_RATE = 44_100f;
    private static final double[] NOTES_HZ = {880.0, 1318.5};
    private static final double NOTE_SECONDS = 0.16;
    private static final double VOLUME = 0.35;

    private final Executor executor;

    /** @param executor where the sound device is opened and written; never the FX thread */
    public Chime(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Plays the chime in the background; returns at once. */
    public void play() {
        try {
            executor.execute(Chime::playHere);
        } catch (RejectedExecutionException e) {
            LOG.debug("No chime: the app is closing");
        }
    }

    /** Plays on the calling thread, blocking for the length of the chime. */
    static void playHere() {
        AudioFormat format = format();
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
        try {
            if (!AudioSystem.isLineSupported(info)) {
                LOG.info("No chime for the ambush: this machine has no sound output");
                return;
            }
            try (SourceDataLine line = (SourceDataLine) AudioSystem.getLine(info)) {
                byte[] pcm = samples();
                line.open(format, pcm.length);
                line.start();
                line.write(pcm, 0, pcm.length);
                line.drain();
            }
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            // Java Sound reports a missing or busy device in several ways; all of them mean "no chime this time".
            LOG.info("No chime for the ambush: the sound output could not be opened ({})", e.toString());
        }
    }

    static AudioFormat format() {
        return new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    }

    /** 16-bit little-endian mono: each note a sine with a quick fade in and a longer fade out, so nothing clicks. */
    static byte[] samples() {
        int perNote = (int) (SAMPLE_RATE * NOTE_SECONDS);
        byte[] pcm = new byte[perNote * NOTES_HZ.length * 2];
        int fadeIn = (int) (SAMPLE_RATE * 0.005);
        int i = 0;
        for (double hz : NOTES_HZ) {
            for (int n = 0; n < perNote; n++) {
                double envelope = Math.min(1.0, n / (double) fadeIn) * Math.pow(1.0 - n / (double) perNote, 2);
                double value = VOLUME * envelope * Math.sin(2 * Math.PI * hz * n / SAMPLE_RATE);
                short sample = (short) Math.round(value * Short.MAX_VALUE);
                pcm[i++] = (byte) sample;
                pcm[i++] = (byte) (sample >> 8);
            }
        }
        return pcm;
    }
}
