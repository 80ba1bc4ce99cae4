package app.retake.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub").resolve("settings.json");
        AtomicFiles.writeString(file, "old");
        AtomicFiles.writeString(file, "new ✓");
        assertThat(Files.readString(file)).isEqualTo("new ✓");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriteThatFailsPartWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("settings.json");
        AtomicFiles.writeString(file, "old");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFiles.replace(file, temp -> {
            Files.writeString(temp, "half of the ne");
            throw new IOException("No space left on device");
        })).hasMessage(file + " could not be saved (the disk is full); the copy on disk is unchanged");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void temporaryFilesAKillLeftAreKnownByNameAndClearedOnceOld() throws IOException {
        Path left = Files.writeString(dir.resolve(".settings.json.8123456789.tmp"), "{\"fontSize\": 1");
        Path notOurs = Files.writeString(dir.resolve("notes.tmp"), "mine");
        Path real = Files.writeString(dir.resolve("settings.json"), "{}");
        assertThat(AtomicFiles.isLeftover(left)).isTrue();
        assertThat(AtomicFiles.isLeftover(notOurs)).isFalse();
        assertThat(AtomicFiles.isLeftover(real)).isFalse();

        assertThat(AtomicFiles.removeLeftovers(dir, 1, java.time.Duration.ofHours(1)))
                .as("a young one may be another process's rewrite under way").isEmpty();
        assertThat(AtomicFiles.removeLeftovers(dir, 1, java.time.Duration.ZERO)).containsExactly(left);
        assertThat(notOurs).exists();
        assertThat(real).exists();
    }

    @Test
    void aRewriteKeepsWhoMayReadTheFile() throws IOException {
        Path file = dir.resolve("bank.csv");
        Files.writeString(file, "id\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.writeString(file, "id\nq1\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
    }
}
