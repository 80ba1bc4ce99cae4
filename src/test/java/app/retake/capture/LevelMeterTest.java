package app.retake.capture;

import static app.retake.capture.Tones.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LevelMeterTest {

    static final int RATE = 48_000;

    @Test
    void aFullScaleSineHasAnRmsOfMinus3AndAPeakOf0Dbfs() {
        AudioLevel level = LevelMeter.measure(sine(RATE, 1_000, 32_767, RATE));

        assertThat(level.rmsDbfs()).isCloseTo(-3.01, within(0.01));
        assertThat(level.peakDbfs()).isCloseTo(0, within(0.01));
    }

    @Test
    void halvingTheAmplitudeLowersBothLevelsBy6Decibels() {
        AudioLevel full = LevelMeter.measure(sine(RATE, 1_000, 32_000, RATE));
        AudioLevel half = LevelMeter.measure(sine(RATE, 1_000, 16_000, RATE));

        assertThat(half.rmsDbfs() - full.rmsDbfs()).isCloseTo(-6.02, within(0.01));
        assertThat(half.peakDbfs() - full.peakDbfs()).isCloseTo(-6.02, within(0.01));
    }

    @Test
    void silenceReadsAsTheFloorNotMinusInfinity() {
        assertThat(LevelMeter.measure(new short[960])).isEqualTo(new AudioLevel(-90, -90));
        assertThat(LevelMeter.measure(new short[0])).isEqualTo(AudioLevel.SILENCE);
        assertThat(LevelMeter.measure(new short[] {0, 0, 1, 0}).rmsDbfs()).isEqualTo(-90);
    }

    @Test
    void theMostNegativeSampleIsFullScale() {
        assertThat(LevelMeter.measure(new short[] {Short.MIN_VALUE, 0}).peakDbfs()).isZero();
    }

    @Test
    void aPeakIsHeldThenFallsAtTheSetRateMeasuredInAudioTime() {
        LevelMeter meter = new LevelMeter(0.5, 20);
        AudioChunk loud = new AudioChunk(0, RATE, sine(RATE, 1_000, 16_384, 960));
        AudioChunk quiet = new AudioChunk(0, RATE, new short[4_800]);

        double peak = meter.update(loud).peakDbfs();
        assertThat(peak).isCloseTo(-6.02, within(0.01));
        for (int i = 0; i < 5; i++) {
            meter.update(quiet);
            assertThat(meter.heldPeakDbfs()).as("held for 0.5 s").isEqualTo(peak);
        }
        meter.update(quiet);
        assertThat(meter.heldPeakDbfs()).as("then falling for 0.1 s").isCloseTo(peak - 2, within(1e-9));
        for (int i = 0; i < 100; i++) {
            meter.update(quiet);
        }
        assertThat(meter.heldPeakDbfs()).as("down to the floor").isEqualTo(LevelMeter.FLOOR_DBFS);
        assertThat(meter.latest()).isEqualTo(AudioLevel.SILENCE);
    }
}
