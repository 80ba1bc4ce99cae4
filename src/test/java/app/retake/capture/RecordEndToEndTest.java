package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.cli.RecordCommand;
import app.retake.history.TakeFiles;

/** Real takes through the real command: synthetic camera, a WAV played as the microphone. */
class RecordEndToEndTest {

    @TempDir
    Path dir;

    private Path wav(double seconds) throws Exception {
        Path wav = dir.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, seconds, 48_000);
        return wav;
    }

    @Test
    void aTenSecondTakeHasBothStreamsTheRightLengthAndEveryFrame() throws Exception {
        Path out = dir.resolve("out");
        var run = app.retake.cli.CliTestAccess.run("record", "--seconds", "10", "--camera", "synthetic", "--mic",
                "file:" + wav(12), "--out", out.toString(), "--data", dir.resolve("data").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith(RecordCommand.RECORDING_MARKER);
        Path mp4 = Path.of(lines.get(1));
        assertThat(mp4.getFileName().toString()).endsWith(".mp4").doesNotContain("recording");
        assertThat(run.out()).containsPattern("frames captured=\\d+ encoded=\\d+ dropped=0")
                .containsPattern("av drift ms=-?\\d+\\.\\d");
        TakeRecorderTest.Probe probe = TakeRecorderTest.probe(mp4);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.seconds()).isCloseTo(10.0, within(0.3));
        assertThat(probe.audioSeconds()).isCloseTo(10.0, within(0.3));
        assertThat((double) probe.frames()).isCloseTo(300.0, within(300 * 0.03));
        String stem = mp4.getFileName().toString().replace(".mp4", "");
        assertThat(mp4.resolveSibling(stem + ".transcript.json")).exists();
        assertThat(Files.readString(mp4.resolveSibling(stem + ".vtt"))).startsWith("WEBVTT");
        assertThat(run.out()).containsPattern("transcript: \\d+ words in .* \\(ready \\d+ ms after the answer ended");
    }

    @Test
    void aTakeKilledMidwayLeavesAPlayableFileThatIsRepairedAfterwards() throws Exception {
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.retake.app.Launcher",
                "record", "--seconds", "60", "--camera", "synthetic", "--mic", "file:" + wav(70),
                "--out", out.toString(), "--data", dir.resolve("data").toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path recording = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith(RecordCommand.RECORDING_MARKER)) {
                    recording = Path.of(line.substring(RecordCommand.RECORDING_MARKER.length()));
                    break;
                }
            }
            assertThat(recording).as("the child said where it records").isNotNull();
            Thread.sleep(5_500);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finishing
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(recording.getFileName().toString()).endsWith(TakeFiles.RECORDING_SUFFIX);
        TakeRecorderTest.Probe killed = TakeRecorderTest.probe(recording);
        assertThat(killed.videoCodec()).isEqualTo("h264");
        assertThat(killed.frames() / 30.0).isGreaterThanOrEqualTo(4.0);
        assertThat(killed.audioSeconds()).isGreaterThanOrEqualTo(4.0);

        assertThat(TakeRecorder.repair(out.getParent())).hasSize(1);
        Path repaired = out.resolve(recording.getFileName().toString().replace(TakeFiles.RECORDING_SUFFIX, ".mp4"));
        assertThat(Files.exists(repaired)).isTrue();
        assertThat(TakeRecorderTest.probe(repaired).frames()).isEqualTo(killed.frames());
    }
}
