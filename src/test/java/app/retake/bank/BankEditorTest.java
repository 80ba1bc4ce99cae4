package app.retake.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankEditorTest {

    private static final String CORE = "id,category,question,talking_points,follow_ups,tags,difficulty,source\n"
            + "core-yourself,opener,Tell me about yourself.,Summary | Fit,,common,easy,retake-core\n"
            + "core-weakness,behavioural,What is your greatest weakness?,,,,,retake-core\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static QuestionDraft draft(String category, String text) {
        return new QuestionDraft("", category, text, List.of(), List.of(), List.of(), Difficulty.MEDIUM);
    }

    private BankEditor editor() {
        return new BankEditor(dir);
    }

    @Test
    void editRewritesOnlyItsRowAndKeepsExtraColumns() throws Exception {
        write("core.csv", CORE);
        String before = "id,category,question,notes,talking_points,tags,difficulty\n"
                + "n-1,motivation,\"Why \"\"this\"\" job?\",\"seen at ACME, twice\",Research|Fit,,\n"
                + "n-2,opener,Walk me through your CV.,from a friend,Roles in order,cv,hard\n"
                + "n-3,opener,,broken row kept as is,,,\n"
                + "n-4,motivation,Why leave?,  spaced  ,,,easy\n";
        Path file = write("nursing.csv", before);

        Question edited = editor().update("nursing", "n-2", new QuestionDraft("", "opener",
                "Talk me through your CV, briefly.", List.of("Roles in order", "One win each"), List.of(),
                List.of("cv", "common"), Difficulty.MEDIUM));

        assertThat(Files.readString(file)).isEqualTo("id,category,question,notes,talking_points,tags,difficulty\n"
                + "n-1,motivation,\"Why \"\"this\"\" job?\",\"seen at ACME, twice\",Research|Fit,,\n"
                + "n-2,opener,\"Talk me through your CV, briefly.\",from a friend,Roles in order | One win each,"
                + "cv | common,medium\n"
                + "n-3,opener,,broken row kept as is,,,\n"
                + "n-4,motivation,Why leave?,  spaced  ,,,easy\n");
        assertThat(edited.extra()).containsEntry("notes", "from a friend");
        assertThat(edited.line()).isEqualTo(3);
        QuestionBank again = new BankReader().read(file);
        assertThat(again.questions()).extracting(Question::id).containsExactly("n-1", "n-2", "n-4");
        assertThat(again.questions().get(1).tags()).containsExactly("cv", "common");
    }

    @Test
    void editOfARowSpanningLinesReplacesAllOfItKeepingBomAndWindowsLineEnds() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "id,category,question,extra\r\n"
                + "a,opener,\"Two\r\nlines\r\nhere\",x\r\n"
                + "b,opener,Last one,\"keep\r\nme\"";
        writeBytes("mine.csv", concat(bom, body.getBytes(StandardCharsets.UTF_8)));

        editor().update("mine", "a", draft("opener", "One line now"));

        byte[] expected = concat(bom, ("id,category,question,extra\r\n"
                + "a,opener,One line now,x\r\n"
                + "b,opener,Last one,\"keep\r\nme\"").getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(dir.resolve("mine.csv"))).isEqualTo(expected);
    }

    @Test
    void editOfTheLastRowWithoutALineEndAddsNone() throws Exception {
        Path file = write("mine.csv", "id,category,question\na,opener,First\nb,opener,Second");
        editor().update("mine", "B", draft("closing", "Second, changed"));
        assertThat(Files.readString(file)).isEqualTo("id,category,question\na,opener,First\nb,closing,"
                + "\"Second, changed\"");
    }

    @Test
    void unchangedEditLeavesTheFileAlone() throws Exception {
        String content = "id,category,question,difficulty\na,opener,\"Quoted\",\n";
        Path file = write("mine.csv", content);
        Question q = new BankReader().read(file).questions().get(0);
        editor().update("mine", "a", QuestionDraft.of(q));
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void addAppendsOneRowAndMakesAnIdUniqueAcrossEveryBank() throws Exception {
        write("core.csv", CORE);
        write("a-other.csv", "id,category,question\nmy-why-this-company,motivation,Why this company?\n");
        String before = "id,category,question,notes\nmine-1,opener,Hello?,kept\n";
        Path file = write("nursing.csv", before.substring(0, before.length() - 1)); // no line end at the end

        Question added = editor().add("nursing", draft("motivation", "Why this company?"));

        assertThat(added.id()).isEqualTo("my-why-this-company-2");
        assertThat(added.bank()).isEqualTo("nursing");
        assertThat(added.source()).isEmpty(); // the bank has no source column, so none is added for it
        assertThat(Files.readString(file)).isEqualTo("id,category,question,notes\nmine-1,opener,Hello?,kept\n"
                + "my-why-this-company-2,motivation,Why this company?,\n");
    }

    @Test
    void addWithAnIdAnotherBankUsesIsRefusedIgnoringCase() throws Exception {
        write("core.csv", CORE);
        Path file = write("nursing.csv", "id,category,question\n");
        QuestionDraft d = new QuestionDraft("CORE-Yourself", "opener", "Anything", List.of(), List.of(), List.of(),
                null);
        assertThatThrownBy(() -> editor().add("nursing", d)).isInstanceOf(BankRefusal.class)
                .hasMessageContaining("\"CORE-Yourself\" is already used (in core.csv at line 2)")
                .extracting(e -> ((BankRefusal) e).reason()).isEqualTo(BankRefusal.Reason.INVALID);
        assertThat(Files.readString(file)).isEqualTo("id,category,question\n");
    }

    @Test
    void addCreatesMyQuestionsWhenItIsMissing() throws Exception {
        write("core.csv", CORE);
        Question added = editor().add(MyQuestions.BANK, new QuestionDraft("mine.1", "closing",
                "Any questions for us?", List.of("Ask about the team"), List.of(), List.of(), Difficulty.EASY));
        Path file = new MyQuestions(dir).file();
        assertThat(added.id()).isEqualTo("mine.1");
        QuestionBank bank = new BankReader().read(file);
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.header()).isEqualTo(BankColumn.standardHeader());
        assertThat(bank.questions()).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("Any questions for us?");
            assertThat(q.talkingPoints()).containsExactly("Ask about the team");
            assertThat(q.difficulty()).isEqualTo(Difficulty.EASY);
        });
    }

    @Test
    void draftsWithoutTextOrCategoryOrWithABadIdAreRefusedAndNothingIsWritten() throws Exception {
        String content = "id,category,question\na,opener,Hello?\n";
        Path file = write("mine.csv", content);
        assertThatThrownBy(() -> editor().add("mine", draft("opener", "   "))).isInstanceOf(BankRefusal.class)
                .hasMessage("The question is empty.");
        assertThatThrownBy(() -> editor().update("mine", "a", draft("", "Hello?")))
                .hasMessage("The category is empty.");
        assertThatThrownBy(() -> editor().add("mine", new QuestionDraft("-bad id", "opener", "Hi", List.of(),
                List.of(), List.of(), null))).hasMessageContaining("may only contain letters");
        assertThatThrownBy(() -> editor().add("mine", new QuestionDraft("", "opener", "Hi", List.of("a | b"),
                List.of(), List.of(), null))).hasMessageContaining("contains '|'");
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(files()).containsExactly("mine.csv");
    }

    @Test
    void theCoreBankIsNeverChangedButItsQuestionsCanBeCopied() throws Exception {
        Path core = write("core.csv", CORE);
        assertThatThrownBy(() -> editor().update("core", "core-yourself", draft("opener", "Changed")))
                .isInstanceOf(BankRefusal.class).hasMessageContaining("my-questions.csv")
                .extracting(e -> ((BankRefusal) e).reason()).isEqualTo(BankRefusal.Reason.READ_ONLY);
        assertThatThrownBy(() -> editor().delete("core", "core-yourself"))
                .extracting(e -> ((BankRefusal) e).reason()).isEqualTo(BankRefusal.Reason.READ_ONLY);
        assertThatThrownBy(() -> editor().add("CORE", draft("opener", "New")))
                .extracting(e -> ((BankRefusal) e).reason()).isEqualTo(BankRefusal.Reason.READ_ONLY);
        assertThat(BankEditor.isEditable("core")).isFalse();
        assertThat(BankEditor.isEditable("my-questions")).isTrue();

        Question original = new BankReader().read(core).questions().get(0);
        QuestionDraft copy = new QuestionDraft("", original.category(), "Tell me about yourself, in brief.",
                original.talkingPoints(), original.followUps(), original.tags(), original.difficulty());
        Question copied = editor().copyIntoMyQuestions(original, copy);

        assertThat(Files.readString(core)).isEqualTo(CORE);
        assertThat(copied.bank()).isEqualTo("my-questions");
        assertThat(copied.id()).isEqualTo("my-tell-me-about-yourself-in-brief");
        assertThat(copied.source()).isEqualTo("copied from core.csv (core-yourself)");
        assertThat(copied.talkingPoints()).containsExactly("Summary", "Fit");
    }

    @Test
    void deleteRemovesOnlyItsRowAndKeepsBrokenRows() throws Exception {
        Path file = write("mine.csv", "id,category,question,notes\n"
                + "a,opener,First,one\n"
                + "b,opener,\"Second\nof two lines\",two\n"
                + "c,opener,,broken\n"
                + "d,opener,Fourth,four\n");
        editor().delete("mine", "b");
        assertThat(Files.readString(file)).isEqualTo("id,category,question,notes\n"
                + "a,opener,First,one\n"
                + "c,opener,,broken\n"
                + "d,opener,Fourth,four\n");
        editor().delete("mine", "d");
        assertThat(Files.readString(file))
                .isEqualTo("id,category,question,notes\na,opener,First,one\nc,opener,,broken\n");
        assertThat(files()).containsExactly("mine.csv");
    }

    @Test
    void aColumnTheFileLacksIsAddedByRewritingTheWholeCleanFileKeepingExtras() throws Exception {
        Path file = write("mine.csv", "id,category,question,notes\na,opener,First,one\nb,opener,Second,two\n");
        editor().update("mine", "a", new QuestionDraft("", "opener", "First", List.of(), List.of(),
                List.of("new-tag"), Difficulty.HARD));
        QuestionBank bank = new BankReader().read(file);
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.header()).startsWith("id", "category", "question", "notes").contains("tags", "difficulty");
        assertThat(bank.questions()).extracting(q -> q.extra().get("notes")).containsExactly("one", "two");
        assertThat(bank.questions().get(0).tags()).containsExactly("new-tag");
        assertThat(bank.questions().get(0).difficulty()).isEqualTo(Difficulty.HARD);
    }

    @Test
    void aColumnTheFileLacksIsRefusedWhenARewriteWouldLoseBrokenRows() throws Exception {
        String content = "id,category,question\na,opener,First\nb,opener,\n";
        Path file = write("mine.csv", content);
        assertThatThrownBy(() -> editor().update("mine", "a", new QuestionDraft("", "opener", "First", List.of(),
                List.of(), List.of("tag"), null)))
                .isInstanceOf(BankRefusal.class).hasMessageContaining("mine.csv:3: empty question");
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void questionsOrBanksThatAreGoneAreReported() throws Exception {
        write("mine.csv", "id,category,question\na,opener,First\n");
        assertThatThrownBy(() -> editor().update("mine", "zzz", draft("opener", "X")))
                .extracting(e -> ((BankRefusal) e).reason()).isEqualTo(BankRefusal.Reason.NOT_FOUND);
        assertThatThrownBy(() -> editor().delete("nowhere", "a"))
                .extracting(e -> ((BankRefusal) e).reason()).isEqualTo(BankRefusal.Reason.NOT_FOUND);
    }

    @Test
    void theIdOfAQuestionCannotBeChanged() throws Exception {
        write("mine.csv", "id,category,question\na,opener,First\n");
        assertThatThrownBy(() -> editor().update("mine", "a", new QuestionDraft("b", "opener", "First", List.of(),
                List.of(), List.of(), null))).hasMessageContaining("cannot be changed");
    }

    @Test
    void aBankWithABrokenHeaderIsNotTouched() throws Exception {
        String content = "id,question\na,First\n";
        Path file = write("mine.csv", content);
        assertThatThrownBy(() -> editor().add("mine", draft("opener", "New one")))
                .isInstanceOf(BankRefusal.class).hasMessageContaining("mine.csv:1: missing required column");
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("core.csv")).sorted().toList();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
