package app.retake.capture;

/** Turns interleaved 16-bit PCM bytes into mono samples. */
final class Pcm {

    private Pcm() {
    }

    /** Decodes {@code frames} frames of signed 16-bit samples, averaging the channels of each frame. */
    static short[] toMono(byte[] data, int frames, int channels, boolean bigEndian) {
        short[] mono = new short[frames];
        int hi = bigEndian ? 0 : 1;
        int lo = 1 - hi;
        int i = 0;
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += (short) ((data[i + hi] << 8) | (data[i + lo] & 0xff));
                i += 2;
            }
            mono[f] = (short) (channels == 1 ? sum : Math.floorDiv(sum, channels));
        }
        return mono;
    }
}
