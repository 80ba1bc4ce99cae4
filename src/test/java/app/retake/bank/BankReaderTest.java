package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.storage.FileProblem;

class BankReaderTest {

    static final String HEADER = "id,category,question,talking_points,follow_ups,tags,difficulty,source\n";

    @TempDir
    Path dir;

    private QuestionBank read(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new BankReader().read(file);
    }

    private static List<String> problems(QuestionBank bank) {
        return bank.problems().stream().map(p -> p.line() + ": " + p.reason()).toList();
    }

    @Test
    void readsEveryColumnAndSplitsLists() throws IOException {
        QuestionBank bank = read("b.csv", HEADER
                + "q1,opener,Tell me about yourself.,Present role | Past highlights | Why this job,"
                + "What do you do outside work?,common | opener,easy,me\n");
        assertThat(bank.problems()).isEmpty();
        Question q = bank.questions().get(0);
        assertThat(q.id()).isEqualTo("q1");
        assertThat(q.category()).isEqualTo("opener");
        assertThat(q.text()).isEqualTo("Tell me about yourself.");
        assertThat(q.talkingPoints()).containsExactly("Present role", "Past highlights", "Why this job");
        assertThat(q.followUps()).containsExactly("What do you do outside work?");
        assertThat(q.tags()).containsExactly("common", "opener");
        assertThat(q.difficulty()).isEqualTo(Difficulty.EASY);
        assertThat(q.source()).isEqualTo("me");
        assertThat(q.bank()).isEqualTo("b");
        assertThat(q.line()).isEqualTo(2);
    }

    @Test
    void acceptsByteOrderMarkAndFreeColumnOrderAndSpreadsheetHeaderNames() throws IOException {
        QuestionBank bank = read("excel.csv", "\uFEFFQuestion,Talking points,Category,ID\r\n"
                + "\"Why us, of all places?\",Research | Fit,motivation,m1\r\n");
        assertThat(bank.problems()).isEmpty();
        Question q = bank.questions().get(0);
        assertThat(q.id()).isEqualTo("m1");
        assertThat(q.text()).isEqualTo("Why us, of all places?");
        assertThat(q.talkingPoints()).containsExactly("Research", "Fit");
        assertThat(q.difficulty()).isEqualTo(Difficulty.MEDIUM);
    }

    @Test
    void keepsExtraColumns() throws IOException {
        QuestionBank bank = read("x.csv", "id,category,question,Company,notes\nq1,opener,Hi?,ACME,ask Sam\n");
        assertThat(bank.questions().get(0).extra()).containsEntry("Company", "ACME").containsEntry("notes", "ask Sam");
    }

    @Test
    void missingRequiredColumnsRejectTheFileAtLineOne() throws IOException {
        QuestionBank bank = read("m.csv", "id,question,tags\nq1,Why?,x\n");
        assertThat(bank.questions()).isEmpty();
        assertThat(problems(bank)).containsExactly("1: missing required column category");
    }

    @Test
    void emptyQuestionIsReportedAndOtherRowsKept() throws IOException {
        QuestionBank bank = read("e.csv", HEADER + "q1,opener,,a | b,,,,\nq2,opener,Fine?,a | b,,,,\n");
        assertThat(problems(bank)).containsExactly("2: empty question");
        assertThat(bank.questions()).extracting(Question::id).containsExactly("q2");
    }

    @Test
    void duplicateIdWithinAFileNamesTheFirstLine() throws IOException {
        QuestionBank bank = read("d.csv", HEADER + "q1,opener,A?,,,,,\nq2,opener,B?,,,,,\nQ1,opener,C?,,,,,\n");
        assertThat(problems(bank)).containsExactly("4: duplicate id \"Q1\" (first used at line 2)");
        assertThat(bank.questions()).extracting(Question::id).containsExactly("q1", "q2");
    }

