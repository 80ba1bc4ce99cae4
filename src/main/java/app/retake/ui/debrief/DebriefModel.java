package app.retake.ui.debrief;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.MyQuestions;
import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.history.AttemptLog;
import app.retake.history.Debrief;
import app.retake.history.Debriefs;
import app.retake.storage.IoProblems;
import app.retake.ui.common.FxTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The debrief form for a real interview: who, when, the questions asked (from the banks or typed in), which
 * caught the user unprepared, and the lessons. Saving writes the debrief and its attempts, so the unprepared
 * questions go to the top of the weak spots. Files are read and written on the executor; every property changes
 * on the FX thread.
 */
public final class DebriefModel {

    private static final Logger LOG = LoggerFactory.getLogger(DebriefModel.class);
    /** Search results shown at most; more than this and the user should type another word. */
    static final int MAX_RESULTS = 50;

    /** One question on the asked list: from a bank, or typed in and not yet in any bank. */
    public static final class AskedQuestion {
        private final Optional<Question> question;
        private final String text;
        private final BooleanProperty unprepared = new SimpleBooleanProperty(false);

        AskedQuestion(Optional<Question> question, String text) {
            this.question = question;
            this.text = text;
        }

        /** The bank question; empty for one typed in, until saving adds it to the user's own bank. */
        public Optional<Question> question() {
            return question;
        }

        public String text() {
            return text;
        }

        /** Typed in: saving adds it to {@value MyQuestions#FILE_NAME}. */
        public boolean isNew() {
            return question.isEmpty();
        }

        /** Whether it caught the user unprepared. */
        public BooleanProperty unpreparedProperty() {
            return unprepared;
        }

        /** "behavioural · core · beh-conflict", or where a typed question will go. */
        public String detail() {
            return question.map(q -> q.category() + " · " + q.bank() + " · " + q.id())
                    .orElse("new: saved to " + MyQuestions.FILE_NAME + " so you can drill it");
        }
    }

    private final Path banksDir;
    private final Path dataRoot;
    private final Supplier<String> profile;
    private final Executor io;
    private final Clock clock;
    private final Consumer<Debrief> onSaved;

    private final StringProperty company = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty newQuestion = new SimpleStringProperty("");
    private final StringProperty lessons = new SimpleStringProperty("");
    private final ObservableList<Question> results = FXCollections.observableArrayList();
    private final ObservableList<AskedQuestion> asked = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    private QuestionLibrary library;

    /**
     * @param banksDir the question bank folder; typed questions go to its {@value MyQuestions#FILE_NAME}
     * @param dataRoot where {@code debriefs.csv} and {@code attempts.csv} live
     * @param profile  who was interviewed (read when saving)
     * @param io       where files are read and written; best the thread that appends practice attempts
     * @param clock    today's date and the time the debrief is logged
     * @param onSaved  told on the FX thread after each debrief is saved, e.g. to refresh the Progress page
     */
    public DebriefModel(Path banksDir, Path dataRoot, Supplier<String> profile, Executor io, Clock clock,
                        Consumer<Debrief> onSaved) {
        this.banksDir = Objects.requireNonNull(banksDir, "banksDir");
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        date.set(LocalDate.now(clock));
        search.addListener((obs, was, now) -> runSearch());
        asked.addListener((javafx.collections.ListChangeListener<AskedQuestion>) change -> runSearch());
    }

    // --- the form

    public StringProperty companyProperty() {
        return company;
    }

    public StringProperty roleProperty() {
        return role;
    }

    /** Day of the interview; today unless changed. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** Words to find in the banks; results follow as it changes. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Bank questions matching the search, not already on the asked list. */
    public ObservableList<Question> results() {
        return FXCollections.unmodifiableObservableList(results);
    }

    /** A question not in any bank, being typed. */
    public StringProperty newQuestionProperty() {
        return newQuestion;
    }

    /** The questions asked, in the order they were added. */
    public ObservableList<AskedQuestion> asked() {
        return FXCollections.unmodifiableObservableList(asked);
    }

    public StringProperty lessonsProperty() {
        return lessons;
    }

    /** What happened last, in a sentence: a problem with the form, or what was saved. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True while the banks are being read for the search. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    // --- commands

    /** Reads the banks in the background for the search; call when the form opens. */
    public CompletableFuture<QuestionLibrary> load() {
        loading.set(true);
        return FxTasks.supply(io, () -> QuestionLibrary.loadFolder(banksDir), loaded -> {
            library = loaded;
            loading.set(false);
            runSearch();
        }, e -> {
            loading.set(false);
            LOG.warn("Could not read the question banks for the debrief search", e);
            message.set("Could not read the question banks in " + banksDir + " (" + e.getMessage()
                    + "); you can still type the questions in.");
        });
    }

