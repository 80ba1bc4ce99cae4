package app.retake.ui.banks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.BankEditor;
import app.retake.bank.BankImport;
import app.retake.bank.BankRefusal;
import app.retake.bank.BankSearch;
import app.retake.bank.MyQuestions;
import app.retake.bank.Question;
import app.retake.bank.QuestionBank;
import app.retake.bank.QuestionDraft;
import app.retake.bank.QuestionLibrary;
import app.retake.settings.Settings;
import app.retake.ui.common.FxTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State and commands of the Question banks page: the loaded library, the searchable question list, adding, editing,
 * deleting and importing, and which banks and categories drills use. Files are read and written on the executor;
 * every property changes on the FX thread only.
 */
public final class BanksModel {

    private static final Logger LOG = LoggerFactory.getLogger(BanksModel.class);

    private final Path folder;
    private final Executor io;
    private final Supplier<Settings> settings;
    private final Consumer<UnaryOperator<Settings>> updateSettings;
    private final BankEditor editor;
    private final BankImport importer;

    private final ReadOnlyObjectWrapper<QuestionLibrary> library = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringBinding summary;

    private final ObservableList<Question> allQuestions = FXCollections.observableArrayList();
    private final FilteredList<Question> questions = new FilteredList<>(allQuestions);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty bankFilter = new SimpleStringProperty("");
    private final ObjectProperty<Question> selected = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<Set<String>> disabledBanks = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Set<String>> disabledCategories = new ReadOnlyObjectWrapper<>(Set.of());

    private final ReadOnlyObjectWrapper<QuestionForm> form = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Question> copyOffer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Question> deleteRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BankImport.Check> importCheck = new ReadOnlyObjectWrapper<>();

    private final BooleanBinding canEdit;
    private final BooleanBinding canDelete;

    private boolean loadAgain;
    /** The id to select once the next load is in, after a question was saved. */
    private String selectAfterLoad;

    /**
     * @param folder         the question bank folder
     * @param io             where files are read and written; never the FX thread
     * @param settings       the settings in force, read for which banks and categories drills leave out
     * @param updateSettings applies a change to the settings; the caller keeps and saves the result
     */
    public BanksModel(Path folder, Executor io, Supplier<Settings> settings,
                      Consumer<UnaryOperator<Settings>> updateSettings) {
        this.folder = folder;
        this.io = io;
        this.settings = settings;
        this.updateSettings = updateSettings;
        this.editor = new BankEditor(folder);
        this.importer = new BankImport(folder);
        summary = Bindings.createStringBinding(this::describe, library, loading, error);
        questions.predicateProperty().bind(Bindings.createObjectBinding(
                () -> BankSearch.of(search.get(), bankFilter.get()), search, bankFilter));
        canEdit = selected.isNotNull().and(busy.not());
        canDelete = Bindings.createBooleanBinding(
                () -> selected.get() != null && BankEditor.isEditable(selected.get().bank()) && !busy.get(),
                selected, busy);
        readDrillSettings();
    }

    /** Reads every bank again in the background, and which ones drills use. */
    public void reload() {
        readDrillSettings();
        if (loading.get()) {
            // A change written while a load runs may have missed it; load once more when it ends.
            loadAgain = true;
            return;
        }
        loading.set(true);
        FxTasks.supply(io, () -> QuestionLibrary.loadFolder(folder), loaded -> {
            loading.set(false);
            error.set("");
            show(loaded);
            if (loadAgain) {
                loadAgain = false;
                reload();
            }
        }, failure -> {
            LOG.error("Could not read the question banks in {}", folder, failure);
            error.set("Could not read the question banks in " + folder + ": " + failure.getMessage());
            loading.set(false);
            loadAgain = false;
        });
    }

    private void show(QuestionLibrary loaded) {
        String keep = selectAfterLoad != null ? selectAfterLoad
                : selected.get() == null ? null : selected.get().id();
        selectAfterLoad = null;
        library.set(loaded);
        allQuestions.setAll(loaded.questions());
        if (!bankFilter.get().isEmpty()
                && loaded.banks().stream().noneMatch(b -> b.name().equalsIgnoreCase(bankFilter.get()))) {
            bankFilter.set("");
        }
        selected.set(keep == null ? null : loaded.find(keep).orElse(null));
    }

