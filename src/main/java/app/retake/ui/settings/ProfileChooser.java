package app.retake.ui.settings;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import app.retake.review.InterviewerReview;
import app.retake.ui.common.FxTasks;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Who is answering, always in sight under the navigation: people who share the machine (or swap roles in a friend's
 * interview) switch here, and each keeps their own history and weak spots. Choosing saves the setting.
 */
public final class ProfileChooser {

    private final VBox root = new VBox(4);

    /**
     * @param model    the Settings page's model, through which the choice is saved
     * @param known    the profiles in the attempt log; called on {@code io}
     * @param locked   while true the profile cannot change (a take or an interview is under way)
     */
    public ProfileChooser(SettingsModel model, Supplier<List<String>> known, Executor io,
                          ObservableBooleanValue locked) {
        Label label = new Label("Answering as");
        label.getStyleClass().add("text-muted");
        ComboBox<String> box = new ComboBox<>();
        box.setId("nav-profile");
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setTooltip(new Tooltip("Whose takes these are. Type a new name to start a profile; each person's history "
                + "and weak spots are kept apart."));
        box.disableProperty().bind(locked);
        Runnable load = () -> FxTasks.supply(io, known, names -> {
            String shown = box.getValue();
            box.getItems().setAll(names);
            box.setValue(shown);
        }, e -> {
        });
        box.setValue(model.settings().get().profile());
        model.settings().addListener((obs, was, now) -> {
            if (!now.profile().equals(box.getValue())) {
                box.setValue(now.profile());
            }
        });
        box.setOnShowing(e -> load.run());
        box.setOnAction(e -> {
            String chosen = box.getValue() == null ? "" : box.getValue().strip();
            String current = model.settings().get().profile();
            if (chosen.isEmpty() || chosen.length() > InterviewerReview.MAX_NAME) {
                box.setValue(current);
            } else if (!chosen.equals(current)) {
                model.update(s -> s.withProfile(chosen));
            }
        });
        load.run();
        root.getChildren().addAll(label, box);
    }

    public Node root() {
        return root;
    }
}