    @Test
    void unknownDifficultyIsReported() throws IOException {
        QuestionBank bank = read("u.csv", HEADER + "q1,opener,A?,,,,impossible,\nq2,opener,B?,,,,HARD,\n");
        assertThat(problems(bank)).containsExactly("2: unknown difficulty \"impossible\" (use easy, medium or hard)");
        assertThat(bank.questions().get(0).difficulty()).isEqualTo(Difficulty.HARD);
    }

    @Test
    void wrongEncodingNamesTheDamagedRowAndKeepsTheRest() throws IOException {
        byte[] latin1 = (HEADER + "q1,opener,Caf\u00e9 culture?,,,,,\nq2,opener,Plain?,,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("latin1.csv");
        Files.write(file, latin1);
        QuestionBank bank = new BankReader().read(file);
        assertThat(problems(bank)).containsExactly(
                "2: contains bytes that are not UTF-8 text (save the file as \"CSV UTF-8\")");
        assertThat(bank.questions()).extracting(Question::id).containsExactly("q2");
    }

    @Test
    void utf16FileIsRejectedWithAHowTo() throws IOException {
        Path file = dir.resolve("utf16.csv");
        Files.write(file, ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16LE));
        QuestionBank bank = new BankReader().read(file);
        assertThat(problems(bank)).containsExactly("0: is saved as UTF-16; save it as \"CSV UTF-8\" instead");
    }

    @Test
    void unclosedQuoteCostsOnlyItsOwnRow() throws IOException {
        QuestionBank bank = read("q.csv", HEADER
                + "q1,opener,Fine?,,,,,\n"
                + "q2,opener,\"Never closed?,,,,,\n"
                + "q3,opener,Also fine?,,,,,\n"
                + "q4,opener,Last?,,,,,\n");
        assertThat(problems(bank)).containsExactly(
                "3: unbalanced quotes: a quoted cell starting on this line is never closed");
        assertThat(bank.questions()).extracting(Question::id).containsExactly("q1", "q3", "q4");
        assertThat(bank.questions()).extracting(Question::line).containsExactly(2L, 4L, 5L);
    }

    @Test
    void textAfterAClosingQuoteIsReported() throws IOException {
        QuestionBank bank = read("t.csv", HEADER + "q1,opener,\"Say \"hi\" now\",,,,,\nq2,opener,Fine?,,,,,\n");
        assertThat(problems(bank)).singleElement().asString().startsWith("2: unbalanced quotes");
        assertThat(bank.questions()).extracting(Question::id).containsExactly("q2");
    }

    @Test
    void quotedCellsMaySpanLinesAndLineNumbersStayRight() throws IOException {
        QuestionBank bank = read("multi.csv", HEADER + "q1,opener,\"Two\nlines?\",,,,,\n\nq2,opener,,,,,,\n");
        assertThat(bank.questions()).extracting(Question::text).containsExactly("Two\nlines?");
        assertThat(problems(bank)).containsExactly("5: empty question");
    }

    @Test
    void rowWithMoreCellsThanTheHeaderIsReported() throws IOException {
        QuestionBank bank = read("c.csv", "id,category,question\nq1,opener,Why, though?\n");
        assertThat(problems(bank)).singleElement().asString()
                .isEqualTo("2: has 4 cells but the header has 3 columns (a comma in a cell that is not quoted?)");
    }

