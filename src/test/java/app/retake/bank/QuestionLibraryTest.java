package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.storage.FileProblem;

class QuestionLibraryTest {

    @TempDir
    Path dir;

    @Test
    void duplicateIdAcrossBanksIsReportedInTheLaterBankAndLeftOut() throws IOException {
        Files.writeString(dir.resolve("a.csv"), BankReaderTest.HEADER + "q1,opener,First?,,,,,\n");
        Files.writeString(dir.resolve("b.csv"), BankReaderTest.HEADER + "x1,opener,Other?,,,,,\nq1,opener,Again?,,,,,\n");
        QuestionLibrary library = QuestionLibrary.loadFolder(dir);
        assertThat(library.questions()).extracting(Question::text).containsExactly("First?", "Other?");
        assertThat(library.problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("b.csv");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).isEqualTo("duplicate id \"q1\" (already in a.csv at line 2)");
        });
    }

    @Test
    void countsAndFiltersSpanAllBanks() throws IOException {
        Files.writeString(dir.resolve("a.csv"), BankReaderTest.HEADER
                + "q1,opener,A?,,,common,,\nq2,curveball,B?,,,,,\n");
        Files.writeString(dir.resolve("b.csv"), BankReaderTest.HEADER + "q3,Opener,C?,,,Common | star,,\n");
        Files.writeString(dir.resolve("notes.txt"), "not a bank");
        QuestionLibrary library = QuestionLibrary.loadFolder(dir);
        assertThat(library.banks()).hasSize(2);
        assertThat(library.countsByCategory()).containsEntry("opener", 2).containsEntry("curveball", 1);
        assertThat(library.filter("OPENER", null)).extracting(Question::id).containsExactly("q1", "q3");
        assertThat(library.filter(null, "common")).extracting(Question::id).containsExactly("q1", "q3");
        assertThat(library.find("Q2")).map(Question::category).contains("curveball");
    }

    @Test
    void missingOrEmptyFolderIsAProblemNotAnException() throws IOException {
        assertThat(QuestionLibrary.loadFolder(dir.resolve("absent")).problems()).singleElement()
                .extracting(FileProblem::reason).isEqualTo("question bank folder not found");
        assertThat(QuestionLibrary.loadFolder(dir).problems()).singleElement()
                .extracting(FileProblem::reason).isEqualTo("holds no .csv question banks");
        assertThat(QuestionLibrary.loadFiles(List.of()).questions()).isEmpty();
    }
}
