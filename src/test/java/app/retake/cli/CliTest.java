package app.retake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.storage.Locations;
import picocli.CommandLine;

/** Runs the real command line in-process, as a user would type it. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(GuiStarter gui, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RetakeCommand.commandLine(gui);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run((locations, exitWhenShown) -> {
            throw new AssertionError("no window expected");
        }, args);
    }

    @Test
    void bankCheckPassesOnTheShippedBanks() {
        Run r = run("bank", "check");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("question-banks/core\\.csv: \\d{3} questions in \\d+ categories")
                .contains("OK: ");
    }

    @Test
    void bankCheckNamesFileAndLineOfEveryBadRowAndFails() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,category,question,difficulty\nq1,opener,Fine?,easy\nq2,opener,,\n"
                + "q3,opener,Hard?,brutal\n");
        Run r = run("bank", "check", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ": 1 questions in 1 categories")
                .contains(bad + ":3: empty question")
                .contains(bad + ":4: unknown difficulty \"brutal\" (use easy, medium or hard)")
                .contains("FAILED: 1 questions in 1 files, 2 problems");
    }

    @Test
    void bankListFiltersByCategoryAndTag() {
        Run r = run("bank", "list", "--category", "curveball");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(" curveball "));
        Run tagged = run("bank", "list", "--tag", "common");
        assertThat(tagged.out().lines().count()).isBetween(10L, r.out().lines().count() * 10);
        Run none = run("bank", "list", "--category", "no-such-thing");
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("No questions match category \"no-such-thing\"").contains("curveball");
    }

    @Test
    void withoutACommandTheWindowOpensWithTheGlobalOptions() {
        AtomicReference<Locations> seen = new AtomicReference<>();
        Run r = run((locations, exitWhenShown) -> {
            seen.set(locations);
            return 0;
        }, "--data", dir.toString(), "--model", dir.resolve("m").toString());
        assertThat(r.exit()).isZero();
        assertThat(seen.get().dataRoot()).isEqualTo(dir);
        assertThat(seen.get().modelDir()).isEqualTo(dir.resolve("m"));
    }

    @Test
    void doctorReportsEverySubjectAndExitsZeroEvenWhenThingsAreMissing() {
        Path noModel = dir.resolve("no-model");
        Run r = run("doctor", "--data", dir.toString(), "--model", noModel.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Camera").contains("Microphone")
                .contains("No speech model found, so answers are recorded but not transcribed.")
                .contains("Folder: " + noModel)
                .contains("Recordings are kept in " + dir);
    }

    @Test
    void doctorLoadsTheModelTheBuildFetched() {
        Path model = Path.of(System.getProperty("retake.model.dir", "models/vosk-model-en-us"));
        Run r = run("doctor", "--data", dir.toString(), "--model", model.toString());
        assertThat(r.out()).containsPattern("Speech model ready \\(loaded in \\d+\\.\\d s\\)");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][]{{"--help"}, {"doctor", "--help"}, {"bank", "check", "--help"},
                {"bank", "list", "--help"}, {"bench", "banks", "--help"}, {"bench", "startup", "--help"},
                {"bench", "fillers", "--help"}}) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }

    @Test
    void benchBanksReadsBackEveryGeneratedRow() {
        Run r = run("bench", "banks", "--rows", "2000", "--runs", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("run 1: 2000 questions, 0 problems").contains("median load time:");
    }
}
