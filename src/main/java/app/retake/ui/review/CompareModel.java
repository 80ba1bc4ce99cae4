package app.retake.ui.review;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.practice.TakeResult;
import app.retake.progress.TakeComparison;
import app.retake.speech.MetricSettings;
import app.retake.ui.common.FxTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Comparing the take on the review screen's question: whether there are two takes to compare, and the first and the
 * latest side by side once asked for. The take just recorded counts even before it is logged.
 */
public final class CompareModel {

    private static final Logger LOG = LoggerFactory.getLogger(CompareModel.class);

    private final ReviewModel review;
    private final Path dataRoot;
    private final Supplier<String> profile;
    private final Supplier<MetricSettings> settings;
    private final Executor files;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Optional<TakeComparison>> comparison =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** Bumped whenever the shown take changes, so answers about an earlier take are dropped. FX thread only. */
    private int generation;

    /**
     * @param dataRoot where the attempt log and the takes are
     * @param profile  whose takes count
     * @param files    runs the reading of the log and the takes' files
     */
    public CompareModel(ReviewModel review, Path dataRoot, Supplier<String> profile,
                        Supplier<MetricSettings> settings, Executor files, Clock clock) {
        this.review = review;
        this.dataRoot = dataRoot;
        this.profile = profile;
        this.settings = settings;
        this.files = files;
        this.clock = clock;
        review.take().addListener((o, was, now) -> recount());
        recount();
    }

    /** Whether the shown take's question has at least two takes. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Whether the two takes are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The first and the latest take, once read. */
    public ReadOnlyObjectProperty<Optional<TakeComparison>> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** What is happening or went wrong, in a sentence; empty when the comparison is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Counts the takes of the shown take's question again, off the FX thread. */
    public void recount() {
        int asked = ++generation;
        available.set(false);
        loading.set(false);
        comparison.set(Optional.empty());
        message.set("");
        Optional<TakeResult> shown = review.take().get();
        Optional<Question> question = shown.flatMap(TakeResult::question);
        if (question.isEmpty()) {
            return;
        }
        String who = profile.get();
        TakeFiles takeFiles = shown.get().files();
        String id = question.get().id();
        Optional<Rating> rated = review.rating().get();
        FxTasks.supply(files, () -> takes(who, id, takeFiles, rated).size() >= 2, enough -> {
            if (asked == generation) {
                available.set(enough);
            }
        }, e -> LOG.warn("Could not count the takes of {}", id, e));
    }

    /** Reads the first and the latest take of the shown take's question, off the FX thread. */
    public void compare() {
        Optional<TakeResult> shown = review.take().get();
        Optional<Question> question = shown.flatMap(TakeResult::question);
        if (question.isEmpty() || loading.get()) {
            return;
        }
        int asked = generation;
        String who = profile.get();
        MetricSettings metricSettings = settings.get();
        TakeFiles takeFiles = shown.get().files();
        Optional<Rating> rated = review.rating().get();
        loading.set(true);
        comparison.set(Optional.empty());
        message.set("Reading the first and the latest take…");
        FxTasks.supply(files, () -> TakeComparison.open(takes(who, question.get().id(), takeFiles, rated), question,
                metricSettings), result -> {
                    if (asked != generation) {
                        return;
                    }
                    loading.set(false);
                    comparison.set(result);
                    message.set(result.isPresent() ? "" : "There is only one take of this question to look at.");
                }, e -> {
                    if (asked != generation) {
                        return;
                    }
                    LOG.warn("Could not compare the takes of {}", question.get().id(), e);
                    loading.set(false);
                    message.set("Could not read the takes to compare them (" + e.getMessage() + ").");
                });
    }

    private List<TakeComparison.Take> takes(String who, String questionId, TakeFiles shown, Optional<Rating> rated) {
        List<TakeComparison.Take> logged = TakeComparison.takes(dataRoot, who, questionId);
        return TakeComparison.including(logged, TakeComparison.Take.unlogged(shown, rated, clock));
    }
}
