package app.retake.ui.banks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import app.retake.bank.Difficulty;
import app.retake.bank.MyQuestions;
import app.retake.bank.Question;
import app.retake.bank.QuestionDraft;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the question dialog holds: the fields as typed, where the question goes, and why it cannot be saved yet.
 * Lists are typed one item per line (talking points, follow-ups) or separated by commas (tags).
 */
public final class QuestionForm {

    /** What saving the form does. */
    public enum Mode {
        /** A new question in one of the user's banks. */
        ADD,
        /** Changes to a question in one of the user's banks; its id and bank stay. */
        EDIT,
        /** A changed copy of a read-only question, saved into my-questions.csv. */
        COPY
    }

    private final Mode mode;
    private final Question original;
    private final List<String> banks;
    private final Predicate<String> idTaken;
    private final Consumer<QuestionForm> saver;

    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty bank = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final StringProperty points = new SimpleStringProperty("");
    private final StringProperty followUps = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final ObjectProperty<Difficulty> difficulty = new SimpleObjectProperty<>(Difficulty.MEDIUM);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);

    private QuestionForm(Mode mode, Question original, List<String> banks, Predicate<String> idTaken,
                         Consumer<QuestionForm> saver) {
        this.mode = mode;
        this.original = original;
        this.banks = List.copyOf(banks);
        this.idTaken = idTaken;
        this.saver = saver;
        if (original != null) {
            text.set(original.text());
            category.set(original.category());
            points.set(String.join("\n", original.talkingPoints()));
            followUps.set(String.join("\n", original.followUps()));
            tags.set(String.join(", ", original.tags()));
            difficulty.set(original.difficulty());
        }
    }

    /** An empty form for a new question in one of {@code banks}, {@code bank} chosen first. */
    static QuestionForm add(List<String> banks, String bank, String category, Predicate<String> idTaken,
                            Consumer<QuestionForm> saver) {
        QuestionForm form = new QuestionForm(Mode.ADD, null, banks, idTaken, saver);
        form.bank.set(bank);
        form.category.set(category == null ? "" : category);
        return form;
    }

    /** A form holding {@code q}, to change it in its own bank. */
    static QuestionForm edit(Question q, Consumer<QuestionForm> saver) {
        QuestionForm form = new QuestionForm(Mode.EDIT, q, List.of(q.bank()), id -> false, saver);
        form.id.set(q.id());
        form.bank.set(q.bank());
        return form;
    }

    /** A form holding read-only {@code q}, to save a changed copy in my-questions.csv under a new id. */
    static QuestionForm copy(Question q, Predicate<String> idTaken, Consumer<QuestionForm> saver) {
        QuestionForm form = new QuestionForm(Mode.COPY, q, List.of(MyQuestions.BANK), idTaken, saver);
        form.bank.set(form.banks.get(0));
        return form;
    }

    public Mode mode() {
        return mode;
    }

    /** The question being edited or copied; null for a new one. */
    public Question original() {
        return original;
    }

    /** The banks the question may go to; one, fixed, unless adding. */
    public List<String> banks() {
        return banks;
    }

    /** The dialog's title. */
    public String title() {
        return switch (mode) {
            case EDIT -> "Edit question";
            case COPY -> "Copy into my questions";
            case ADD -> "New question";
        };
    }

    /** A line under the title saying where the question is saved. */
    public String where() {
        return switch (mode) {
            case EDIT -> "In " + original.bank() + ".csv, line " + original.line() + ". The id stays, so past takes "
                    + "still count.";
            case COPY -> original.bank() + ".csv ships with Retake and stays as it is; your copy of " + original.id()
                    + " is saved to " + MyQuestions.FILE_NAME + " under a new id.";
            case ADD -> "Saved at the end of the bank you choose. Leave the id empty to have one made from the "
                    + "question.";
        };
    }

    /** Whether the id and bank may be typed in: only for a new question (a copy gets a made id). */
    public boolean idEditable() {
        return mode == Mode.ADD;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty bankProperty() {
        return bank;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    /** Talking points, one per line. */
    public StringProperty pointsProperty() {
        return points;
    }

    /** Follow-up questions, one per line. */
    public StringProperty followUpsProperty() {
        return followUps;
    }

    /** Tags separated by commas. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public ObjectProperty<Difficulty> difficultyProperty() {
        return difficulty;
    }

    /** Why the last attempt to save failed, in sentences; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The fields as a draft for the bank editor. */
    public QuestionDraft draft() {
        return new QuestionDraft(mode == Mode.ADD ? id.get() : mode == Mode.EDIT ? original.id() : "",
                category.get(), text.get(), QuestionDraft.lines(points.get()), QuestionDraft.lines(followUps.get()),
                QuestionDraft.items(tags.get()), difficulty.get());
    }

    /** Checks what can be checked without reading files; on a problem, says why and returns false. */
    public boolean validate() {
        QuestionDraft draft = draft();
        List<String> reasons = new ArrayList<>(draft.problems());
        if (mode == Mode.ADD && (bank.get() == null || bank.get().isBlank())) {
            reasons.add("Choose the bank the question goes to.");
        }
        if (mode == Mode.ADD && !draft.id().isEmpty() && idTaken.test(draft.id())) {
            reasons.add("The id \"" + draft.id() + "\" is already used. Choose another, or leave it empty.");
        }
        error.set(String.join(" ", reasons));
        return reasons.isEmpty();
    }

    /** Validates, then hands the form over to be written; the outcome comes back through {@link #failed}. */
    public void save() {
        if (saving.get() || !validate()) {
            return;
        }
        saver.accept(this);
    }

    void saving(boolean now) {
        saving.set(now);
    }

    void failed(String reason) {
        saving.set(false);
        error.set(reason);
    }
}
