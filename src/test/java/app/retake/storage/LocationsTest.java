package app.retake.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationsTest {

    @TempDir
    Path dir;
    Path checkout;
    Path home;

    @BeforeEach
    void layout() throws IOException {
        checkout = Files.createDirectories(dir.resolve("retake"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.createDirectories(checkout.resolve("question-banks"));
        Files.createDirectories(checkout.resolve("models").resolve(Locations.MODEL_FOLDER));
        home = Files.createDirectories(dir.resolve("home"));
    }

    @Test
    void inACheckoutDataGoesToRecordingsBesideTheBanks() {
        Locations l = Locations.resolve(null, null, null, Map.of(), checkout.resolve("src"), null, home);
        assertThat(l.checkout()).contains(checkout);
        assertThat(l.dataRoot()).isEqualTo(checkout.resolve("recordings"));
        assertThat(l.banksDir()).isEqualTo(checkout.resolve("question-banks"));
        assertThat(l.modelDir()).isEqualTo(checkout.resolve("models").resolve(Locations.MODEL_FOLDER));
    }

    @Test
    void aJarInsideTheCheckoutFindsItFromAnyWorkingFolder() {
        Path jar = checkout.resolve("target").resolve("retake.jar");
        Locations l = Locations.resolve(null, null, null, Map.of(), home, jar, home);
        assertThat(l.checkout()).contains(checkout);
    }

    @Test
    void outsideACheckoutEverythingLivesUnderHomeRetake() {
        Locations l = Locations.resolve(null, null, null, Map.of(), home, null, home);
        assertThat(l.checkout()).isEmpty();
        assertThat(l.dataRoot()).isEqualTo(home.resolve("Retake"));
        assertThat(l.banksDir()).isEqualTo(home.resolve("Retake").resolve("question-banks"));
        assertThat(l.modelDir()).isEqualTo(home.resolve("Retake").resolve("models").resolve(Locations.MODEL_FOLDER));
    }

    @Test
    void optionsBeatEnvironmentWhichBeatsDefaults() {
        Path data = dir.resolve("elsewhere");
        Path env = dir.resolve("env-model");
        Locations fromEnv = Locations.resolve(data, null, null, Map.of(Locations.MODEL_ENV, env.toString()), checkout,
                null, home);
        assertThat(fromEnv.dataRoot()).isEqualTo(data);
        assertThat(fromEnv.modelDir()).isEqualTo(env);
        Path option = dir.resolve("option-model");
        assertThat(Locations.resolve(data, null, option, Map.of(Locations.MODEL_ENV, env.toString()), checkout, null, home)
                .modelDir()).isEqualTo(option);
    }

    @Test
    void aBanksOptionMovesOnlyTheBanks() {
        Path banks = dir.resolve("my-banks");
        Locations l = Locations.resolve(null, banks, null, Map.of(), checkout, null, home);
        assertThat(l.banksDir()).isEqualTo(banks);
        assertThat(l.dataRoot()).isEqualTo(checkout.resolve("recordings"));
    }

    @Test
    void freeSpaceIsKnownEvenBeforeTheDataRootExists() {
        Locations l = Locations.resolve(dir.resolve("not/yet/there"), null, null, Map.of(), home, null, home);
        assertThat(l.freeSpace()).hasValueSatisfying(bytes -> assertThat(bytes).isPositive());
    }
}