    // ----- adding, editing and deleting -----

    /** Opens the form for a new question, in the bank shown by the filter when that one can be changed. */
    public void add() {
        List<String> banks = writableBanks();
        String filtered = bankFilter.get();
        String bank = banks.stream().filter(b -> b.equalsIgnoreCase(filtered)).findFirst().orElse(MyQuestions.BANK);
        Question current = selected.get();
        copyOffer.set(null);
        form.set(QuestionForm.add(banks, bank, current == null ? "" : current.category(), this::idTaken, this::save));
    }

    /**
     * Opens the form for the selected question; for a question of the bundled bank, which is read-only, offers to
     * copy it into my-questions.csv instead.
     */
    public void edit() {
        Question q = selected.get();
        if (q == null || busy.get()) {
            return;
        }
        if (BankEditor.isEditable(q.bank())) {
            form.set(QuestionForm.edit(q, this::save));
        } else {
            copyOffer.set(q);
        }
    }

    /** Selects {@code q} and opens it as {@link #edit()} does. */
    public void edit(Question q) {
        selected.set(q);
        edit();
    }

    /** Takes up the offer: opens a form holding a copy of the read-only question, to be saved in my questions. */
    public void acceptCopyOffer() {
        Question q = copyOffer.get();
        copyOffer.set(null);
        if (q != null) {
            form.set(QuestionForm.copy(q, this::idTaken, this::save));
        }
    }

    public void declineCopyOffer() {
        copyOffer.set(null);
    }

    /** Closes {@code closing} without saving, if it is still the open form. */
    public void closeForm(QuestionForm closing) {
        if (form.get() == closing) {
            form.set(null);
        }
    }

    private void save(QuestionForm f) {
        if (f != form.get() || busy.get()) {
            return;
        }
        QuestionDraft draft = f.draft();
        String bank = f.bankProperty().get();
        busy.set(true);
        f.saving(true);
        FxTasks.supply(io, () -> call(() -> switch (f.mode()) {
            case ADD -> editor.add(bank, draft);
            case EDIT -> editor.update(f.original().bank(), f.original().id(), draft);
            case COPY -> editor.copyIntoMyQuestions(f.original(), draft);
        }), saved -> {
            busy.set(false);
            f.saving(false);
            closeForm(f);
            message.set((f.mode() == QuestionForm.Mode.EDIT ? "Saved " : "Added ") + saved.id() + " to "
                    + saved.bank() + ".csv.");
            if (!BankSearch.of(search.get(), bankFilter.get()).test(saved)) {
                search.set("");
                bankFilter.set("");
            }
            selectAfterLoad = saved.id();
            reload();
        }, failure -> {
            busy.set(false);
            f.failed(explain("Could not save the question", failure));
        });
    }

    /** Asks to delete the selected question; {@link #confirmDelete()} does it. */
    public void delete() {
        Question q = selected.get();
        if (q == null || busy.get()) {
            return;
        }
        if (!BankEditor.isEditable(q.bank())) {
            message.set(q.bank() + ".csv ships with Retake and cannot be changed here. To leave its questions out of "
                    + "drills, untick its Drill box.");
            return;
        }
        deleteRequest.set(q);
    }

    /** The question to confirm deleting, in a sentence. */
    public String describeDelete(Question q) {
        return "Delete \u201c" + q.text() + "\u201d (" + q.id() + ") from " + q.bank() + ".csv? Takes you recorded "
                + "for it stay in your history.";
    }

    public void confirmDelete() {
        Question q = deleteRequest.get();
        deleteRequest.set(null);
        if (q == null || busy.get()) {
            return;
        }
        busy.set(true);
        FxTasks.supply(io, () -> call(() -> {
            editor.delete(q.bank(), q.id());
            return q;
        }), deleted -> {
            busy.set(false);
            message.set("Deleted " + deleted.id() + " from " + deleted.bank() + ".csv.");
            selected.set(null);
            reload();
        }, failure -> {
            busy.set(false);
            message.set(explain("Could not delete " + q.id(), failure));
            reload();
        });
    }

