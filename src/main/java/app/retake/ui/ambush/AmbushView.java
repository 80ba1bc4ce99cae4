package app.retake.ui.ambush;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

import app.retake.drill.AmbushSettings;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

/** The controls for ambush mode that go on a page: the on/off toggle and a line of status beside it. */
public final class AmbushView {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final AmbushModel model;

    public AmbushView(AmbushModel model) {
        this.model = model;
    }

    /**
     * A new toggle ({@code #ambush-toggle}) reading "Ambush me: off" or "Ambush me: on until 18:00"; place it
     * anywhere, once. It never takes the keyboard focus, so Space keeps reaching the page it sits on.
     */
    public ToggleButton toggle() {
        ToggleButton toggle = new ToggleButton();
        toggle.setId("ambush-toggle");
        toggle.setFocusTraversable(false);
        toggle.textProperty().bind(model.toggleTextProperty());
        toggle.setSelected(model.armedProperty().get());
        // The model decides: a click asks it to flip, and the button shows whatever it then says.
        toggle.setOnAction(e -> {
            model.toggle();
            toggle.setSelected(model.armedProperty().get());
        });
        model.armedProperty().addListener((obs, was, now) -> toggle.setSelected(now));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(this::explain, model.armedProperty(),
                model.nextMomentProperty(), model.messageProperty()));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        toggle.setTooltip(tip);
        return toggle;
    }

    /**
     * A new label ({@code #ambush-status}) with what went wrong last, or else roughly when the next ambush comes
     * ("Next ambush: sometime today."); empty while ambush mode is off.
     */
    public Label status() {
        Label status = new Label();
        status.setId("ambush-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get().isEmpty()
                ? model.nextMomentProperty().get() : model.messageProperty().get(),
                model.messageProperty(), model.nextMomentProperty()));
        return status;
    }

    private String explain() {
        AmbushSettings s = model.settings();
        String hours = s.windowStart().equals(s.windowEnd()) ? "at any hour"
                : "between " + HOUR.format(s.windowStart()) + " and " + HOUR.format(s.windowEnd());
        String days;
        if (s.days().size() == 7) {
            days = "every day";
        } else if (s.days().equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            days = "on weekdays";
        } else {
            days = "on " + s.days().stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .collect(Collectors.joining(", "));
        }
        StringBuilder text = new StringBuilder("Leave Retake running, minimised if you like. At random moments "
                + hours + " " + days + ", a question pops up with " + AmbushModel.COUNTDOWN_SECONDS
                + " seconds to start answering or snooze.");
        if (!model.nextMomentProperty().get().isEmpty()) {
            text.append('\n').append(model.nextMomentProperty().get());
        }
        if (!model.messageProperty().get().isEmpty()) {
            text.append('\n').append(model.messageProperty().get());
        }
        return text.toString();
    }
}
