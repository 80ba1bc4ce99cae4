package app.retake.ui.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

import app.retake.capture.Resolution;
import app.retake.settings.AmbushHours;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;
import app.retake.speech.MetricSettings;
import app.retake.ui.common.FxTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.collections.ObservableMap;

/**
 * State of the Settings page: the settings in force, the draft the user edits, and what happened last.
 *
 * <p>The draft lives in one property per field so the view can bind to it. Nothing changes for the rest of the
 * application until {@link #save()} has written the file; only then does {@link #settings()} change. All methods
 * run on the FX thread; files are written, and devices searched, on the executors given.
 */
public final class SettingsModel {

    /** How the last message should read: a plain note, a success, or something the user should act on. */
    public enum MessageKind { NOTE, DONE, PROBLEM }

    private final SettingsStore store;
    private final Executor files;
    private final Executor searches;
    private final DeviceLister devices;
    private final ReadOnlyObjectWrapper<Settings> settings;

    private final StringProperty camera = new SimpleStringProperty();
    private final ObjectProperty<Resolution> videoSize = new SimpleObjectProperty<>();
    private final StringProperty microphone = new SimpleStringProperty();
    private final ObjectProperty<Integer> thinkSeconds = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> targetSeconds = new SimpleObjectProperty<>();
    private final ObservableMap<String, Integer> categoryTargets = FXCollections.observableHashMap();
    private final StringProperty fillers = new SimpleStringProperty();
    private final StringProperty toneCues = new SimpleStringProperty();
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> fontSize = new SimpleObjectProperty<>();
    private final StringProperty profile = new SimpleStringProperty();
    private final StringProperty ambushFrom = new SimpleStringProperty();
    private final StringProperty ambushTo = new SimpleStringProperty();
    private final javafx.collections.ObservableSet<java.time.DayOfWeek> ambushDays =
            FXCollections.observableSet(java.util.EnumSet.noneOf(java.time.DayOfWeek.class));
    private final ObjectProperty<Integer> ambushEvery = new SimpleObjectProperty<>();
    /** Days to keep videos as typed; blank or 0 keeps them forever. */
    private final StringProperty keepVideoDays = new SimpleStringProperty();
    private final javafx.beans.property.BooleanProperty transcriptOnly =
            new javafx.beans.property.SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper erasing = new ReadOnlyBooleanWrapper(false);
    /** Deletes a profile's data; none until the window provides one (see {@link #eraseWith}). */
    private ProfileEraser eraser;
    private Executor eraserThread;

