package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.storage.FileProblem;

class BankImportTest {

    @TempDir
    Path dir;

    private Path banks;
    private Path elsewhere;

    @BeforeEach
    void folders() throws IOException {
        banks = Files.createDirectories(dir.resolve("question-banks"));
        elsewhere = Files.createDirectories(dir.resolve("Downloads"));
        Files.writeString(banks.resolve("core.csv"), "id,category,question\ncore-1,opener,Tell me about yourself.\n"
                + "core-2,opener,Why this job?\n");
    }

    private Path source(String name, String content) throws IOException {
        return Files.writeString(elsewhere.resolve(name), content);
    }

    @Test
    void aGoodFileIsCopiedByteForByteAndTheOriginalStays() throws Exception {
        String content = "\uFEFFQuestion,ID,Category,notes\r\n\"Why nursing?\",nur-1,motivation,\"mine, really\"\r\n";
        Path source = source("nursing.csv", content);

        BankImport.Check check = new BankImport(banks).importFile(source);

        assertThat(check.canImport()).isTrue();
        assertThat(check.target()).isEqualTo(banks.resolve("nursing.csv"));
        assertThat(Files.readAllBytes(banks.resolve("nursing.csv"))).isEqualTo(Files.readAllBytes(source));
        assertThat(Files.readString(source)).isEqualTo(content);
        QuestionLibrary library = QuestionLibrary.loadFolder(banks);
        assertThat(library.problems()).isEmpty();
        assertThat(library.find("nur-1")).hasValueSatisfying(q -> assertThat(q.extra()).containsEntry("notes",
                "mine, really"));
        assertThat(files(banks)).containsOnlyKeys("core.csv", "nursing.csv");
    }

    @Test
    void badRowsAreListedWithTheirLinesAndSkippedButDoNotStopTheImport() throws Exception {
        Path source = source("mixed.csv", "id,category,question,difficulty\n"
                + "m-1,opener,Fine one,\n"
                + "m-2,opener,,\n"
                + "m-3,opener,Too hard?,tough\n");
        BankImport.Check check = new BankImport(banks).check(source);
        assertThat(check.canImport()).isTrue();
        assertThat(check.problems()).extracting(p -> p.describe(elsewhere)).containsExactly(
                "mixed.csv:3: empty question",
                "mixed.csv:4: unknown difficulty \"tough\" (use easy, medium or hard)");
        assertThat(check.bank().questions()).extracting(Question::id).containsExactly("m-1");
        assertThat(files(banks)).containsOnlyKeys("core.csv"); // checking alone writes nothing
    }

    @Test
    void idsAlreadyInTheLibraryRefuseTheImportAndChangeNothing() throws Exception {
        Path source = source("mine.csv", "id,category,question\nnew-1,opener,Hello\nCORE-2,opener,Why us?\n");
        Map<String, String> before = files(banks);

        BankImport.Check check = new BankImport(banks).check(source);
        assertThat(check.canImport()).isFalse();
        assertThat(check.refusals()).extracting(p -> p.describe(elsewhere))
                .containsExactly("mine.csv:3: id \"CORE-2\" is already used in core.csv at line 3");
        assertThatThrownBy(() -> new BankImport(banks).importFile(source)).isInstanceOf(BankRefusal.class)
                .hasMessage("Cannot import mine.csv: mine.csv:3: id \"CORE-2\" is already used in core.csv at line 3");

        assertThat(files(banks)).isEqualTo(before);
        assertThat(Files.readString(source)).startsWith("id,category,question\nnew-1");
    }

    @Test
    void aNameAlreadyInTheFolderIsRefusedIgnoringCase() throws Exception {
        Path source = source("CORE.csv", "id,category,question\nother-1,opener,Hello\n");
        Map<String, String> before = files(banks);
        BankImport.Check check = new BankImport(banks).check(source);
        assertThat(check.refusals()).extracting(FileProblem::reason).singleElement().asString()
                .startsWith("a bank named CORE.csv is already in the banks folder");
        assertThatThrownBy(() -> new BankImport(banks).importFile(source)).isInstanceOf(BankRefusal.class);
        assertThat(files(banks)).isEqualTo(before);
    }

    @Test
    void filesThatCannotLoadAtAllAreRefused() throws Exception {
        BankImport importer = new BankImport(banks);
        assertThat(importer.check(source("noheader.csv", "a-1,opener,Hello\n")).refusals())
                .extracting(FileProblem::line).containsExactly(1L);
        assertThat(importer.check(source("empty.csv", "id,category,question\n")).refusals())
                .extracting(FileProblem::reason).containsExactly("holds no question Retake can load");
        assertThat(importer.check(source("notes.txt", "id,category,question\nx-1,opener,Hi\n")).refusals())
                .extracting(FileProblem::reason).singleElement().asString().startsWith("is not a .csv file");
        assertThat(importer.check(elsewhere.resolve("missing.csv")).refusals())
                .extracting(FileProblem::reason).containsExactly("file not found");
        assertThat(files(banks)).containsOnlyKeys("core.csv");
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }
}