    /** Puts a bank question on the asked list (once). */
    public void add(Question question) {
        if (question == null || contains(question.id())) {
            return;
        }
        asked.add(new AskedQuestion(Optional.of(question), question.text()));
        message.set("");
    }

    /**
     * Puts the typed question on the asked list. A question a bank already holds word for word is taken from the
     * bank instead, so it keeps its history.
     */
    public void addNewQuestion() {
        String text = newQuestion.get() == null ? "" : newQuestion.get().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            message.set("Type the question you were asked first.");
            return;
        }
        Optional<Question> known = sameText(text);
        if (known.isPresent()) {
            add(known.get());
        } else if (asked.stream().noneMatch(a -> a.text().equalsIgnoreCase(text))) {
            asked.add(new AskedQuestion(Optional.empty(), text));
            message.set("");
        }
        newQuestion.set("");
    }

    public void remove(AskedQuestion question) {
        asked.remove(question);
    }

    /**
     * Checks the form and saves it in the background: typed questions first go to the user's own bank, then the
     * debrief and one attempt per question are appended. Completes with the debrief, or empty when the form was
     * not valid or saving failed (the message says why).
     */
    public CompletableFuture<Optional<Debrief>> save() {
        if (saving.get()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<String> problem = validate();
        if (problem.isPresent()) {
            message.set(problem.get());
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Form form = new Form(company.get(), role.get(), date.get(), lessons.get(), profile.get(),
                asked.stream().map(a -> new Row(a.question(), a.text(), a.unpreparedProperty().get())).toList());
        saving.set(true);
        message.set("Saving…");
        CompletableFuture<Optional<Debrief>> done = new CompletableFuture<>();
        FxTasks.supply(io, () -> write(form), outcome -> {
            saving.set(false);
            done.complete(finish(form, outcome));
        }, e -> {
            saving.set(false);
            LOG.error("Saving the debrief failed", e);
            message.set("Could not save the debrief: " + e.getMessage());
            done.complete(Optional.empty());
        });
        return done;
    }

    /** Empties the form for the next interview. */
    public void clear() {
        company.set("");
        role.set("");
        date.set(LocalDate.now(clock));
        search.set("");
        newQuestion.set("");
        lessons.set("");
        asked.clear();
    }

    // --- inside

    private Optional<String> validate() {
        if (blank(company.get()) && blank(role.get())) {
            return Optional.of("Fill in the company or the role, so you can tell this interview from others.");
        }
        if (asked.isEmpty()) {
            return Optional.of("Add at least one question you were asked: search the banks or type it in.");
        }
        if (date.get() == null) {
            return Optional.of("Choose the day of the interview.");
        }
        if (date.get().isAfter(LocalDate.now(clock))) {
            return Optional.of("The interview date is in the future; a debrief is for an interview you have had.");
        }
        return Optional.empty();
    }

    /** What the user filled in, copied on the FX thread for the writer. */
    private record Form(String company, String role, LocalDate date, String lessons, String profile,
                        List<Row> rows) {
    }

    private record Row(Optional<Question> question, String text, boolean unprepared) {
    }

    /**
     * What the writer did; {@code resolved} holds the bank question for each row it got that far with, so a retry
     * after a failure does not add the same typed question twice.
     */
    private record Outcome(List<Question> resolved, Optional<Debrief> saved, Optional<String> problem) {
    }

    /** Runs on the executor; never throws, so the rows already added to the user's bank are always reported. */
    private Outcome write(Form form) {
        List<Question> resolved = new ArrayList<>();
        QuestionLibrary current = QuestionLibrary.loadFolder(banksDir);
        MyQuestions mine = new MyQuestions(banksDir);
        Set<String> taken = new HashSet<>();
        current.questions().forEach(q -> taken.add(q.id()));
        for (Row row : form.rows()) {
            if (row.question().isPresent()) {
                resolved.add(row.question().get());
                continue;
            }
            Optional<Question> known = current.questions().stream()
                    .filter(q -> q.text().strip().equalsIgnoreCase(row.text())).findFirst();
            if (known.isPresent()) {
                resolved.add(known.get());
                continue;
            }
            try {
                Question added = mine.add(null, row.text(), taken);
                taken.add(added.id());
                resolved.add(added);
            } catch (IOException e) {
                LOG.warn("Could not add a typed question to {}", mine.file(), e);
                return new Outcome(resolved, Optional.empty(), Optional.of("Could not add \"" + row.text()
                        + "\" to " + mine.file() + ": " + IoProblems.describe(e)));
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> unprepared = new HashSet<>();
        Map<String, String> banks = new HashMap<>();
        for (int i = 0; i < resolved.size(); i++) {
            Question q = resolved.get(i);
            ids.add(q.id());
            banks.put(q.id().toLowerCase(Locale.ROOT), q.bank());
            if (form.rows().get(i).unprepared()) {
                unprepared.add(q.id());
            }
        }
        Debrief debrief = new Debrief(OffsetDateTime.now(clock), form.date(), form.profile(), form.company(),
                form.role(), List.copyOf(ids), unprepared, form.lessons());
        try {
            new Debriefs(dataRoot, AttemptLog.in(dataRoot)).save(debrief,
                    id -> banks.getOrDefault(id.toLowerCase(Locale.ROOT), ""));
        } catch (IOException e) {
            LOG.error("Could not save the debrief under {}", dataRoot, e);
            return new Outcome(resolved, Optional.empty(), Optional.of("Could not save the debrief in " + dataRoot
                    + ": " + IoProblems.describe(e) + ". Nothing was lost from the form; try again."));
        }
        return new Outcome(resolved, Optional.of(debrief), Optional.empty());
    }

    /** Back on the FX thread: report, and either clear the form or keep it for another try. */
    private Optional<Debrief> finish(Form form, Outcome outcome) {
        if (outcome.saved().isEmpty()) {
            // Typed questions that did reach the bank become bank questions, keeping their ticks.
            for (int i = 0; i < outcome.resolved().size(); i++) {
                Row row = form.rows().get(i);
                if (row.question().isEmpty()) {
                    replaceTyped(row.text(), outcome.resolved().get(i));
                }
            }
            message.set(outcome.problem().orElse("Could not save the debrief."));
            return Optional.empty();
        }
        Debrief saved = outcome.saved().get();
        int count = saved.asked().size();
        int unprepared = saved.unprepared().size();
        long added = form.rows().stream().filter(r -> r.question().isEmpty()).count();
        String who = saved.company().isEmpty() ? saved.role()
                : saved.role().isEmpty() ? saved.company() : saved.company() + " (" + saved.role() + ")";
        message.set("Saved the debrief of " + who + " on " + saved.date() + ": " + count + " question"
                + (count == 1 ? "" : "s") + " asked, " + unprepared + " unprepared"
                + (unprepared == 0 ? "." : ", now at the top of your weak spots.")
                + (added == 0 ? "" : " New questions were added to " + MyQuestions.FILE_NAME + "."));
        clear();
        if (added > 0) {
            load();
        }
        try {
            onSaved.accept(saved);
        } catch (RuntimeException e) {
            LOG.warn("Telling the window about the saved debrief failed", e);
        }
        return Optional.of(saved);
    }

    private void replaceTyped(String text, Question now) {
        for (int i = 0; i < asked.size(); i++) {
            AskedQuestion a = asked.get(i);
            if (a.isNew() && a.text().equals(text)) {
                AskedQuestion replacement = new AskedQuestion(Optional.of(now), now.text());
                replacement.unpreparedProperty().set(a.unpreparedProperty().get());
                asked.set(i, replacement);
                return;
            }
        }
    }

    private void runSearch() {
        String query = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        if (library == null || query.isEmpty()) {
            results.clear();
            return;
        }
        String[] words = query.split("\\s+");
        List<Question> found = new ArrayList<>();
        for (Question q : library.questions()) {
            if (found.size() >= MAX_RESULTS) {
                break;
            }
            if (!contains(q.id()) && matches(q, words)) {
                found.add(q);
            }
        }
        results.setAll(found);
    }

    private static boolean matches(Question q, String[] words) {
        String haystack = (q.text() + " " + q.id() + " " + q.category() + " " + String.join(" ", q.tags()))
                .toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(String id) {
        return asked.stream().anyMatch(a -> a.question().map(q -> q.id().equalsIgnoreCase(id)).orElse(false));
    }

    private Optional<Question> sameText(String text) {
        if (library == null) {
            return Optional.empty();
        }
        return library.questions().stream().filter(q -> q.text().strip().equalsIgnoreCase(text)).findFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
