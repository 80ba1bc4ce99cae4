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

    /** Opens {@code target}. */
    public void open(Page target) {
        page.set(target);
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
