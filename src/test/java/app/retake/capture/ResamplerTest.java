package app.retake.capture;

import static app.retake.capture.Tones.amplitudeAt;
import static app.retake.capture.Tones.db;
import static app.retake.capture.Tones.frequency;
import static app.retake.capture.Tones.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

    static final int SPEECH = 16_000;
    static final double AMPLITUDE = 30_000;
    /** Past the filter's start-up, and one second long, so every test tone fits a whole number of cycles. */
    static final int SKIP = 1_000;

    @ParameterizedTest
    @ValueSource(ints = {48_000, 44_100})
    void aOneKilohertzToneStaysAtOneKilohertzAndKeepsItsLevel(int inputRate) {
        short[] out = new Resampler(inputRate, SPEECH).process(sine(inputRate, 1_000, AMPLITUDE, 2 * inputRate));

        assertThat(out.length).isBetween(2 * SPEECH - 100, 2 * SPEECH);
        assertThat(frequency(out, SKIP, SPEECH, SPEECH)).isCloseTo(1_000, within(0.05));
        assertThat(db(amplitudeAt(out, SKIP, SPEECH, 1_000, SPEECH) / AMPLITUDE)).isCloseTo(0, within(0.05));
    }

    @ParameterizedTest
    @ValueSource(ints = {48_000, 44_100})
    void speechFrequenciesPassUnchangedUpTo7Kilohertz(int inputRate) {
        for (int hertz : new int[] {100, 300, 2_000, 4_000, 6_000, 7_000}) {
            short[] out = new Resampler(inputRate, SPEECH).process(sine(inputRate, hertz, AMPLITUDE, 2 * inputRate));
            assertThat(db(amplitudeAt(out, SKIP, SPEECH, hertz, SPEECH) / AMPLITUDE)).as("%d Hz", hertz)
                    .isCloseTo(0, within(0.05));
        }
    }

    @Test
    void aTenKilohertzToneDoesNotFoldBackToSixKilohertz() {
        short[] pass = new Resampler(48_000, SPEECH).process(sine(48_000, 1_000, AMPLITUDE, 96_000));
        short[] stop = new Resampler(48_000, SPEECH).process(sine(48_000, 10_000, AMPLITUDE, 96_000));

        double passband = db(amplitudeAt(pass, SKIP, SPEECH, 1_000, SPEECH));
        double alias = db(amplitudeAt(stop, SKIP, SPEECH, 6_000, SPEECH));
        assertThat(passband - alias).isGreaterThan(80);
        assertThat(db(rms(stop, SKIP, SPEECH) / AMPLITUDE)).as("everything left of it").isLessThan(-80);
    }

    @ParameterizedTest
    @ValueSource(ints = {48_000, 44_100})
    void tonesJustAboveTheOutputNyquistAreAttenuatedBy80Decibels(int inputRate) {
        for (int hertz : new int[] {8_500, 9_000, 12_000, 15_000, 20_000}) {
            short[] out = new Resampler(inputRate, SPEECH).process(sine(inputRate, hertz, AMPLITUDE, 2 * inputRate));
            assertThat(db(rms(out, SKIP, SPEECH) * Math.sqrt(2) / AMPLITUDE)).as("%d Hz", hertz).isLessThan(-80);
        }
    }

    @Test
    void fromCdRateATwelveKilohertzToneDoesNotFoldBackToFourKilohertz() {
        short[] out = new Resampler(44_100, SPEECH).process(sine(44_100, 12_000, AMPLITUDE, 88_200));

        assertThat(db(amplitudeAt(out, SKIP, SPEECH, 4_000, SPEECH) / AMPLITUDE)).isLessThan(-80);
    }

    @ParameterizedTest
    @ValueSource(ints = {48_000, 44_100, 16_000, 8_000})
    void splittingTheStreamIntoChunksDoesNotChangeTheOutput(int inputRate) {
        Random random = new Random(inputRate);
        short[] input = noisyTone(inputRate, 3 * inputRate, random);
        Resampler whole = new Resampler(inputRate, SPEECH);
        short[] expected = concat(List.of(whole.process(input), whole.flush()));

        Resampler chunked = new Resampler(inputRate, SPEECH);
        List<short[]> parts = new ArrayList<>();
        for (int at = 0; at < input.length; ) {
            int size = Math.min(input.length - at, random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(3_000));
            parts.add(chunked.process(Arrays.copyOfRange(input, at, at + size)));
            at += size;
        }
        parts.add(chunked.flush());

        assertThat(concat(parts)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {48_000, 44_100, 22_050, 8_000})
    void outputKeepsPaceWithInputOverALongStream(int inputRate) {
        Resampler resampler = new Resampler(inputRate, SPEECH);
        double lag = resampler.latencySeconds() * SPEECH;
        Random random = new Random(7);
        short[] block = noisyTone(inputRate, 4_000, random);
        long in = 0;
        long out = 0;
        // Five minutes of input in chunks of random size: any drift would grow with every chunk.
        while (in < 300L * inputRate) {
            int size = 1 + random.nextInt(block.length);
            out += resampler.process(Arrays.copyOf(block, size)).length;
            in += size;
            double ideal = in * (double) SPEECH / inputRate;
            assertThat(ideal - out).as("after %d input samples", in).isCloseTo(lag, within(1.0));
        }
        out += resampler.flush().length;

        assertThat(out).isEqualTo((long) Math.ceil(in * (double) SPEECH / inputRate));
    }

    @Test
    void chunkStampsAreTheTimesOfTheirFirstOutputSample() {
        Resampler resampler = new Resampler(44_100, SPEECH);
        long start = 5_000_000_000L;
        long in = 0;
        long out = 0;
        for (int size : new int[] {882, 882, 100, 3, 2_000, 882, 1, 882}) {
            long stamp = start + Math.round(in * 1e9 / 44_100);
            AudioChunk chunk = resampler.process(new AudioChunk(stamp, 44_100, new short[size]));
            assertThat(chunk.sampleRate()).isEqualTo(SPEECH);
            if (chunk.samples().length > 0) {
                assertThat(chunk.captureNanos()).isCloseTo(start + Math.round(out * 1e9 / SPEECH), within(1L));
            }
            in += size;
            out += chunk.samples().length;
        }
    }

    @Test
    void equalRatesPassSamplesThroughUntouched() {
        short[] input = noisyTone(SPEECH, 1_234, new Random(1));
        Resampler resampler = new Resampler(SPEECH, SPEECH);

        assertThat(resampler.process(input)).isEqualTo(input);
        assertThat(resampler.latencySeconds()).isZero();
    }

    @Test
    void upsamplingKeepsAToneAndItsLevel() {
        short[] out = new Resampler(SPEECH, 48_000).process(sine(SPEECH, 1_000, AMPLITUDE, 2 * SPEECH));

        assertThat(frequency(out, 3 * SKIP, 48_000, 48_000)).isCloseTo(1_000, within(0.05));
        assertThat(db(amplitudeAt(out, 3 * SKIP, 48_000, 1_000, 48_000) / AMPLITUDE)).isCloseTo(0, within(0.05));
    }

    @Test
    void aChunkAtTheWrongRateIsRefused() {
        Resampler resampler = new Resampler(48_000, SPEECH);

        assertThatThrownBy(() -> resampler.process(new AudioChunk(0, 44_100, new short[10])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("44100");
    }

    static short[] noisyTone(int rate, int count, Random random) {
        short[] tone = sine(rate, 440, 12_000, count);
        for (int i = 0; i < count; i++) {
            tone[i] += (short) random.nextInt(-8_000, 8_000);
        }
        return tone;
    }

    static double rms(short[] samples, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / count);
    }

    static short[] concat(List<short[]> parts) {
        short[] all = new short[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
