package app.retake.ui.banks;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import app.retake.bank.QuestionLibrary;
import app.retake.ui.common.FxTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** State of the Question banks page: the loaded library, whether a load is running, and what went wrong. */
public final class BanksModel {

    private final Path folder;
    private final Executor io;
    private final ReadOnlyObjectWrapper<QuestionLibrary> library = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding summary;

    /**
     * @param folder the question bank folder
     * @param io     where files are read; never the FX thread
     */
    public BanksModel(Path folder, Executor io) {
        this.folder = folder;
        this.io = io;
        summary = Bindings.createStringBinding(this::describe, library, loading, error);
    }

    /** Reads every bank again in the background. */
    public void reload() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        FxTasks.supply(io, () -> QuestionLibrary.loadFolder(folder), loaded -> {
            library.set(loaded);
            error.set("");
            loading.set(false);
        }, failure -> {
            error.set("Could not read the question banks in " + folder + ": " + failure.getMessage());
            loading.set(false);
        });
    }

    public ReadOnlyObjectProperty<QuestionLibrary> libraryProperty() {
        return library.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** One sentence about what is loaded. */
    public StringBinding summaryProperty() {
        return summary;
    }

    public Path folder() {
        return folder;
    }

    private String describe() {
        if (!error.get().isEmpty()) {
            return error.get();
        }
        QuestionLibrary loaded = library.get();
        if (loaded == null) {
            return "Loading question banks…";
        }
        int questions = loaded.questions().size();
        int categories = loaded.countsByCategory().size();
        int banks = loaded.banks().size();
        int problems = loaded.problems().size();
        return questions + " question" + (questions == 1 ? "" : "s") + " in " + categories + " categor"
                + (categories == 1 ? "y" : "ies") + " from " + banks + " bank" + (banks == 1 ? "" : "s")
                + (problems == 0 ? ". No problems found." : "; " + problems + " row" + (problems == 1 ? "" : "s")
                + " could not be loaded (listed below).");
    }
}
