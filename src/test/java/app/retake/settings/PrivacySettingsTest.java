package app.retake.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privacy settings in settings.json: saved and read back, and a bad value named and kept at its default. */
class PrivacySettingsTest {

    @TempDir
    Path dir;

    @Test
    void retentionAndTranscriptOnlySurviveASaveAndALoad() throws Exception {
        SettingsStore store = SettingsStore.in(dir);
        store.save(Settings.defaults().withPrivacy(new Privacy(30, true)));
        assertThat(Files.readString(store.file())).contains("\"keepVideoDays\" : 30")
                .contains("\"transcriptOnly\" : true");
        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().privacy()).isEqualTo(new Privacy(30, true));
    }

    @Test
    void theDefaultKeepsVideosForeverAndRecordsVideo() {
        Privacy privacy = SettingsStore.in(dir).load().settings().privacy();
        assertThat(privacy.keepVideoDays()).isEqualTo(Privacy.FOREVER);
        assertThat(privacy.expires()).isFalse();
        assertThat(privacy.transcriptOnly()).isFalse();
    }

    @Test
    void zeroOrAnEmptyValueMeansForever() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"keepVideoDays\": \"\", \"transcriptOnly\": false}");
        SettingsStore.Loaded loaded = SettingsStore.in(dir).load();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().privacy().keepVideoDays()).isZero();
        Files.writeString(dir.resolve("settings.json"), "{\"keepVideoDays\": 0}");
        assertThat(SettingsStore.in(dir).load().settings().privacy().expires()).isFalse();
    }

    @Test
    void badValuesKeepTheirDefaultsAndNameTheFileAndTheSetting() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"keepVideoDays\": \"a week\", \"transcriptOnly\": \"yes\", \"thinkSeconds\": 3}");
        SettingsStore.Loaded loaded = SettingsStore.in(dir).load();
        assertThat(loaded.settings().privacy()).isEqualTo(Privacy.defaults());
        assertThat(loaded.settings().thinkSeconds()).as("the other settings are read").isEqualTo(3);
        assertThat(loaded.problems()).containsExactly(
                file + ": setting \"keepVideoDays\" should be a whole number of days from 1 to 3650, or 0 or empty "
                        + "to keep videos forever; keeping the default",
                file + ": setting \"transcriptOnly\" should be true or false; keeping the default");
        Files.writeString(file, "{\"keepVideoDays\": -3}");
        assertThat(SettingsStore.in(dir).load().problems()).singleElement().asString().contains("keepVideoDays");
    }
}
