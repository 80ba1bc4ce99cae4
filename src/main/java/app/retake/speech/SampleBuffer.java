package app.retake.speech;

import java.util.Arrays;

/** A growing run of 16-bit samples: the audio a transcript was made from, kept for the voice measurements. */
final class SampleBuffer {

    private short[] samples = new short[LiveTranscriber.RATE * 10];
    private int size;

    void append(short[] from, int length) {
        if (size + length > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + length));
        }
        System.arraycopy(from, 0, samples, size, length);
        size += length;
    }

    short[] toArray() {
        return Arrays.copyOf(samples, size);
    }
}
