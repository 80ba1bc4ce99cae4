package app.retake.ui.shell;

import javafx.scene.input.KeyCode;

/** The main window's pages, in navigation order. */
public enum Page {
    PRACTICE("Practice", "practice", KeyCode.DIGIT1),
    REVIEW("Review", "review", KeyCode.DIGIT2),
    PROGRESS("Progress", "progress", KeyCode.DIGIT3),
    BANKS("Question banks", "banks", KeyCode.DIGIT4),
    SETTINGS("Settings", "settings", KeyCode.DIGIT5);

    private final String title;
    private final String key;
    private final KeyCode shortcut;

    Page(String title, String key, KeyCode shortcut) {
        this.title = title;
        this.key = key;
        this.shortcut = shortcut;
    }

    public String title() {
        return title;
    }

    /** Short name used in node ids, e.g. {@code #nav-banks}. */
    public String key() {
        return key;
    }

    /** With Ctrl (Cmd on macOS), opens the page. */
    public KeyCode shortcut() {
        return shortcut;
    }
}
