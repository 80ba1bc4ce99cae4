package app.retake.ui.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.QuestionLibrary;
import app.retake.drill.Preparedness;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.progress.CsvExport;
import app.retake.progress.Deletion;
import app.retake.progress.ProgressReport;
import app.retake.progress.SessionTakes;
import app.retake.progress.TakeHistory;
import app.retake.progress.TakeRef;
import app.retake.storage.FileProblem;
import app.retake.ui.common.FxTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Progress page: the dashboard report, the take history with its search, and the commands the page
 * offers (drill the unprepared list, open a take in Review, delete, export). Files are read and written on the
 * executor given; everything here is touched on the FX thread only.
 */
public final class ProgressModel {

    /** What the page says before the first take. */
    public static final String EMPTY_MESSAGE = "No takes yet — press Space on Practice to answer your first question.";
    /** The charts show this many of the latest sessions. */
    static final int CHART_SESSIONS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(ProgressModel.class);

    private final Path dataRoot;
    private final Supplier<QuestionLibrary> library;
    private final Executor io;
    private final Consumer<List<String>> drill;
    private final Consumer<TakeRef> openInReview;
    private final Supplier<String> profile;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<ProgressReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TakeHistory> history = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ProgressReport.Unprepared> unprepared = FXCollections.observableArrayList();
    private final ObservableList<ProgressReport.CategoryWeakness> weakCategories =
            FXCollections.observableArrayList();
    private final ObservableList<ProgressReport.DayCount> takesPerDay = FXCollections.observableArrayList();
    private final ObservableList<ChartSession> chartSessions = FXCollections.observableArrayList();
    private final ObservableList<SessionTakes> historySessions = FXCollections.observableArrayList();
    private final ObservableList<ProgressReport.Unprepared> unpreparedView =
            FXCollections.unmodifiableObservableList(unprepared);
    private final ObservableList<ProgressReport.CategoryWeakness> weakCategoriesView =
            FXCollections.unmodifiableObservableList(weakCategories);
    private final ObservableList<ProgressReport.DayCount> takesPerDayView =
            FXCollections.unmodifiableObservableList(takesPerDay);
    private final ObservableList<ChartSession> chartSessionsView =
            FXCollections.unmodifiableObservableList(chartSessions);
    private final ObservableList<SessionTakes> historySessionsView =
            FXCollections.unmodifiableObservableList(historySessions);
    private final BooleanBinding empty;
    private final StringBinding streakText;
    private final StringBinding streakHint;
    private final StringBinding takesTodayText;
    private final StringBinding takes30Text;
    private final StringBinding unpreparedCountText;
    private final StringBinding historySummary;

    private QuestionLibrary loadedLibrary;
    private long loadGeneration;
    private long searchGeneration;

    /** A page for the default profile, on the system clock. */
    public ProgressModel(Path dataRoot, Supplier<QuestionLibrary> library, Executor io,
                         Consumer<List<String>> drill, Consumer<TakeRef> openInReview) {
        this(dataRoot, library, io, drill, openInReview, Attempt.DEFAULT_PROFILE, Clock.systemDefaultZone());
    }

    /**
     * @param dataRoot     the data root holding {@code attempts.csv} and the takes
     * @param library      the question banks; called on {@code io}, so it may read files
     * @param io           where files are read and written; never the FX thread
     * @param drill        drills the given question ids, worst first (called on the FX thread)
     * @param openInReview opens a take in the Review page (called on the FX thread)
     * @param profile      whose progress
     * @param clock        "now" and the time zone days are counted in
     */
    public ProgressModel(Path dataRoot, Supplier<QuestionLibrary> library, Executor io,
                         Consumer<List<String>> drill, Consumer<TakeRef> openInReview, String profile, Clock clock) {
        this(dataRoot, library, io, drill, openInReview, () -> profile, clock);
        Objects.requireNonNull(profile, "profile");
    }

    /**
     * As above, for a profile that changes (people take turns answering): each load reads whose progress to show.
     */
    public ProgressModel(Path dataRoot, Supplier<QuestionLibrary> library, Executor io,
                         Consumer<List<String>> drill, Consumer<TakeRef> openInReview, Supplier<String> profile,
                         Clock clock) {
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        this.library = Objects.requireNonNull(library, "library");
        this.io = Objects.requireNonNull(io, "io");
        this.drill = Objects.requireNonNull(drill, "drill");
        this.openInReview = Objects.requireNonNull(openInReview, "openInReview");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clock = Objects.requireNonNull(clock, "clock");
        empty = Bindings.createBooleanBinding(() -> report.get() != null && report.get().isEmpty(), report);
        streakText = text(r -> r.streak().days() + (r.streak().days() == 1 ? " day" : " days"));
        streakHint = text(ProgressText::streakHint);
        takesTodayText = text(r -> Integer.toString(r.takesToday()));
        takes30Text = text(r -> Integer.toString(r.takesLast30Days()));
        unpreparedCountText = text(r -> Integer.toString(r.unprepared().size()));
        historySummary = Bindings.createStringBinding(this::describeHistory, history, historySessions, search,
                searching);
        search.addListener((obs, old, now) -> runSearch());
    }

