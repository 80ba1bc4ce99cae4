package app.retake.ui.settings;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import app.retake.capture.Cameras;
import app.retake.capture.Microphones;
import app.retake.capture.Resolution;
import app.retake.settings.Settings;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The Settings page: devices, timing, word lists, look, profile; saved with the button or Ctrl+S. */
public final class SettingsView {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final String[] MESSAGE_STYLES = {Styles.TEXT_MUTED, Styles.SUCCESS, Styles.DANGER};

    private final BorderPane root = new BorderPane();
    private final SettingsModel model;
    private final Supplier<List<String>> categories;
    private final List<Spinner<Integer>> spinners = new ArrayList<>();
    private final TableView<String> targets = new TableView<>();
    private final Runnable saveShortcut = this::save;
    private final ScrollPane scroll;
    private final ChangeListener<Node> followFocus = (obs, old, now) -> {
        if (now != null && isInside(now)) {
            reveal(now);
        }
    };

    /**
     * @param categories supplies the categories of the loaded banks, read each time the page is shown
     */
    public SettingsView(SettingsModel model, Supplier<List<String>> categories) {
        this.model = model;
        this.categories = categories;
        root.setId("settings-page");

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        Label unsaved = new Label("Unsaved changes");
        unsaved.setId("settings-dirty");
        unsaved.getStyleClass().add(Styles.TEXT_MUTED);
        unsaved.visibleProperty().bind(model.dirty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, gap, unsaved);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 10, 0));

        VBox sections = new VBox(18, devicesSection(), new Separator(), timingSection(), new Separator(),
                wordListSection(), new Separator(), ambushSection(), new Separator(), lookSection(), new Separator(),
                profileSection(), new Separator(), privacySection());
        sections.setPadding(new Insets(4, 16, 16, 4));
        scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        root.setTop(header);
        root.setCenter(scroll);
        root.setBottom(actionBar());
        root.sceneProperty().addListener((obs, old, now) -> shown(old, now));
    }

    public Node root() {
        return root;
    }

    /** Each time the page is put on screen: refresh the category list, and search for devices the first time. */
    private void shown(Scene old, Scene now) {
        if (old != null) {
            if (old.getAccelerators().get(SAVE) == saveShortcut) {
                old.getAccelerators().remove(SAVE);
            }
            old.focusOwnerProperty().removeListener(followFocus);
        }
        if (now == null) {
            return;
        }
        // On the scene, not the page, so Ctrl+S works wherever the focus is while this page is showing.
        now.getAccelerators().put(SAVE, saveShortcut);
        // A ScrollPane does not follow the keyboard focus by itself; without this, Tab walks off the visible part.
        now.focusOwnerProperty().addListener(followFocus);
        refreshCategories();
        if (!model.devicesListed().get()) {
            model.searchDevices();
        }
    }

    /** Scrolls the page so that {@code node}, somewhere on it, is in view. */
    void reveal(Node node) {
        Node content = scroll.getContent();
        double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden <= 0 || node.getScene() == null) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * hidden;
        double height = scroll.getViewportBounds().getHeight();
        double margin = 12;
        if (bounds.getMinY() < top) {
            top = bounds.getMinY() - margin;
        } else if (bounds.getMaxY() > top + height) {
            top = Math.min(bounds.getMinY() - margin, bounds.getMaxY() - height + margin);
        } else {
            return;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, top / hidden)));
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == scroll.getContent()) {
                return true;
            }
        }
        return false;
    }

    private void save() {
        // A number typed into a spinner only counts once committed; save what the user sees.
        spinners.forEach(SettingsView::commit);
        model.save();
    }

    private Node devicesSection() {
        ComboBox<DeviceChoice> camera = new ComboBox<>();
        camera.setId("settings-camera");
        camera.setPrefWidth(320);
        bindDevice(camera, model.camera(), () -> DeviceChoice.cameras(model.cameraNames().get(),
                model.devicesListed().get(), model.camera().get()), Cameras.FILE_PREFIX, "Choose a video file",
                new FileChooser.ExtensionFilter("Videos", "*.mp4", "*.mov", "*.mkv", "*.webm", "*.avi"));

        ComboBox<Resolution> size = new ComboBox<>();
        size.setId("settings-resolution");
        size.setConverter(new StringConverter<>() {
            @Override
            public String toString(Resolution r) {
                return r == null ? "" : r.width() + " × " + r.height() + (r.equals(Cameras.STANDARD) ? " (standard)"
                        : r.equals(Cameras.HD) ? " (HD)" : "");
            }

            @Override
            public Resolution fromString(String s) {
                return Resolution.parse(s.replace('×', 'x').replaceAll("\\(.*\\)", ""));
            }
        });
        size.getItems().setAll(Cameras.STANDARD, Cameras.HD);
        Runnable offerSize = () -> {
            Resolution current = model.videoSize().get();
            if (current != null && !size.getItems().contains(current)) {
                size.getItems().add(current);
            }
        };
        offerSize.run();
        model.videoSize().addListener((obs, old, now) -> offerSize.run());
        size.valueProperty().bindBidirectional(model.videoSize());

        ComboBox<DeviceChoice> microphone = new ComboBox<>();
        microphone.setId("settings-microphone");
        microphone.setPrefWidth(320);
        bindDevice(microphone, model.microphone(), () -> DeviceChoice.microphones(model.microphoneNames().get(),
                model.devicesListed().get(), model.microphone().get()), Microphones.FILE_PREFIX,
                "Choose a sound file", new FileChooser.ExtensionFilter("WAV sound files", "*.wav"));

        Label found = new Label();
        found.setId("settings-devices");
        found.getStyleClass().add(Styles.TEXT_MUTED);
        found.setWrapText(true);
        found.textProperty().bind(model.devicesSummary());
        Button again = new Button("Look again");
        again.setId("settings-rescan");
        again.disableProperty().bind(model.searching());
        again.setOnAction(e -> model.searchDevices());
        HBox search = new HBox(10, found, again);
        search.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = form();
        row(grid, 0, "Camera", camera, "Used from the next take. Off records sound only.");
        row(grid, 1, "Video size", size, "Larger is sharper but takes more disk space and processor time.");
        row(grid, 2, "Microphone", microphone,
                "Off records no sound and no transcript; typed notes and self-ratings still work.");
        grid.add(search, 1, 3, 2, 1);
        return section("Camera and microphone", grid);
    }

    private Node timingSection() {
        Spinner<Integer> think = spinner("settings-think", 0, Settings.MAX_THINK, 1, model.thinkSeconds());
        Spinner<Integer> target = spinner("settings-target", Settings.MIN_TARGET, Settings.MAX_TARGET, 15,
                model.targetSeconds());
        GridPane grid = form();
        row(grid, 0, "Think time (seconds)", think,
                "A countdown between the question and the recording. 0 starts only when you say you are ready.");
        row(grid, 1, "Target length (seconds)", target,
                "How long an answer should run when its category has no target of its own.");

        targets.setId("settings-category-targets");
        targets.setEditable(true);
        targets.getStyleClass().add(Styles.DENSE);
        targets.setPrefHeight(190);
        targets.setMaxWidth(620);
        targets.setPlaceholder(new Label("No categories yet: load some question banks."));
        TableColumn<String, String> category = new TableColumn<>("Category");
        category.setEditable(false);
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
        TableColumn<String, String> own = new TableColumn<>("Own target (seconds)");
        own.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                Optional.ofNullable(model.categoryTargets().get(c.getValue())).map(String::valueOf).orElse("")));
        own.setCellFactory(TextFieldTableCell.forTableColumn());
        own.setOnEditCommit(e -> {
            model.setCategoryTarget(e.getRowValue(), e.getNewValue());
            targets.refresh();
        });
        TableColumn<String, String> used = new TableColumn<>("In use");
        used.setEditable(false);
        used.setCellValueFactory(c -> new ReadOnlyStringWrapper(clock(model.targetFor(c.getValue()))
                + (model.hasOwnTarget(c.getValue()) ? "" : "  (general target)")));
        targets.getColumns().add(category);
        targets.getColumns().add(own);
        targets.getColumns().add(used);
        targets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.categoryTargets().addListener((MapChangeListener<String, Integer>) change -> refreshCategories());
        model.targetSeconds().addListener((obs, old, now) -> targets.refresh());

        Label perCategory = new Label("Target length per category");
        perCategory.getStyleClass().add(Styles.TEXT_BOLD);
        Label how = hint("Double-click a target to change it, as seconds (90) or minutes and seconds (1:30). Leave it"
                + " empty to use the general target.");
        VBox box = new VBox(8, grid, perCategory, how, targets);
        return section("Timing", box);
    }

    private Node wordListSection() {
        VBox fillers = wordList("Filler phrases", "settings-fillers", model.fillers(), "settings-fillers-reset",
                model::resetFillers);
        VBox tone = wordList("Tone cues", "settings-tone", model.toneCues(), "settings-tone-reset",
                model::resetToneCues);
        HBox lists = new HBox(16, fillers, tone);
        HBox.setHgrow(fillers, Priority.ALWAYS);
        HBox.setHgrow(tone, Priority.ALWAYS);
        Label how = hint("One phrase per line; case and punctuation do not matter. A word ending in * matches every"
                + " word that starts that way: micromanag* catches \"micromanaged\" and \"micromanaging\". Filler"
                + " phrases are counted in your answers; tone cues point out bitter or negative phrasing. The speech"
                + " model does not write down \"um\" or \"uh\", so those cannot be counted.");
        return section("Word lists", new VBox(8, how, lists));
    }

    private VBox wordList(String title, String id, StringProperty text, String resetId, Runnable reset) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        TextArea area = new TextArea();
        area.setId(id);
        area.setPrefRowCount(8);
        area.setPrefColumnCount(24);
        area.textProperty().bindBidirectional(text);
        Button button = new Button("Reset to defaults");
        button.setId(resetId);
        button.setOnAction(e -> reset.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, label, gap, button);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, top, area);
    }

    private Node lookSection() {
        ComboBox<Settings.Theme> theme = new ComboBox<>();
        theme.setId("settings-theme");
        theme.getItems().setAll(Settings.Theme.values());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Settings.Theme t) {
                return t == null ? "" : t == Settings.Theme.DARK ? "Dark" : "Light";
            }

            @Override
            public Settings.Theme fromString(String s) {
                return "Dark".equalsIgnoreCase(s) ? Settings.Theme.DARK : Settings.Theme.LIGHT;
            }
        });
        theme.valueProperty().bindBidirectional(model.theme());
        Spinner<Integer> font = spinner("settings-font", Settings.MIN_FONT, Settings.MAX_FONT, 1, model.fontSize());
        GridPane grid = form();
        row(grid, 0, "Theme", theme, "Takes effect for the whole window when you save.");
        row(grid, 1, "Font size (pixels)", font, "Larger text is easier to read from a distance; applied on save.");
        return section("Look", grid);
    }

    private Node ambushSection() {
        TextField from = new TextField();
        from.setId("settings-ambush-from");
        from.setPrefColumnCount(5);
        from.textProperty().bindBidirectional(model.ambushFrom());
        TextField to = new TextField();
        to.setId("settings-ambush-to");
        to.setPrefColumnCount(5);
        to.textProperty().bindBidirectional(model.ambushTo());
        HBox hours = new HBox(8, from, new Label("to"), to);
        hours.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox days = new HBox(8);
        days.setId("settings-ambush-days");
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox(
                    day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.getDefault()));
            box.setId("settings-ambush-" + day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT));
            box.setSelected(model.ambushDays().contains(day));
            box.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    model.ambushDays().add(day);
                } else {
                    model.ambushDays().remove(day);
                }
            });
            model.ambushDays().addListener((javafx.collections.SetChangeListener<java.time.DayOfWeek>) change ->
                    box.setSelected(model.ambushDays().contains(day)));
            days.getChildren().add(box);
        }
        Spinner<Integer> every = spinner("settings-ambush-every", app.retake.settings.AmbushHours.MIN_EVERY,
                app.retake.settings.AmbushHours.MAX_EVERY, 15, model.ambushEvery());
        GridPane grid = form();
        row(grid, 0, "Hours", hours, "Ambushes never come outside these hours (24-hour clock, like 09:00 to "
                + "17:30; an end before the start runs past midnight).");
        row(grid, 1, "Days", days, "Only on the days ticked.");
        row(grid, 2, "Every (minutes)", every, "On average, counted within the hours; never two within ten "
                + "minutes.");
        return section("Ambush mode", grid);
    }

    private Node profileSection() {
        TextField profile = new TextField();
        profile.setId("settings-profile");
        profile.setPrefColumnCount(20);
        profile.textProperty().bindBidirectional(model.profile());
        profile.setMaxWidth(Region.USE_PREF_SIZE);
        // Read-only but selectable, so the path can be copied into a file manager.
        TextField data = new TextField(model.dataRoot().toString());
        data.setId("settings-data-root");
        data.setEditable(false);
        data.setFocusTraversable(false);
        data.setPrefColumnCount(40);
        data.setMaxWidth(Region.USE_PREF_SIZE);
        GridPane grid = form();
        row(grid, 0, "Profile", profile, "Who is answering. Each take is logged under this name, so people sharing"
                + " this computer can tell their takes apart.");
        Label dataName = new Label("Data folder");
        dataName.setLabelFor(data);
        grid.add(dataName, 0, 1);
        grid.add(data, 1, 1, 2, 1);
        grid.add(hint("Holds your recordings, the attempt log and these settings ("
                + model.settingsFile().getFileName() + "). It is chosen with --data DIR when starting Retake,"
                + " for example: retake --data ~/Interviews"), 1, 2, 2, 1);
        return section("Profile and data", grid);
    }

    private Node privacySection() {
        TextField days = new TextField();
        days.setId("settings-keep-days");
        days.setPrefColumnCount(5);
        days.setPromptText("forever");
        days.setMaxWidth(Region.USE_PREF_SIZE);
        days.textProperty().bindBidirectional(model.keepVideoDays());
        javafx.scene.control.CheckBox transcriptOnly = new javafx.scene.control.CheckBox("Transcript only");
        transcriptOnly.setId("settings-transcript-only");
        transcriptOnly.selectedProperty().bindBidirectional(model.transcriptOnly());
        GridPane grid = form();
        row(grid, 0, "Keep videos for (days)", days, "Empty or 0 keeps every video until you delete it. Otherwise "
                + "videos older than this are deleted each time Retake starts; their transcripts, measurements and "
                + "ratings stay. A take not transcribed yet keeps its video until it has been.");
        row(grid, 1, "", transcriptOnly, "The camera is never opened and no video is made. The sound is recorded "
                + "only so the take can be transcribed, and is deleted as soon as the transcript is saved (if the "
                + "speech model is missing, it is kept until the take has been transcribed). The transcript, "
                + "measurements and ratings remain.");
        VBox box = new VBox(10, grid);
        if (model.canErase()) {
            Button erase = new Button();
            erase.setId("settings-delete-profile");
            erase.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
            erase.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> "Delete all of " + model.settings().get().profile() + "'s data…", model.settings()));
            erase.disableProperty().bind(model.erasing());
            erase.setOnAction(e -> confirmErase());
            erase.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(14, erase, hint("Every take of this profile (recordings, transcripts, reviews), its "
                    + "rows in the attempt log and its debriefs. Other profiles are not touched. This cannot be "
                    + "undone."));
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        box.getChildren().add(hint("Everything stays on this computer: recordings, transcripts (made here by the "
                + "speech model) and your history. Retake uses the network only for the phone remote, and only "
                + "while you have it on."));
        return section("Privacy", box);
    }

    /** Asks for the profile's name to be typed before anything is deleted; Enter alone never deletes. */
    private void confirmErase() {
        String profile = model.settings().get().profile();
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.setTitle("Delete all of " + profile + "'s data");
        dialog.setHeaderText("Delete everything of " + profile + "?");
        javafx.scene.control.ButtonType delete = new javafx.scene.control.ButtonType("Delete everything",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(delete, javafx.scene.control.ButtonType.CANCEL);
        dialog.getDialogPane().setId("delete-profile-confirmation");
        TextField name = new TextField();
        name.setId("delete-profile-name");
        name.setPromptText(profile);
        Label what = new Label("Every take of " + profile + " (recordings, transcripts, subtitles, reviews), its rows "
                + "in the attempt log and its debriefs are deleted from disk. Other profiles keep all their data. "
                + "This cannot be undone.\n\nType \u201c" + profile + "\u201d to confirm:");
        what.setWrapText(true);
        what.setMaxWidth(440);
        dialog.getDialogPane().setContent(new VBox(10, what, name));
        Button confirm = (Button) dialog.getDialogPane().lookupButton(delete);
        confirm.setId("confirm-delete-profile");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setDefaultButton(false);
        confirm.disableProperty().bind(name.textProperty().isNotEqualTo(profile));
        Button cancel = (Button) dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL);
        cancel.setId("cancel-delete-profile");
        cancel.setDefaultButton(true);
        dialog.setOnShown(e -> name.requestFocus());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == delete) {
                model.eraseProfile(name.getText());
            }
        });
        dialog.show();
    }

    private Node actionBar() {
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message());
        Runnable style = () -> {
            message.getStyleClass().removeAll(MESSAGE_STYLES);
            message.getStyleClass().add(MESSAGE_STYLES[model.messageKind().get().ordinal()]);
        };
        style.run();
        model.messageKind().addListener((obs, old, now) -> style.run());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);

        Button revert = new Button("Revert");
        revert.setId("settings-revert");
        revert.setTooltip(new Tooltip("Undo the changes made since the last save"));
        revert.disableProperty().bind(model.dirty().not().or(model.saving()));
        revert.setOnAction(e -> model.revert());
        Button save = new Button("Save");
        save.setId("settings-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setTooltip(new Tooltip("Save the settings and use them from now on (Ctrl+S)"));
        save.disableProperty().bind(model.saving());
        save.setOnAction(e -> save());
        revert.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, message, revert, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 0, 0, 0));
        return bar;
    }

    /** Keeps a device chooser and the spec in the draft in step; the file entry asks for a file first. */
    private void bindDevice(ComboBox<DeviceChoice> box, StringProperty spec, Supplier<List<DeviceChoice>> choices,
                            String filePrefix, String chooserTitle, FileChooser.ExtensionFilter filter) {
        boolean[] syncing = {false};
        Runnable sync = () -> {
            syncing[0] = true;
            try {
                List<DeviceChoice> wanted = choices.get();
                if (!wanted.equals(box.getItems())) {
                    box.getItems().setAll(wanted);
                }
                DeviceChoice current = DeviceChoice.find(wanted, spec.get()).orElse(null);
                if (!Objects.equals(box.getValue(), current)) {
                    box.setValue(current);
                }
            } finally {
                syncing[0] = false;
            }
        };
        box.valueProperty().addListener((obs, old, now) -> {
            if (syncing[0] || now == null) {
                return;
            }
            if (now.asksForFile()) {
                // Leave the selection change first; a dialog opened inside it would run a nested event loop.
                Platform.runLater(() -> {
                    chooseFile(chooserTitle, filter).ifPresent(f -> spec.set(DeviceChoice.fileSpec(filePrefix,
                            f.toPath())));
                    sync.run();
                });
                return;
            }
            syncing[0] = true;
            try {
                spec.set(now.spec());
            } finally {
                syncing[0] = false;
            }
            // Relabel the entries (a new file, a device now missing) after the combo box has finished its change.
            Platform.runLater(sync);
        });
        spec.addListener((obs, old, now) -> {
            if (!syncing[0]) {
                sync.run();
            }
        });
        model.cameraNames().addListener((obs, old, now) -> sync.run());
        model.microphoneNames().addListener((obs, old, now) -> sync.run());
        model.devicesListed().addListener((obs, old, now) -> sync.run());
        sync.run();
    }

    private Optional<File> chooseFile(String title, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(filter, new FileChooser.ExtensionFilter("All files", "*.*"));
        return Optional.ofNullable(chooser.showOpenDialog(root.getScene() == null ? null
                : root.getScene().getWindow()));
    }

    private void refreshCategories() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> supplied = categories.get();
        if (supplied != null) {
            supplied.stream().filter(Objects::nonNull).forEach(names::add);
        }
        names.addAll(model.categoryTargets().keySet());
        List<String> rows = List.copyOf(names);
        if (!rows.equals(targets.getItems())) {
            targets.getItems().setAll(rows);
        } else {
            targets.refresh();
        }
    }

    private Spinner<Integer> spinner(String id, int min, int max, int step, ObjectProperty<Integer> value) {
        Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                value.get() == null ? min : value.get(), step));
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit(spinner);
            }
        });
        spinners.add(spinner);
        return spinner;
    }

    /** Takes the number typed in a spinner's text, within its range; anything else puts the last value back. */
    private static void commit(Spinner<Integer> spinner) {
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        try {
            Integer typed = factory.getConverter().fromString(spinner.getEditor().getText().strip());
            if (typed != null) {
                factory.setValue(typed);
            }
        } catch (NumberFormatException e) {
            // Not a number: the previous value stays and is shown again below.
        }
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
    }

    private static String clock(int seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    private static VBox section(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_3);
        return new VBox(10, label, content);
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints hints = new ColumnConstraints();
        hints.setHgrow(Priority.ALWAYS);
        hints.setMinWidth(160);
        grid.getColumnConstraints().setAll(names, controls, hints);
        return grid;
    }

    private static void row(GridPane grid, int row, String name, Node control, String hint) {
        Label label = new Label(name);
        label.setLabelFor(control);
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        grid.add(hint(hint), 2, row);
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return hint;
    }
}
