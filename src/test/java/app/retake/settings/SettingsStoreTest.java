package app.retake.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.bank.Question;
import app.retake.capture.Resolution;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void missingFileGivesTheDefaults() {
        var loaded = SettingsStore.in(dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void everySettingSurvivesASaveAndALoad() throws Exception {
        Settings s = Settings.defaults().withDevices("synthetic", "file:/tmp/a b/ä.wav")
                .withVideoSize(new Resolution(1280, 720)).withTiming(4, 90)
                .withCategoryTargets(Map.of("behavioural", 150))
                .withWordLists(List.of("like", "honestly"), List.of("toxic"))
                .withLook(Settings.Theme.DARK, 18).withProfile("sam")
                .withDisabled(Set.of("Extra"), Set.of("Technical"))
                .withAmbush(new AmbushHours(java.time.LocalTime.of(19, 30), java.time.LocalTime.of(1, 0),
                        java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY), 45));
        SettingsStore store = SettingsStore.in(dir);
        store.save(s);
        var loaded = store.load();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(s);
        assertThat(loaded.settings().targetFor("behavioural")).isEqualTo(150);
        assertThat(loaded.settings().targetFor("opener")).isEqualTo(90);
    }

    @Test
    void aBadValueKeepsItsDefaultAndNamesTheFileAndTheSetting() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"camera\": \"synthetic\", \"thinkSeconds\": 99, "
                + "\"videoSize\": \"big\", \"theme\": \"purple\", \"fillers\": [\"like\"], \"unknown\": 1}");
        var loaded = SettingsStore.in(dir).load();
        Settings d = Settings.defaults();
        assertThat(loaded.settings().camera()).isEqualTo("synthetic");
        assertThat(loaded.settings().fillers()).containsExactly("like");
        assertThat(loaded.settings().thinkSeconds()).isEqualTo(d.thinkSeconds());
        assertThat(loaded.settings().videoSize()).isEqualTo(d.videoSize());
        assertThat(loaded.settings().theme()).isEqualTo(d.theme());
        assertThat(loaded.problems()).hasSize(3).allMatch(p -> p.startsWith(dir.resolve("settings.json") + ": "));
        assertThat(loaded.problems()).anyMatch(p -> p.contains("\"thinkSeconds\""))
                .anyMatch(p -> p.contains("\"videoSize\"")).anyMatch(p -> p.contains("\"theme\""));
    }

    @Test
    void brokenJsonIsReportedWithItsLineAndTheDefaultsApply() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\n  \"camera\": \"synthetic\",\n  oops\n}");
        var loaded = SettingsStore.in(dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.problems()).singleElement().asString()
                .startsWith(dir.resolve("settings.json") + ":3: not valid JSON");
    }

    @Test
    void disabledBanksAndCategoriesAreLeftOutOfDrills() {
        Settings s = Settings.defaults().withDisabled(Set.of("extra"), Set.of("Technical"));
        assertThat(s.drills(question("opener", "core"))).isTrue();
        assertThat(s.drills(question("opener", "Extra"))).isFalse();
        assertThat(s.drills(question("technical", "core"))).isFalse();
    }

    private static Question question(String category, String bank) {
        return new Question("q-1", category, "Why?", List.of(), List.of(), List.of(), app.retake.bank.Difficulty.MEDIUM, "", Map.of(), bank, 2);
    }

    @Test
    void badAmbushHoursKeepTheDefaultsAndAreNamed() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"ambush\": {\"from\": \"9am\", \"to\": \"17:00\", "
                + "\"days\": [\"mon\"], \"everyMinutes\": 60}}");
        var loaded = SettingsStore.in(dir).load();
        assertThat(loaded.settings().ambush()).isEqualTo(AmbushHours.defaults());
        assertThat(loaded.problems()).singleElement().asString().contains("\"ambush\"");
        Files.writeString(dir.resolve("settings.json"), "{\"ambush\": {\"from\": \"08:00\", \"to\": \"12:00\", "
                + "\"days\": [\"Tue\", \"thursday\"], \"everyMinutes\": 30}}");
        AmbushHours read = SettingsStore.in(dir).load().settings().ambush();
        assertThat(read.days()).containsExactly(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.THURSDAY);
        assertThat(read.toSchedule(java.time.ZoneOffset.UTC).windowStart()).isEqualTo(java.time.LocalTime.of(8, 0));
    }

    @Test
    void settingsNestedTooDeepOrNotUtf8FallBackToTheDefaultsAndSaySo() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"a\":" + "[".repeat(5_000));
        var deep = SettingsStore.in(dir).load();
        assertThat(deep.settings()).isEqualTo(Settings.defaults());
        assertThat(deep.problems()).singleElement().asString().startsWith(file + ": not valid JSON");

        Files.write(file, "{\"profile\": \"Zo\u00eb\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        var latin1 = SettingsStore.in(dir).load();
        assertThat(latin1.settings()).isEqualTo(Settings.defaults());
        assertThat(latin1.problems()).singleElement().asString()
                .isEqualTo(file + ": is not UTF-8 text; using the defaults");
    }

    @Test
    void savingOverAnUnreadableFileKeepsItAsideAndAReadableOneIsSimplyReplaced() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"profile\": \"alex\", oops");
        SettingsStore store = SettingsStore.in(dir);
        store.save(Settings.defaults().withProfile("sam"));
        assertThat(dir.resolve("settings.json.damaged")).hasContent("{\"profile\": \"alex\", oops");
        assertThat(store.load().settings().profile()).isEqualTo("sam");

        Files.delete(dir.resolve("settings.json.damaged"));
        store.save(Settings.defaults().withProfile("kim"));
        assertThat(dir.resolve("settings.json.damaged")).doesNotExist();
    }
}