    private StringBinding text(Function<ProgressReport, String> format) {
        return Bindings.createStringBinding(() -> report.get() == null ? "–" : format.apply(report.get()), report);
    }

    /** Reads the log and the banks again in the background and recomputes everything. */
    public void refresh() {
        long generation = ++loadGeneration;
        loading.set(true);
        String query = search.get();
        FxTasks.supply(io, () -> load(query), loaded -> {
            if (generation != loadGeneration) {
                return; // a newer refresh is on its way
            }
            apply(loaded);
            loading.set(false);
        }, failure -> {
            if (generation != loadGeneration) {
                return;
            }
            LOG.warn("Could not load the progress page from {}", dataRoot, failure);
            status.set("Could not read your history in " + dataRoot + ": " + message(failure));
            loading.set(false);
        });
    }

    /** What one background load produces. */
    private record Loaded(QuestionLibrary library, ProgressReport report, TakeHistory history,
                          List<FileProblem> problems, String query, List<SessionTakes> found) {
    }

    private Loaded load(String query) {
        QuestionLibrary questions = library.get();
        AttemptLog.History log = AttemptLog.in(dataRoot).readAll();
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        String who = profile.get();
        Preparedness memory = Preparedness.replay(log.attempts(), who);
        ProgressReport computed = ProgressReport.compute(log.attempts(), questions, memory, who, now, zone);
        TakeHistory takes = TakeHistory.of(dataRoot, log.attempts(), questions, who, zone);
        return new Loaded(questions, computed, takes, log.problems(), query, takes.search(query));
    }

    private void apply(Loaded loaded) {
        loadedLibrary = loaded.library();
        report.set(loaded.report());
        history.set(loaded.history());
        unprepared.setAll(loaded.report().unprepared());
        weakCategories.setAll(loaded.report().weakCategories());
        takesPerDay.setAll(loaded.report().takesPerDay());
        chartSessions.setAll(ChartSession.label(lastSessions(loaded.report().sessions())));
        int unreadable = loaded.problems().size();
        problems.set(unreadable == 0 ? "" : unreadable + (unreadable == 1 ? " row" : " rows")
                + " of the attempt log could not be read and " + (unreadable == 1 ? "is" : "are")
                + " left out. Details are in the log file.");
        if (Objects.equals(loaded.query(), search.get())) {
            searchGeneration++;
            historySessions.setAll(loaded.found());
            searching.set(false);
        } else {
            runSearch();
        }
    }

    private static List<ProgressReport.SessionPoint> lastSessions(List<ProgressReport.SessionPoint> all) {
        return all.subList(Math.max(0, all.size() - CHART_SESSIONS), all.size());
    }

    private void runSearch() {
        TakeHistory current = history.get();
        if (current == null) {
            return; // the first load searches with whatever has been typed by then
        }
        long generation = ++searchGeneration;
        String query = search.get();
        searching.set(true);
        FxTasks.supply(io, () -> current.search(query), found -> {
            if (generation == searchGeneration) {
                historySessions.setAll(found);
                searching.set(false);
            }
        }, failure -> {
            if (generation == searchGeneration) {
                status.set("Could not search the history: " + message(failure));
                searching.set(false);
            }
        });
    }

    /** Hands the unprepared list, worst first, to the drill. Does nothing when the list is empty. */
    public void drillUnprepared() {
        ProgressReport current = report.get();
        if (current != null && !current.unprepared().isEmpty()) {
            drill.accept(current.unpreparedIds());
        }
    }

    /** Opens {@code take} in the Review page. */
    public void open(TakeRef take) {
        openInReview.accept(Objects.requireNonNull(take, "take"));
    }

    /** Deletes one take (files and log rows) in the background, then reloads. */
    public CompletableFuture<Deletion> delete(TakeRef take) {
        return deleting(h -> h.delete(take));
    }

    /** Deletes every take of a session (files and log rows) in the background, then reloads. */
    public CompletableFuture<Deletion> deleteSession(SessionTakes session) {
        return deleting(h -> h.deleteSession(session));
    }

    /** Work on the history that may fail with an I/O error. */
    @FunctionalInterface
    private interface HistoryWork<T> {
        T run(TakeHistory history) throws IOException;
    }

