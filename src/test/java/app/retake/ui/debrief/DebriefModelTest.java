package app.retake.ui.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.bank.MyQuestions;
import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.drill.Preparedness;
import app.retake.drill.SpringFilter;
import app.retake.drill.SpringPicker;
import app.retake.drill.WeakSpots;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Debrief;
import app.retake.history.Debriefs;
import app.retake.history.Mode;

/** The debrief form's model on real files; its callbacks come back on the FX thread, so the toolkit runs. */
class DebriefModelTest {

    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AtomicReference<Debrief> told = new AtomicReference<>();
    private ExecutorService io;
    private Path banks;
    private Path data;
    private DebriefModel model;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        banks = writeBanks(dir);
        data = dir.resolve("data");
        io = Executors.newSingleThreadExecutor();
        model = newModel(data);
        loaded();
    }

    @AfterEach
    void tearDown() {
        io.shutdownNow();
    }

    static Path writeBanks(Path dir) throws Exception {
        Path banks = Files.createDirectories(dir.resolve("banks"));
        Files.writeString(banks.resolve("test.csv"), "id,category,question,tags\n"
                + "q-one,behavioural,Tell me about a conflict with a coworker.,teamwork\n"
                + "q-two,technical,Explain how a hash map works.,data-structures\n"
                + "q-three,behavioural,Describe a project you are proud of.,\n"
                + "q-four,curveball,Why are manhole covers round?,\n");
        return banks;
    }

    private DebriefModel newModel(Path dataRoot) {
        AtomicReference<DebriefModel> built = new AtomicReference<>();
        robot.interact(() -> built.set(new DebriefModel(banks, dataRoot, () -> Attempt.DEFAULT_PROFILE, io,
                Clock.fixed(NOW, ZoneOffset.UTC), told::set)));
        return built.get();
    }

    private void loaded() throws Exception {
        robot.interact(model::load);
        waitUntil(() -> !model.loadingProperty().get());
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<Debrief> save() throws Exception {
        AtomicReference<CompletableFuture<Optional<Debrief>>> future = new AtomicReference<>();
        robot.interact(() -> future.set(model.save()));
        Optional<Debrief> saved = future.get().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return saved;
    }

    private Question bank(String id) {
        return QuestionLibrary.loadFolder(banks).find(id).orElseThrow();
    }

    private void ask(String id, boolean unprepared) {
        robot.interact(() -> {
            model.add(bank(id));
            model.asked().get(model.asked().size() - 1).unpreparedProperty().set(unprepared);
        });
    }

    private List<SpringPicker.Candidate> worstFirst() {
        Preparedness memory = Preparedness.replay(AttemptLog.in(data), Attempt.DEFAULT_PROFILE);
        return WeakSpots.worstFirst(QuestionLibrary.loadFolder(banks).questions(), memory, SpringFilter.ANY, NOW);
    }

    @Test
    void savingWithOneQuestionUnpreparedPutsItFirstInTheWeakSpots() throws Exception {
        robot.interact(() -> {
            model.companyProperty().set("Acme Ltd");
            model.roleProperty().set("Backend engineer");
            model.dateProperty().set(LocalDate.of(2026, 3, 9));
            model.lessonsProperty().set("Revise data structures.");
        });
        ask("q-one", false);
        ask("q-two", true);

        Optional<Debrief> saved = save();

        assertThat(saved).isPresent();
        assertThat(worstFirst().get(0).question().id()).isEqualTo("q-two");
        Preparedness memory = Preparedness.replay(AttemptLog.in(data), Attempt.DEFAULT_PROFILE);
        assertThat(memory.isUnprepared("q-two")).isTrue();
        assertThat(memory.isUnprepared("q-one")).isFalse();
        assertThat(AttemptLog.in(data).readAll().attempts()).extracting(Attempt::mode)
                .containsExactly(Mode.DEBRIEF, Mode.DEBRIEF);
        Debrief written = new Debriefs(data, AttemptLog.in(data)).readAll().debriefs().get(0);
        assertThat(written.company()).isEqualTo("Acme Ltd");
        assertThat(written.role()).isEqualTo("Backend engineer");
        assertThat(written.date()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(written.asked()).containsExactly("q-one", "q-two");
        assertThat(written.unprepared()).containsExactly("q-two");
        assertThat(written.lessons()).isEqualTo("Revise data structures.");
        assertThat(model.messageProperty().get()).isEqualTo("Saved the debrief of Acme Ltd (Backend engineer) on "
                + "2026-03-09: 2 questions asked, 1 unprepared, now at the top of your weak spots.");
        assertThat(told.get()).isEqualTo(written);
        assertThat(model.asked()).isEmpty();
        assertThat(model.companyProperty().get()).isEmpty();
    }

    @Test
    void aTypedQuestionGoesToTheUsersOwnBankAndCanBeDrilled() throws Exception {
        robot.interact(() -> {
            model.roleProperty().set("Office manager");
            model.newQuestionProperty().set("  What would your   last manager say about you?  ");
            model.addNewQuestion();
            model.asked().get(0).unpreparedProperty().set(true);
        });
        assertThat(model.asked()).singleElement().satisfies(a -> {
            assertThat(a.isNew()).isTrue();
            assertThat(a.text()).isEqualTo("What would your last manager say about you?");
        });
        assertThat(model.newQuestionProperty().get()).isEmpty();

        save();

        Question added = QuestionLibrary.loadFolder(banks).questions().stream()
                .filter(q -> q.text().equals("What would your last manager say about you?")).findFirst().orElseThrow();
        assertThat(added.bank()).isEqualTo("my-questions");
        assertThat(banks.resolve(MyQuestions.FILE_NAME)).exists();
        assertThat(worstFirst().get(0).question().id()).isEqualTo(added.id());
        assertThat(AttemptLog.in(data).readAll().attempts()).singleElement()
                .satisfies(a -> assertThat(a.bank()).isEqualTo("my-questions"));
        assertThat(model.messageProperty().get()).contains("added to my-questions.csv");
    }

    @Test
    void theFormNeedsACompanyOrRoleAndAQuestionAndWritesNothingUntilThen() throws Exception {
        assertThat(save()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Fill in the company or the role");

        robot.interact(() -> model.companyProperty().set("Acme Ltd"));
        assertThat(save()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Add at least one question");

        ask("q-one", true);
        robot.interact(() -> model.dateProperty().set(LocalDate.of(2026, 3, 11)));
        assertThat(save()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("The interview date is in the future");

        assertThat(data.resolve(Debriefs.FILE_NAME)).doesNotExist();
        assertThat(data.resolve(AttemptLog.FILE_NAME)).doesNotExist();
        assertThat(told.get()).isNull();
    }

    @Test
    void searchFindsBankQuestionsByAnyWordsAndLeavesOutThoseAlreadyAsked() throws Exception {
        robot.interact(() -> model.searchProperty().set("behavioural PROUD"));
        assertThat(model.results()).extracting(Question::id).containsExactly("q-three");

        robot.interact(() -> model.searchProperty().set("teamwork"));
        assertThat(model.results()).extracting(Question::id).containsExactly("q-one");

        robot.interact(() -> model.searchProperty().set("behavioural"));
        assertThat(model.results()).extracting(Question::id).containsExactly("q-one", "q-three");
        ask("q-one", false);
        assertThat(model.results()).extracting(Question::id).containsExactly("q-three");
    }

    @Test
    void typingABankQuestionWordForWordTakesItFromTheBank() throws Exception {
        robot.interact(() -> {
            model.newQuestionProperty().set("explain how a HASH map works.");
            model.addNewQuestion();
        });
        assertThat(model.asked()).singleElement().satisfies(a -> {
            assertThat(a.isNew()).isFalse();
            assertThat(a.question().orElseThrow().id()).isEqualTo("q-two");
        });
    }

    @Test
    void aFailedSaveKeepsTheFormAndDoesNotAddATypedQuestionTwice() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("in-the-way"), "a file where the data folder should be");
        model = newModel(notAFolder.resolve("data"));
        loaded();
        robot.interact(() -> {
            model.companyProperty().set("Acme Ltd");
            model.newQuestionProperty().set("Where do you see yourself in five years?");
            model.addNewQuestion();
            model.asked().get(0).unpreparedProperty().set(true);
        });

        assertThat(save()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Could not save the debrief");
        assertThat(model.companyProperty().get()).isEqualTo("Acme Ltd");
        assertThat(model.asked()).singleElement().satisfies(a -> {
            assertThat(a.isNew()).isFalse();
            assertThat(a.unpreparedProperty().get()).isTrue();
        });

        assertThat(save()).isEmpty();
        assertThat(QuestionLibrary.loadFolder(banks).questions()).filteredOn(q -> q.bank().equals("my-questions"))
                .hasSize(1);
    }
}