    private final BooleanBinding dirty;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NOTE);

    private final ReadOnlyObjectWrapper<List<String>> cameraNames = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<String>> microphoneNames = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper devicesListed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper devicesSummary = new ReadOnlyStringWrapper(
            "Cameras and microphones are listed when this page opens.");

    /**
     * Searches for devices on {@code files}; a slow camera search then delays a save queued behind it.
     *
     * @see #SettingsModel(SettingsStore, Settings, List, Executor, DeviceLister, Executor)
     */
    public SettingsModel(SettingsStore store, Settings initial, List<String> loadProblems, Executor files,
                         DeviceLister devices) {
        this(store, initial, loadProblems, files, devices, files);
    }

    /**
     * @param store        where the settings are saved
     * @param initial      the settings in force, as read at start
     * @param loadProblems what was wrong with the settings file at start; shown until something else is said
     * @param files        where the settings file is written; never the FX thread
     * @param devices      lists cameras and microphones; called on {@code searches}
     * @param searches     where devices are searched for; never the FX thread
     */
    public SettingsModel(SettingsStore store, Settings initial, List<String> loadProblems, Executor files,
                         DeviceLister devices, Executor searches) {
        this.store = store;
        this.files = files;
        this.devices = devices;
        this.searches = searches;
        this.settings = new ReadOnlyObjectWrapper<>(initial);
        show(initial);
        dirty = Bindings.createBooleanBinding(() -> !draft().equals(this.settings.get()), this.settings, camera,
                videoSize, microphone, thinkSeconds, targetSeconds, categoryTargets, fillers, toneCues, theme,
                fontSize, profile, ambushFrom, ambushTo, ambushDays, ambushEvery, keepVideoDays, transcriptOnly);
        if (!loadProblems.isEmpty()) {
            say(MessageKind.PROBLEM, String.join("\n", loadProblems)
                    + "\nSaving replaces " + store.file().getFileName() + " with the settings shown here.");
        }
    }

    /** The settings in force; changes only when a save has succeeded. */
    public ReadOnlyObjectProperty<Settings> settings() {
        return settings.getReadOnlyProperty();
    }

    /** The settings as edited on the page: the fields shown here over the settings in force. */
    public Settings draft() {
        Settings base = settings.get();
        return new Settings(camera.get(), microphone.get(), or(videoSize.get(), base.videoSize()),
                or(thinkSeconds.get(), base.thinkSeconds()), or(targetSeconds.get(), base.targetSeconds()),
                Map.copyOf(categoryTargets), SettingsText.phrases(fillers.get()), SettingsText.phrases(toneCues.get()),
                or(theme.get(), base.theme()), or(fontSize.get(), base.fontSize()), profile.get(),
                base.disabledBanks(), base.disabledCategories(), ambushHours()).withPrivacy(privacy());
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** Writes the draft to the settings file in the background; once written, it becomes the settings in force. */
    public void save() {
        if (saving.get()) {
            return;
        }
        Optional<String> ambushProblem = ambushProblem().or(this::privacyProblem);
        if (ambushProblem.isPresent()) {
            say(MessageKind.PROBLEM, ambushProblem.get() + " Nothing was saved.");
            return;
        }
        Settings next = draft();
        saving.set(true);
        say(MessageKind.NOTE, "Saving…");
        FxTasks.supply(files, () -> {
            try {
                store.save(next);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return next;
        }, saved -> {
            // Show the saved values tidied (repeats and blank lines gone) unless the user typed on meanwhile.
            boolean untouched = draft().equals(saved);
            settings.set(saved);
            if (untouched) {
                show(saved);
            }
            saving.set(false);
            say(MessageKind.DONE, "Saved to " + store.file() + ".");
        }, failure -> {
            saving.set(false);
            say(MessageKind.PROBLEM, "Could not save the settings to " + store.file() + ": " + reason(failure)
                    + ". Your changes are still here; make sure that folder can be written to, then save again.");
        });
    }

    /** The newest settings asked for by {@link #update}, while its save is still running. */
    private Settings updating;

    /**
     * Applies a change made elsewhere in the app (a bank turned off for drills) to the settings in force and saves
     * it at once. Edits on this page that are not saved yet stay as they are.
     */
    public void update(java.util.function.UnaryOperator<Settings> change) {
        Settings next = change.apply(updating != null ? updating : settings.get());
        updating = next;
        FxTasks.supply(files, () -> {
            try {
                store.save(next);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return next;
        }, saved -> {
            if (updating == saved) {
                updating = null;
            }
            settings.set(saved);
        }, failure -> {
            updating = null;
            say(MessageKind.PROBLEM, "Could not save the settings to " + store.file() + ": " + reason(failure) + ".");
        });
    }

    /** Throws the draft away: every field shows the settings in force again. */
    public void revert() {
        show(settings.get());
        say(MessageKind.NOTE, "Changes undone; these are the saved settings.");
    }

    /** Puts Retake's own filler phrases in the draft. */
    public void resetFillers() {
        fillers.set(SettingsText.lines(MetricSettings.DEFAULT_FILLERS));
    }

    /** Puts Retake's own tone cues in the draft. */
    public void resetToneCues() {
        toneCues.set(SettingsText.lines(MetricSettings.DEFAULT_TONE_CUES));
    }

    /**
     * Sets a category's target from what the user typed: blank removes it so the general target applies.
     *
     * @return false, with the reason in {@link #message()}, when the text is not a usable length
     */
    public boolean setCategoryTarget(String category, String typed) {
        OptionalInt seconds;
        try {
            seconds = SettingsText.targetSeconds(typed);
        } catch (IllegalArgumentException e) {
            say(MessageKind.PROBLEM, "Target for " + category + " not changed. " + e.getMessage());
            return false;
        }
        if (seconds.isPresent()) {
            categoryTargets.put(category, seconds.getAsInt());
        } else {
            categoryTargets.remove(category);
        }
        return true;
    }

    /** The target length a question of {@code category} gets with the draft: its own, else the general one. */
    public int targetFor(String category) {
        Integer own = categoryTargets.get(category);
        return own != null ? own : or(targetSeconds.get(), settings.get().targetSeconds());
    }

    /** Whether {@code category} has a target of its own in the draft. */
    public boolean hasOwnTarget(String category) {
        return categoryTargets.containsKey(category);
    }

    /** Searches for cameras and microphones in the background, unless a search is already running. */
    public void searchDevices() {
        if (searching.get()) {
            return;
        }
        searching.set(true);
        devicesSummary.set("Looking for cameras and microphones…");
        FxTasks.supply(searches, () -> List.of(List.copyOf(devices.cameras()), List.copyOf(devices.microphones())),
                found -> {
                    cameraNames.set(found.get(0));
                    microphoneNames.set(found.get(1));
                    devicesListed.set(true);
                    searching.set(false);
                    devicesSummary.set("Found " + count(found.get(0).size(), "camera") + " and "
                            + count(found.get(1).size(), "microphone") + ".");
                }, failure -> {
                    devicesListed.set(true);
                    searching.set(false);
                    devicesSummary.set("Could not list the cameras and microphones (" + reason(failure)
                            + "). You can still choose a file, the test pattern or Off.");
                });
    }

    private static String count(int n, String thing) {
        return (n == 0 ? "no" : Integer.toString(n)) + " " + thing + (n == 1 ? "" : "s");
    }

    private void show(Settings s) {
        camera.set(s.camera());
        videoSize.set(s.videoSize());
        microphone.set(s.microphone());
        thinkSeconds.set(s.thinkSeconds());
        targetSeconds.set(s.targetSeconds());
        categoryTargets.clear();
        categoryTargets.putAll(s.categoryTargets());
        fillers.set(SettingsText.lines(s.fillers()));
        toneCues.set(SettingsText.lines(s.toneCues()));
        theme.set(s.theme());
        fontSize.set(s.fontSize());
        profile.set(s.profile());
        ambushFrom.set(s.ambush().from().toString());
        ambushTo.set(s.ambush().to().toString());
        ambushDays.clear();
        ambushDays.addAll(s.ambush().days());
        ambushEvery.set(s.ambush().everyMinutes());
        keepVideoDays.set(s.privacy().expires() ? Integer.toString(s.privacy().keepVideoDays()) : "");
        transcriptOnly.set(s.privacy().transcriptOnly());
    }

    /** What the privacy fields say; days that cannot be read keep the value in force ({@link #privacyProblem}). */
    app.retake.settings.Privacy privacy() {
        int days;
        try {
            days = SettingsText.keepDays(keepVideoDays.get());
        } catch (IllegalArgumentException e) {
            days = settings.get().privacy().keepVideoDays();
        }
        return new app.retake.settings.Privacy(days, transcriptOnly.get());
    }

    /** Why the days to keep videos, as typed, cannot be used, if they cannot. */
    public Optional<String> privacyProblem() {
        try {
            SettingsText.keepDays(keepVideoDays.get());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Days to keep videos, as typed: blank or 0 keeps them forever. */
    public StringProperty keepVideoDays() {
        return keepVideoDays;
    }

    /** Whether takes keep only their transcript: no camera, no video, the sound deleted once transcribed. */
    public javafx.beans.property.BooleanProperty transcriptOnly() {
        return transcriptOnly;
    }

    /** Deletes every take, attempt row and debrief of a profile; returns one sentence saying what was deleted. */
    @FunctionalInterface
    public interface ProfileEraser {
        String erase(String profile) throws Exception;
    }

    /**
     * Lets the page delete a profile's data with {@code eraser}, run on {@code thread} (the one that appends to the
     * attempt log, so a deletion never races an append).
     */
    public void eraseWith(Executor thread, ProfileEraser eraser) {
        this.eraserThread = thread;
        this.eraser = eraser;
    }

    /** Whether the page can delete a profile's data (the window has provided the means). */
    public boolean canErase() {
        return eraser != null;
    }

    /** True while a profile's data is being deleted. */
    public ReadOnlyBooleanProperty erasing() {
        return erasing.getReadOnlyProperty();
    }

    /**
     * Deletes everything of the profile in force, once the user has typed its name to confirm. A name that does not
     * match deletes nothing.
     */
    public void eraseProfile(String typedName) {
        String profile = settings.get().profile();
        if (eraser == null || erasing.get()) {
            return;
        }
        if (typedName == null || !typedName.strip().equals(profile)) {
            say(MessageKind.PROBLEM, "Nothing was deleted: the name typed was not \"" + profile + "\".");
            return;
        }
        erasing.set(true);
        say(MessageKind.NOTE, "Deleting everything of " + profile + "…");
        FxTasks.supply(eraserThread, () -> {
            try {
                return eraser.erase(profile);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, done -> {
            erasing.set(false);
            say(MessageKind.DONE, done);
        }, failure -> {
            erasing.set(false);
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            say(MessageKind.PROBLEM, cause.getMessage() == null ? "Could not delete the data of " + profile + "."
                    : cause.getMessage());
        });
    }

    /**
     * The ambush hours as typed; what cannot be read (a time like "9am", no day ticked) keeps the value in force,
     * and {@link #ambushProblem()} says why.
     */
    AmbushHours ambushHours() {
        AmbushHours base = settings.get().ambush();
        try {
            return new AmbushHours(java.time.LocalTime.parse(ambushFrom.get().strip()),
                    java.time.LocalTime.parse(ambushTo.get().strip()), ambushDays.isEmpty() ? base.days()
                    : java.util.EnumSet.copyOf(ambushDays), or(ambushEvery.get(), base.everyMinutes()));
        } catch (RuntimeException e) {
            return base;
        }
    }

    /** Why the ambush hours as typed cannot be used, if they cannot. */
    public Optional<String> ambushProblem() {
        try {
            java.time.LocalTime.parse(ambushFrom.get().strip());
            java.time.LocalTime.parse(ambushTo.get().strip());
        } catch (RuntimeException e) {
            return Optional.of("Ambush hours are times like 09:00 and 17:30.");
        }
        if (ambushDays.isEmpty()) {
            return Optional.of("Tick at least one day for ambushes.");
        }
        return Optional.empty();
    }

    public StringProperty ambushFrom() {
        return ambushFrom;
    }

    public StringProperty ambushTo() {
        return ambushTo;
    }

    public javafx.collections.ObservableSet<java.time.DayOfWeek> ambushDays() {
        return ambushDays;
    }

    public ObjectProperty<Integer> ambushEvery() {
        return ambushEvery;
    }

    private void say(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    /** A short reason for the user, without Java's class names where a plainer phrase exists. */
    private static String reason(Throwable failure) {
        Throwable t = failure instanceof UncheckedIOException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if ((t instanceof NotDirectoryException || t instanceof FileAlreadyExistsException)
                && ((FileSystemException) t).getFile() != null) {
            return ((FileSystemException) t).getFile() + " is a file, not a folder";
        }
        if (t instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String text = t.getMessage();
        return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
    }

    public StringProperty camera() {
        return camera;
    }

    public ObjectProperty<Resolution> videoSize() {
        return videoSize;
    }

    public StringProperty microphone() {
        return microphone;
    }

    public ObjectProperty<Integer> thinkSeconds() {
        return thinkSeconds;
    }

    public ObjectProperty<Integer> targetSeconds() {
        return targetSeconds;
    }

    /** Category to target seconds, in the draft; only categories with a target of their own are present. */
    public ObservableMap<String, Integer> categoryTargets() {
        return categoryTargets;
    }

    /** Filler phrases, one per line as typed. */
    public StringProperty fillers() {
        return fillers;
    }

    /** Tone cues, one per line as typed. */
    public StringProperty toneCues() {
        return toneCues;
    }

    public ObjectProperty<Settings.Theme> theme() {
        return theme;
    }

    public ObjectProperty<Integer> fontSize() {
        return fontSize;
    }

    public StringProperty profile() {
        return profile;
    }

    /** Whether the draft differs from the settings in force. */
    public BooleanBinding dirty() {
        return dirty;
    }

    public ReadOnlyBooleanProperty saving() {
        return saving.getReadOnlyProperty();
    }

    /** The last thing worth telling the user; names the settings file when saving or reading it went wrong. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKind() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> cameraNames() {
        return cameraNames.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> microphoneNames() {
        return microphoneNames.getReadOnlyProperty();
    }

    /** Whether a device search has finished, so a device missing from the lists is really missing. */
    public ReadOnlyBooleanProperty devicesListed() {
        return devicesListed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searching() {
        return searching.getReadOnlyProperty();
    }

    /** One sentence on the last device search. */
    public ReadOnlyStringProperty devicesSummary() {
        return devicesSummary.getReadOnlyProperty();
    }

    /** The file the settings are saved in. */
    public Path settingsFile() {
        return store.file().toAbsolutePath();
    }

    /** The data root: the folder holding the settings file, the attempt log and the recordings. */
    public Path dataRoot() {
        return settingsFile().getParent();
    }
}