    private CompletableFuture<Deletion> deleting(HistoryWork<Deletion> work) {
        TakeHistory current = history.get();
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the history is not loaded yet"));
        }
        busy.set(true);
        return FxTasks.supply(io, () -> unchecked(work, current), deletion -> {
            status.set(deletion.summary());
            busy.set(false);
            refresh();
        }, failure -> {
            LOG.warn("Could not delete takes under {}", dataRoot, failure);
            status.set("Could not delete: " + message(failure));
            busy.set(false);
            refresh();
        });
    }

    /** Writes this profile's takes, oldest first, to {@code file} as CSV in the background. */
    public CompletableFuture<Integer> exportAttempts(Path file) {
        TakeHistory current = history.get();
        QuestionLibrary questions = loadedLibrary;
        if (current == null || questions == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the history is not loaded yet"));
        }
        List<Attempt> rows = current.takes().stream().map(TakeRef::attempt)
                .sorted(Comparator.comparing(a -> a.time().toInstant())).toList();
        return exporting(file, "take", () -> CsvExport.writeAttempts(file, rows, questions));
    }

    /** Writes the unprepared list, worst first, to {@code file} as CSV in the background. */
    public CompletableFuture<Integer> exportUnprepared(Path file) {
        ProgressReport current = report.get();
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the report is not loaded yet"));
        }
        ZoneId zone = clock.getZone();
        return exporting(file, "unprepared question",
                () -> CsvExport.writeUnprepared(file, current.unprepared(), zone));
    }

    /** A file write that may fail with an I/O error. */
    @FunctionalInterface
    private interface Export {
        int write() throws IOException;
    }

    private CompletableFuture<Integer> exporting(Path file, String what, Export export) {
        busy.set(true);
        return FxTasks.supply(io, () -> {
            try {
                return export.write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, rows -> {
            status.set("Exported " + rows + " " + what + (rows == 1 ? "" : "s") + " to " + file + ".");
            busy.set(false);
        }, failure -> {
            LOG.warn("Could not export to {}", file, failure);
            status.set("Could not export to " + file + ": " + message(failure));
            busy.set(false);
        });
    }

    private static <T> T unchecked(HistoryWork<T> work, TakeHistory history) {
        try {
            return work.run(history);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String message(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private String describeHistory() {
        TakeHistory current = history.get();
        if (current == null) {
            return "Loading your history…";
        }
        if (current.isEmpty()) {
            return EMPTY_MESSAGE;
        }
        if (searching.get()) {
            return "Searching…";
        }
        int takes = historySessions.stream().mapToInt(s -> s.takes().size()).sum();
        if (takes == 0) {
            return "No take matches \"" + search.get().strip() + "\" in its question or transcript.";
        }
        String counted = takes + (takes == 1 ? " take" : " takes") + " in " + historySessions.size()
                + (historySessions.size() == 1 ? " session" : " sessions");
        return search.get().isBlank() ? counted : counted + " match \"" + search.get().strip() + "\".";
    }

    public Path dataRoot() {
        return dataRoot;
    }

    public String profile() {
        return profile.get();
    }

    /** Today, as the page counts days. */
    public LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public ReadOnlyObjectProperty<ProgressReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TakeHistory> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** True while the log is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while a delete or an export runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** What the last command did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A warning about unreadable log rows, or empty. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** What the history search box holds; changing it searches again. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Loaded, and this profile has no takes at all. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    public StringBinding streakTextProperty() {
        return streakText;
    }

    public StringBinding streakHintProperty() {
        return streakHint;
    }

    public StringBinding takesTodayProperty() {
        return takesTodayText;
    }

    public StringBinding takesLast30DaysProperty() {
        return takes30Text;
    }

    public StringBinding unpreparedCountProperty() {
        return unpreparedCountText;
    }

    /** How many takes the history shows, and for what search. */
    public StringBinding historySummaryProperty() {
        return historySummary;
    }

    /** The unprepared list, worst first. Read-only. */
    public ObservableList<ProgressReport.Unprepared> unprepared() {
        return unpreparedView;
    }

    /** Categories, weakest first. Read-only. */
    public ObservableList<ProgressReport.CategoryWeakness> weakCategories() {
        return weakCategoriesView;
    }

    /** Takes on each of the last 30 days, oldest first. Read-only. */
    public ObservableList<ProgressReport.DayCount> takesPerDay() {
        return takesPerDayView;
    }

    /** The latest sessions with their chart labels, oldest first. Read-only. */
    public ObservableList<ChartSession> chartSessions() {
        return chartSessionsView;
    }

    /** The sessions the history shows: all, or those matching the search. Read-only. */
    public ObservableList<SessionTakes> historySessions() {
        return historySessionsView;
    }
}
