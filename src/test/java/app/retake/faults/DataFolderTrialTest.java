package app.retake.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-folder trial the way it runs where no read-only mount is allowed (a container, a normal user): the
 * suite covers whichever way this machine allows; this covers the other.
 */
class DataFolderTrialTest {

    @TempDir
    Path dir;

    @Test
    void unusableFoldersAreReportedPlainlyWithoutAMount() throws Exception {
        FaultTrial.Outcome outcome = new DataFolderTrial(false).run(2, dir);
        assertThat(outcome.lost()).as("%s", outcome.notes()).isZero();
        assertThat(outcome.notes()).anyMatch(n -> n.startsWith("read-only made with: ")
                && (n.contains("folder permissions") || n.contains("a file in the folder's place")));
    }
}
