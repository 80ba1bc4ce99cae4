package app.retake.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The entries of the camera and microphone choosers. */
class SettingsDeviceChoiceTest {

    private static List<String> labels(List<DeviceChoice> choices) {
        return choices.stream().map(DeviceChoice::label).toList();
    }

    @Test
    void camerasFoundSitBetweenTheFirstCameraAndTheOtherSources() {
        List<DeviceChoice> choices = DeviceChoice.cameras(List.of("Desk cam", "USB cam"), true, "default");
        assertThat(labels(choices)).containsExactly("First camera found (Desk cam)", "Desk cam", "USB cam",
                "Test pattern (synthetic)", "Off", "Video file…");
        assertThat(choices.get(choices.size() - 1).asksForFile()).isTrue();
        assertThat(DeviceChoice.find(choices, "USB cam")).map(DeviceChoice::label).hasValue("USB cam");
    }

    @Test
    void aChosenCameraThatIsUnpluggedStaysChosenAndIsSaidToBeMissing() {
        List<DeviceChoice> before = DeviceChoice.cameras(List.of(), false, "Old cam");
        assertThat(DeviceChoice.find(before, "Old cam")).map(DeviceChoice::label).hasValue("Old cam");
        List<DeviceChoice> after = DeviceChoice.cameras(List.of(), true, "Old cam");
        assertThat(labels(after)).contains("First camera found (none found now)", "Old cam (not found now)");
    }

    @Test
    void aChosenFileIsShownByItsNameAndKeywordsMatchInAnyCase() {
        List<DeviceChoice> choices = DeviceChoice.microphones(List.of("Headset"), true, "file:/tmp/takes/me.wav");
        assertThat(labels(choices)).containsExactly("System default microphone", "Headset", "Off",
                "Sound file: me.wav", "Sound file…");
        assertThat(DeviceChoice.find(choices, "file:/tmp/takes/me.wav")).map(DeviceChoice::spec)
                .hasValue("file:/tmp/takes/me.wav");
        assertThat(DeviceChoice.find(choices, "None")).map(DeviceChoice::label).hasValue("Off");
        assertThat(DeviceChoice.find(DeviceChoice.cameras(List.of(), true, "SYNTHETIC"), "SYNTHETIC"))
                .map(DeviceChoice::label).hasValue("Test pattern (synthetic)");
    }
}
