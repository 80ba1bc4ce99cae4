package app.retake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands given a data folder they cannot use say so in one line and stop; no stack trace. */
class DataFolderCommandsTest {

    @TempDir
    Path dir;

    @Test
    void recordIntoAFolderThatCannotBeMadeSaysWhichInOneLine() throws Exception {
        // A regular file where a folder should be stops even an administrator, unlike folder permissions.
        Path file = Files.writeString(dir.resolve("blocked"), "x");
        Path data = file.resolve("data");
        CliTest.Run r = CliTest.run("--data", data.toString(), "record", "--seconds", "1", "--camera", "synthetic",
                "--mic", "none", "--no-transcribe");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("Cannot record: nothing can be saved in " + data
                + " (part of the path is a file, not a folder). Choose another folder with --data DIR.");
    }

    @Test
    void doctorNamesADataFolderThatIsAFileAsAProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "x");
        CliTest.Run r = CliTest.run("--data", file.toString(), "--model", dir.resolve("no-model").toString(),
                "doctor");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("Data +PROBLEM +Retake cannot save anything in the data folder "
                + java.util.regex.Pattern.quote(file.toString()) + " \\(a file of that name is in the way\\)");
        assertThat(r.out() + r.err()).doesNotContain("Exception");
    }

    @Test
    void aFolderNameTheSystemCannotUseIsRefusedInPlainWords() {
        CliTest.Run r = CliTest.run("--data", "bad\u0000name", "doctor");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Invalid value for option '--data': this system cannot use the folder name");
        assertThat(r.err()).doesNotContain("InvalidPathException");
    }
}
