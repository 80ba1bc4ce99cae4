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
}
