package app.retake.ui.shell;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.retake.doctor.Finding;
import app.retake.doctor.Finding.Level;
import app.retake.doctor.Finding.Subject;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** State of the main window: which page is open and what the status area reports. Touch on the FX thread only. */
public final class ShellModel {

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.PRACTICE);
    private final javafx.beans.property.BooleanProperty candidateOnly =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final Map<Subject, ReadOnlyObjectWrapper<Finding>> findings = new EnumMap<>(Subject.class);

    public ShellModel() {
        for (Subject subject : Subject.values()) {
            findings.put(subject, new ReadOnlyObjectWrapper<>(
                    new Finding(subject, Level.PENDING, "Checking…", List.of())));
        }
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** Opens {@code target}; while the window is the candidate's screen only the practice page can show. */
    public void open(Page target) {
        if (!candidateOnly.get()) {
            page.set(target);
        }
    }

    /**
     * Whether the window is the candidate's screen in a friend's interview: only the practice page (the question,
     * the camera, the timer), without the navigation or the status area.
     */
    public javafx.beans.property.BooleanProperty candidateOnlyProperty() {
        return candidateOnly;
    }

    /** Turns the candidate's screen on (showing the practice page) or off. */
    public void candidateOnly(boolean on) {
        if (on) {
            page.set(Page.PRACTICE);
        }
        candidateOnly.set(on);
    }

    /** The latest finding about {@code subject}. */
    public ReadOnlyObjectProperty<Finding> findingProperty(Subject subject) {
        return findings.get(subject).getReadOnlyProperty();
    }

    /** Replaces what the status area says about the finding's subject. */
    public void report(Finding finding) {
        findings.get(finding.subject()).set(finding);
    }
}
