package app.retake.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.retake.capture.CameraInfo;
import app.retake.capture.DeviceScan;
import app.retake.capture.MicrophoneInfo;
import app.retake.capture.Resolution;
import app.retake.doctor.Finding.Level;
import app.retake.speech.ModelStatus;

class FindingsTest {

    @Test
    void missingDevicesSayWhatStillWorks() {
        Finding camera = Findings.camera(DeviceScan.found(List.of()));
        assertThat(camera.level()).isEqualTo(Level.LIMITED);
        assertThat(camera.summary()).contains("No camera").contains("audio-only");
        Finding mic = Findings.microphone(DeviceScan.found(List.of()));
        assertThat(mic.summary()).contains("No microphone").contains("type notes");
        Finding failed = Findings.camera(DeviceScan.failed("driver stuck"));
        assertThat(failed.details()).containsExactly("Reason: driver stuck");
    }

    @Test
    void foundDevicesAreNamedWithWhatTheyOffer() {
        Finding camera = Findings.camera(DeviceScan.found(List.of(
                new CameraInfo("USB Cam", List.of(new Resolution(640, 480), new Resolution(1280, 720))))));
        assertThat(camera.level()).isEqualTo(Level.OK);
        assertThat(camera.summary()).isEqualTo("1 camera found: USB Cam.");
        assertThat(camera.details()).containsExactly("USB Cam (640x480, 1280x720)");
        Finding mic = Findings.microphone(DeviceScan.found(List.of(
                new MicrophoneInfo("Headset", "", List.of(48_000, 44_100)), new MicrophoneInfo("Built-in", "", List.of()))));
        assertThat(mic.summary()).isEqualTo("2 microphones found: Headset and others.");
        assertThat(mic.details()).containsExactly("Headset (48 kHz, 44.1 kHz)", "Built-in (no common 16-bit mono rate)");
    }

    @Test
    void modelStatesReadPlainly() {
        Path dir = Path.of("models", "m");
        assertThat(Findings.model(new ModelStatus.Ready(dir, Duration.ofMillis(1234))).summary())
                .startsWith("Speech model ready (loaded in 1.2 s)");
        Finding missing = Findings.model(new ModelStatus.Missing(dir));
        assertThat(missing.level()).isEqualTo(Level.LIMITED);
        assertThat(missing.summary()).contains("recorded but not transcribed");
        assertThat(Findings.model(new ModelStatus.Failed(dir, "bad file")).level()).isEqualTo(Level.PROBLEM);
        assertThat(Findings.model(new ModelStatus.Loading(dir)).level()).isEqualTo(Level.PENDING);
    }

    @Test
    void sizesAreHumanReadable() {
        assertThat(Findings.bytes(3L << 30)).isEqualTo("3.0 GB");
        assertThat(Findings.bytes(200L << 20)).isEqualTo("200 MB");
    }

    @Test
    void aDataFolderNothingCanBeSavedInIsAProblemNamingIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("data"), "a file, not a folder");
        Finding blocked = Findings.data(new app.retake.storage.Locations(file, dir, dir, java.util.Optional.empty()));
        assertThat(blocked.level()).isEqualTo(Level.PROBLEM);
        assertThat(blocked.summary()).isEqualTo("Retake cannot save anything in the data folder " + file
                + " (a file of that name is in the way): takes, ratings and settings would be lost. Choose another "
                + "folder with --data DIR.");
        Path below = file.resolve("recordings");
        assertThat(Findings.data(new app.retake.storage.Locations(below, dir, dir, java.util.Optional.empty()))
                .summary()).contains(below + " (part of the path is a file, not a folder)");
    }

    @Test
    void takesLoggedAfterACrashAreMentionedWithTheDataFolder() {
        Finding ok = new Finding(Finding.Subject.DATA, Level.OK, "Recordings are kept in /d (9 GB free).", List.of());
        assertThat(Findings.withRecovery(ok, 0, List.of())).isSameAs(ok);
        Finding one = Findings.withRecovery(ok, 1, List.of());
        assertThat(one.summary()).isEqualTo("Recordings are kept in /d (9 GB free). A take Retake stopped in the "
                + "middle of is now in the history, marked interrupted.");
        Finding failed = Findings.withRecovery(ok, 0, List.of("The interrupted take take-01 could not be added."));
        assertThat(failed.level()).isEqualTo(Level.PROBLEM);
        assertThat(failed.details()).contains("The interrupted take take-01 could not be added.");
    }
}
