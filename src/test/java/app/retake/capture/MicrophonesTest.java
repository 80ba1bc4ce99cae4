package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.TargetDataLine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicrophonesTest {

    @TempDir
    Path dir;

    @Test
    void withoutASoundCardStartingTheDefaultMicrophoneSaysSoPlainly() {
        assumeFalse(AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, null)),
                "this machine has a microphone");
        LineMicrophone mic = new LineMicrophone(null);

        assertThatThrownBy(() -> mic.start(CaptureClock.system(), chunk -> { }))
                .isInstanceOf(DeviceException.class).hasMessageStartingWith("No microphone found.");
        assertThat(mic.failure()).isEmpty();
        assertThat(mic.sampleRate()).as("the preferred rate, when there is nothing to ask").isEqualTo(48_000);
        mic.stop();
    }

    @Test
    void aMicrophoneThatIsNotThereIsReportedByName() {
        LineMicrophone mic = new LineMicrophone("Retake Test Mic That Does Not Exist");

        assertThatThrownBy(() -> mic.start(CaptureClock.system(), chunk -> { }))
                .isInstanceOf(DeviceException.class).hasMessageContaining("Retake Test Mic That Does Not Exist");
    }

    @Test
    void noneMeansNoMicrophone() throws DeviceException {
        assertThat(Microphones.open("none")).isEmpty();
        assertThat(Microphones.open(" NONE ")).isEmpty();
    }

    @Test
    void defaultAndDeviceNamesOpenSoundCardsWithoutClaimingThemYet() throws DeviceException {
        assertThat(Microphones.open("default")).get().isInstanceOf(LineMicrophone.class)
                .extracting(Microphone::name).isEqualTo("Default microphone");
        assertThat(Microphones.open("USB Audio [plughw:1,0]")).get().isInstanceOf(LineMicrophone.class)
                .extracting(Microphone::name).isEqualTo("USB Audio [plughw:1,0]");
    }

    @Test
    void aFileSpecPlaysTheFileAtItsOwnRate() throws Exception {
        Path wav = dir.resolve("answer.wav");
        AudioFormat format = new AudioFormat(44_100, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[8_820]), format, 4_410),
                AudioFileFormat.Type.WAVE, wav.toFile());

        Optional<Microphone> mic = Microphones.open("file:" + wav);

        assertThat(mic).get().isInstanceOf(FileMicrophone.class);
        assertThat(mic.get().sampleRate()).isEqualTo(44_100);
        assertThat(mic.get().name()).isEqualTo("answer.wav");
    }

    @Test
    void aFileThatIsNotThereIsReportedWithItsPath() {
        assertThatThrownBy(() -> Microphones.open("file:/nope.wav"))
                .isInstanceOf(DeviceException.class).hasMessageContaining("/nope.wav");
    }

    @Test
    void anEmptySpecIsReportedNotGuessed() {
        assertThatThrownBy(() -> Microphones.open(" ")).isInstanceOf(DeviceException.class);
        assertThatThrownBy(() -> Microphones.open("file:")).isInstanceOf(DeviceException.class);
    }
}
