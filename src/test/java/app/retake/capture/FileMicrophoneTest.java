package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// Timeouts guard against hangs only; timing is checked against the fake clock, never the wall clock.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileMicrophoneTest {

    @TempDir
    Path dir;

    /** A capture clock that moves on by 1 ms each time it is read; with {@link #NO_PAUSE} nothing waits for real. */
    static final class SteppingClock implements CaptureClock {

        final AtomicLong now = new AtomicLong(3_000_000_000L);

        @Override
        public long nanos() {
            return now.addAndGet(1_000_000);
        }

        long peek() {
            return now.get();
        }
    }

    static final LongConsumer NO_PAUSE = nanos -> { };

    @Test
    void playsEverySampleInOrderWithSampleAccurateStampsAtTheFilesRate() throws Exception {
        short[] samples = ramp(6_615);
        Path wav = writeWav("ramp.wav", 22_050, 1, samples);
        FileMicrophone mic = new FileMicrophone(wav, false, NO_PAUSE);
        SteppingClock clock = new SteppingClock();
        List<AudioChunk> chunks = new CopyOnWriteArrayList<>();
        List<Long> releasedAt = new CopyOnWriteArrayList<>();

        mic.start(clock, chunk -> {
            chunks.add(chunk);
            releasedAt.add(clock.peek());
        });

        assertThat(mic.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(mic.failure()).isEmpty();
        assertThat(mic.sampleRate()).isEqualTo(22_050);
        assertThat(concat(chunks)).isEqualTo(samples);
        assertThat(mic.samplesCaptured()).isEqualTo(samples.length);
        long start = chunks.get(0).captureNanos();
        long before = 0;
        for (int i = 0; i < chunks.size(); i++) {
            AudioChunk chunk = chunks.get(i);
            assertThat(chunk.sampleRate()).isEqualTo(22_050);
            assertThat(chunk.captureNanos()).isEqualTo(start + before * 1_000_000_000L / 22_050);
            before += chunk.samples().length;
            // Like a sound card, a chunk is handed over only once its last sample would have been heard.
            assertThat(releasedAt.get(i)).isGreaterThanOrEqualTo(start + before * 1_000_000_000L / 22_050);
        }
        assertThat(chunks.get(0).samples()).as("20 ms chunks").hasSize(441);
    }

    @Test
    void stereoIsMixedDownToMono() throws Exception {
        short[] stereo = new short[2 * 1_000];
        short[] expected = new short[1_000];
        for (int i = 0; i < 1_000; i++) {
            stereo[2 * i] = (short) (i * 20);
            stereo[2 * i + 1] = (short) (-i * 10);
            expected[i] = (short) Math.floorDiv(i * 20 - i * 10, 2);
        }
        FileMicrophone mic = new FileMicrophone(writeWav("stereo.wav", 16_000, 2, stereo), false, NO_PAUSE);
        List<AudioChunk> chunks = new CopyOnWriteArrayList<>();

        mic.start(new SteppingClock(), chunks::add);

        assertThat(mic.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(concat(chunks)).isEqualTo(expected);
    }

    @Test
    void aLoopingFileStartsAgainWithoutAGapInTheStamps() throws Exception {
        short[] samples = ramp(1_000);
        FileMicrophone mic = new FileMicrophone(writeWav("loop.wav", 8_000, 1, samples), true, NO_PAUSE);
        List<AudioChunk> chunks = new CopyOnWriteArrayList<>();

        mic.start(new SteppingClock(), chunks::add);
        while (chunks.stream().mapToInt(c -> c.samples().length).sum() < 2_500) {
            Thread.sleep(1);
        }
        mic.stop();

        short[] played = concat(chunks);
        for (int i = 0; i < played.length; i++) {
            assertThat(played[i]).as("sample %d", i).isEqualTo(samples[i % samples.length]);
        }
        long start = chunks.get(0).captureNanos();
        long before = 0;
        for (AudioChunk chunk : chunks) {
            assertThat(chunk.captureNanos()).isEqualTo(start + before * 1_000_000_000L / 8_000);
            before += chunk.samples().length;
        }
        assertThat(mic.finished()).isFalse();
        assertThat(mic.failure()).isEmpty();
    }

    @Test
    void aShortFilePlaysThroughOnTheSystemClock() throws Exception {
        short[] samples = ramp(4_800);
        FileMicrophone mic = new FileMicrophone(writeWav("short.wav", 16_000, 1, samples), false);
        List<AudioChunk> chunks = new CopyOnWriteArrayList<>();

        mic.start(CaptureClock.system(), chunks::add);

        assertThat(mic.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(concat(chunks)).isEqualTo(samples);
    }

    @Test
    void eightBitAudioIsWidenedTo16Bits() throws Exception {
        byte[] unsigned = {(byte) 128, (byte) 192, (byte) 64, (byte) 255};
        Path wav = dir.resolve("eight.wav");
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 8_000, 8, 1, 1, 8_000, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(unsigned), format, unsigned.length),
                AudioFileFormat.Type.WAVE, wav.toFile());
        FileMicrophone mic = new FileMicrophone(wav, false, NO_PAUSE);
        List<AudioChunk> chunks = new CopyOnWriteArrayList<>();

        mic.start(new SteppingClock(), chunks::add);

        assertThat(mic.awaitFinished(Duration.ofSeconds(10))).isTrue();
        // The converter may fill the new low byte as it likes; the high byte is the 8-bit sample.
        short[] played = concat(chunks);
        int[] highBytes = new int[played.length];
        for (int i = 0; i < played.length; i++) {
            highBytes[i] = played[i] >> 8;
        }
        assertThat(highBytes).containsExactly(0, 64, -64, 127);
    }

    @Test
    void nothingIsReleasedBeforeTheClockReachesItAndStopEndsTheWait() throws Exception {
        FileMicrophone mic = new FileMicrophone(writeWav("long.wav", 16_000, 1, ramp(16_000)), false);
        List<AudioChunk> chunks = new CopyOnWriteArrayList<>();
        mic.start(() -> 42L, chunks::add);
        Thread.sleep(50);

        mic.stop();
        mic.stop();

        assertThat(chunks).isEmpty();
        assertThat(mic.samplesCaptured()).isZero();
        assertThat(mic.finished()).isFalse();
        assertThat(mic.failure()).isEmpty();
    }

    @Test
    void startingAgainPlaysFromTheBeginning() throws Exception {
        short[] samples = ramp(2_000);
        FileMicrophone mic = new FileMicrophone(writeWav("again.wav", 16_000, 1, samples), false, NO_PAUSE);
        List<AudioChunk> first = new CopyOnWriteArrayList<>();
        List<AudioChunk> second = new CopyOnWriteArrayList<>();

        mic.start(new SteppingClock(), first::add);
        assertThat(mic.awaitFinished(Duration.ofSeconds(10))).isTrue();
        mic.start(new SteppingClock(), second::add);
        assertThat(mic.awaitFinished(Duration.ofSeconds(10))).isTrue();

        assertThat(concat(second)).isEqualTo(samples).isEqualTo(concat(first));
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path missing = dir.resolve("nope.wav");

        assertThatThrownBy(() -> new FileMicrophone(missing, false))
                .isInstanceOf(DeviceException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void aFileThatIsNotAudioIsReportedByName() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are not the samples you are looking for");

        assertThatThrownBy(() -> new FileMicrophone(text, false))
                .isInstanceOf(DeviceException.class).hasMessageContaining(text.toString());
    }

    static short[] ramp(int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) (i * 37 - 20_000);
        }
        return samples;
    }

    Path writeWav(String name, int rate, int channels, short[] interleaved) throws IOException {
        byte[] bytes = new byte[interleaved.length * 2];
        for (int i = 0; i < interleaved.length; i++) {
            bytes[2 * i] = (byte) interleaved[i];
            bytes[2 * i + 1] = (byte) (interleaved[i] >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        Path wav = dir.resolve(name);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes), format, interleaved.length / channels),
                AudioFileFormat.Type.WAVE, wav.toFile());
        return wav;
    }

    static short[] concat(List<AudioChunk> chunks) {
        return ResamplerTest.concat(chunks.stream().map(AudioChunk::samples).toList());
    }
}