    @Test
    void binaryFileIsNotCsv() throws IOException {
        Path file = dir.resolve("photo.csv");
        Files.write(file, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        QuestionBank bank = new BankReader().read(file);
        assertThat(problems(bank)).containsExactly("0: is not a CSV file (it contains binary data)");
        assertThat(bank.questions()).isEmpty();
    }

    @Test
    void plainTextFileGetsAHeaderHint() throws IOException {
        QuestionBank bank = read("notes.csv", "Remember to ask about the team\nand the salary\n");
        assertThat(problems(bank)).singleElement().asString()
                .startsWith("1: missing required columns id, category, question; the first line must be a header row");
    }

    @Test
    void emptyFileAndMissingFileAndFolderAreReportedNotThrown() throws IOException {
        assertThat(problems(read("empty.csv", ""))).containsExactly(
                "0: is empty; a bank needs at least a header row");
        assertThat(problems(new BankReader().read(dir.resolve("nope.csv")))).containsExactly("0: file not found");
        Files.createDirectory(dir.resolve("folder.csv"));
        assertThat(problems(new BankReader().read(dir.resolve("folder.csv"))))
                .containsExactly("0: is a folder, not a CSV file");
    }

    @Test
    void badIdAndEmptyCategoryAreBothReportedOnOneLine() throws IOException {
        QuestionBank bank = read("i.csv", HEADER + "my id!,,Why?,,,,,\n");
        assertThat(problems(bank)).containsExactly(
                "2: id \"my id!\" may only contain letters, digits, '-', '_' and '.'; empty category");
    }

    @Test
    void duplicateHeaderColumnIsReported() throws IOException {
        QuestionBank bank = read("h.csv", "id,category,question,Tags,tags\nq1,a,b?,,\n");
        assertThat(problems(bank)).containsExactly("1: column \"tags\" appears twice in the header");
    }

    @Test
    void problemIsDescribedAsFileLineReason() {
        FileProblem problem = new FileProblem(dir.resolve("banks/mine.csv"), 7, "empty question");
        assertThat(problem.describe(dir)).isEqualTo(Path.of("banks", "mine.csv") + ":7: empty question");
    }

    @Test
    void aStrayNulCostsOnlyItsRowWhileATextFileFullOfThemIsNotCsv() throws IOException {
        Path file = dir.resolve("nul.csv");
        Files.write(file, (HEADER + "q1,opener,Why us?,,,,,\n" + "q2,opener,Wh\0y now?,,,,,\n"
                + "q3,opener,Why not?,,,,,\n").getBytes(StandardCharsets.UTF_8));
        QuestionBank bank = new BankReader().read(file);
        assertThat(bank.questions()).extracting(Question::id).containsExactly("q1", "q3");
        assertThat(problems(bank)).containsExactly("3: contains NUL characters, which do not belong in a text file");

        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, (HEADER + "q1,opener,Why us?,,,,,\n").getBytes(StandardCharsets.UTF_16LE));
        assertThat(problems(new BankReader().read(utf16))).containsExactly(
                "0: is not a CSV file (it contains binary data)");
    }

    @Test
    void aHugeOrUnprintableCellIsQuotedShortInItsProblem() throws IOException {
        QuestionBank bank = read("huge.csv", HEADER + "q 1" + "x".repeat(1_000_000) + ",opener,Why?,,,,\u001b[31m,\n");
        assertThat(problems(bank)).singleElement().asString().hasSizeLessThan(300)
                .contains("id \"q 1xxxxxxxx").contains("...\"").contains("difficulty \"?[31m\"");
    }

    @Test
    void aQuoteLeftOpenThatRunsOnIntoTheNextRowsCostsOnlyItsOwnLine() throws IOException {
        QuestionBank bank = read("run-on.csv", HEADER
                + "q1,opener,\"Open quote never closed,,,,,\n"
                + "q2,opener,Why now?,,,,,\n"
                + "q3,opener,Closes it\",,,,,,,\n"
                + "q4,opener,Why not?,,,,,\n");
        assertThat(bank.questions()).extracting(Question::id).containsExactly("q2", "q4");
        assertThat(bank.problems()).extracting(FileProblem::line).containsExactly(2L, 4L);
        assertThat(bank.problems().get(0).reason()).contains("a quote opened on this line");

        QuestionBank fewer = read("run-on-2.csv", HEADER
                + "q1,opener,\"Open quote never closed,,,,,\n"
                + "q2,opener,Why now?,,,,,\n"
                + "q3,opener,Closes it\",x\n"
                + "q4,opener,\"Why,\nwrapped over lines?\",,,,,\n");
        assertThat(fewer.problems()).extracting(FileProblem::line).containsExactly(2L);
        assertThat(fewer.questions()).extracting(Question::id).containsExactly("q2", "q3", "q4");
        assertThat(fewer.questions().get(2).text()).isEqualTo("Why,\nwrapped over lines?");
    }
}
