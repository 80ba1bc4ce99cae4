package app.retake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** retake pack, run as a user types it, against the bundled core bank. */
class PackCommandTest {

    @TempDir
    Path dir;

    @Test
    void namedQuestionsGoInTheirOrder() throws Exception {
        Path out = dir.resolve("pack.html");
        CliTest.Run r = CliTest.run("pack", "--out", out.toString(), "--question", "sw-greatest-weakness",
                "--question", "open-tell-me-about-yourself", "--candidate", "Alex", "--data", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote 2 questions to " + out);
        String html = Files.readString(out);
        assertThat(html.indexOf("What is your greatest weakness")).isPositive()
                .isLessThan(html.indexOf("Tell me about yourself"));
    }

    @Test
    void aPlannedMockHasTheCountAsked() throws Exception {
        Path out = dir.resolve("mock.html");
        CliTest.Run r = CliTest.run("pack", "--out", out.toString(), "--count", "5", "--seed", "3", "--data",
                dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote 5 questions");
        assertThat(Files.readString(out).split("<section class=\"question\">", -1)).hasSize(6);
    }

    @Test
    void anUnknownIdIsNamedAndNothingIsWritten() {
        Path out = dir.resolve("none.html");
        CliTest.Run r = CliTest.run("pack", "--out", out.toString(), "--question", "no-such-question", "--data",
                dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("No question with id \"no-such-question\"");
        assertThat(out).doesNotExist();
    }
}