    public void cancelDelete() {
        deleteRequest.set(null);
    }

    // ----- importing -----

    /** Checks {@code file} in the background; the outcome waits in {@link #importCheckProperty()} for a choice. */
    public void importFrom(Path file) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        FxTasks.supply(io, () -> importer.check(file), check -> {
            busy.set(false);
            importCheck.set(check);
        }, failure -> {
            busy.set(false);
            message.set(explain("Could not check " + file, failure));
        });
    }

    /** One sentence on what importing the checked file would do. */
    public String describeImport(BankImport.Check check) {
        String name = check.source().getFileName().toString();
        if (!check.canImport()) {
            return name + " cannot be imported:";
        }
        int n = check.bank().questions().size();
        int categories = check.bank().countsByCategory().size();
        String what = n + " question" + (n == 1 ? "" : "s") + " in " + categories + " categor"
                + (categories == 1 ? "y" : "ies") + " will be added as " + check.target().getFileName() + ".";
        int skipped = check.problems().size();
        return skipped == 0 ? what + " No problems found."
                : what + " " + skipped + " row" + (skipped == 1 ? " has a problem" : "s have problems")
                + " and will be skipped:";
    }

    /** Everything the check found, as {@code FILE:LINE: reason}. */
    public List<String> importProblems(BankImport.Check check) {
        Path base = check.source().toAbsolutePath().getParent();
        return check.everything().stream().map(p -> p.describe(base)).toList();
    }

    /** Imports the checked file; it is checked once more, as it may have changed meanwhile. */
    public void confirmImport() {
        BankImport.Check check = importCheck.get();
        importCheck.set(null);
        if (check == null || !check.canImport() || busy.get()) {
            return;
        }
        busy.set(true);
        FxTasks.supply(io, () -> call(() -> importer.importFile(check.source())), done -> {
            busy.set(false);
            message.set("Imported " + done.target().getFileName() + ": " + done.bank().questions().size()
                    + " question" + (done.bank().questions().size() == 1 ? "" : "s") + ".");
            reload();
        }, failure -> {
            busy.set(false);
            message.set(explain("Could not import " + check.source().getFileName(), failure));
        });
    }

    public void cancelImport() {
        importCheck.set(null);
    }

    // ----- drills -----

    /** Whether drills spring questions from the bank named {@code bank}. */
    public boolean drillsBank(String bank) {
        return !disabledBanks.get().contains(bank.toLowerCase(Locale.ROOT));
    }

    public boolean drillsCategory(String category) {
        return !disabledCategories.get().contains(category.toLowerCase(Locale.ROOT));
    }

    /** Puts the bank named {@code bank} in or out of drills, through the settings. */
    public void setBankDrilled(String bank, boolean drilled) {
        if (drillsBank(bank) == drilled) {
            return;
        }
        String key = bank.toLowerCase(Locale.ROOT);
        updateSettings.accept(s -> s.withDisabled(toggled(s.disabledBanks(), key, drilled), s.disabledCategories()));
        disabledBanks.set(toggled(disabledBanks.get(), key, drilled));
    }

    /** Puts {@code category} in or out of drills, through the settings. */
    public void setCategoryDrilled(String category, boolean drilled) {
        if (drillsCategory(category) == drilled) {
            return;
        }
        String key = category.toLowerCase(Locale.ROOT);
        updateSettings.accept(s -> s.withDisabled(s.disabledBanks(), toggled(s.disabledCategories(), key, drilled)));
        disabledCategories.set(toggled(disabledCategories.get(), key, drilled));
    }

    private static Set<String> toggled(Set<String> disabled, String key, boolean drilled) {
        Set<String> out = new HashSet<>(disabled);
        if (drilled) {
            out.remove(key);
        } else {
            out.add(key);
        }
        return Set.copyOf(out);
    }

    private void readDrillSettings() {
        Settings now = settings.get();
        disabledBanks.set(Set.copyOf(now.disabledBanks()));
        disabledCategories.set(Set.copyOf(now.disabledCategories()));
    }

    // ----- properties -----

    public ReadOnlyObjectProperty<QuestionLibrary> libraryProperty() {
        return library.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A change to the files is being checked or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last change did, or why it could not be made. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** One sentence about what is loaded. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** The questions that match the search and the bank filter, in bank order. */
    public ObservableList<Question> questions() {
        return questions;
    }

    /** Words to find in a question's text, id, category or tags. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The bank whose questions are listed; empty for all banks. */
    public StringProperty bankFilterProperty() {
        return bankFilter;
    }

    public ObjectProperty<Question> selectedProperty() {
        return selected;
    }

    public BooleanBinding canEditProperty() {
        return canEdit;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    /** Lower-cased names of the banks drills leave out. */
    public ReadOnlyObjectProperty<Set<String>> disabledBanksProperty() {
        return disabledBanks.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<String>> disabledCategoriesProperty() {
        return disabledCategories.getReadOnlyProperty();
    }

    /** The question form to show, or null. */
    public ReadOnlyObjectProperty<QuestionForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** A read-only question the user asked to edit, to offer copying; or null. */
    public ReadOnlyObjectProperty<Question> copyOfferProperty() {
        return copyOffer.getReadOnlyProperty();
    }

    /** The question waiting for the user to confirm deleting it, or null. */
    public ReadOnlyObjectProperty<Question> deleteRequestProperty() {
        return deleteRequest.getReadOnlyProperty();
    }

    /** A checked file waiting for the user to import it or not, or null. */
    public ReadOnlyObjectProperty<BankImport.Check> importCheckProperty() {
        return importCheck.getReadOnlyProperty();
    }

    public Path folder() {
        return folder;
    }

    /** The banks the user may change, as named in settings and filters; my-questions always among them. */
    public List<String> writableBanks() {
        List<String> out = new ArrayList<>();
        QuestionLibrary loaded = library.get();
        if (loaded != null) {
            for (QuestionBank b : loaded.banks()) {
                if (BankEditor.isEditable(b.name())) {
                    out.add(b.name());
                }
            }
        }
        if (out.stream().noneMatch(MyQuestions.BANK::equalsIgnoreCase)) {
            out.add(MyQuestions.BANK);
        }
        return out;
    }

    private boolean idTaken(String id) {
        QuestionLibrary loaded = library.get();
        return loaded != null && loaded.find(id).isPresent();
    }

    /** A sentence for the user: a refusal speaks for itself, a disk failure is logged and named. */
    private String explain(String what, Throwable failure) {
        if (failure instanceof BankRefusal) {
            return failure.getMessage();
        }
        LOG.error("{} in {}", what, folder, failure);
        String detail = failure instanceof IOException && failure.getMessage() != null ? failure.getMessage()
                : String.valueOf(failure);
        return what + ": " + detail + ".";
    }

    /** Work that may be refused or fail on the disk, run where a plain supplier is expected. */
    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws BankRefusal, IOException;
    }

    private static <T> T call(FileWork<T> work) {
        try {
            return work.run();
        } catch (BankRefusal | IOException e) {
            throw new CompletionException(e);
        }
    }

    private String describe() {
        if (!error.get().isEmpty()) {
            return error.get();
        }
        QuestionLibrary loaded = library.get();
        if (loaded == null) {
            return "Loading question banks…";
        }
        int questionCount = loaded.questions().size();
        int categories = loaded.countsByCategory().size();
        int banks = loaded.banks().size();
        int problems = loaded.problems().size();
        return questionCount + " question" + (questionCount == 1 ? "" : "s") + " in " + categories + " categor"
                + (categories == 1 ? "y" : "ies") + " from " + banks + " bank" + (banks == 1 ? "" : "s")
                + (problems == 0 ? ". No problems found." : "; " + problems + " row" + (problems == 1 ? "" : "s")
                + " could not be loaded (listed below).");
    }
}
