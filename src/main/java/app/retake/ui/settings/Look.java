package app.retake.ui.settings;

import app.retake.settings.Settings;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Puts the chosen theme and font size on the window. */
public final class Look {

    private Look() {
    }

    /**
     * Applies the theme of {@code settings} to the whole application and its font size to {@code scene}'s root,
     * from which every control, popup and tooltip of the window inherits it. Call on the FX thread.
     */
    public static void apply(Scene scene, Settings settings) {
        Theme theme = settings.theme() == Settings.Theme.DARK ? new PrimerDark() : new PrimerLight();
        String sheet = theme.getUserAgentStylesheet();
        // Setting the same sheet again would still restyle every window; skip it when nothing changes.
        if (!sheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(sheet);
        }
        Parent root = scene.getRoot();
        if (root != null) {
            root.setStyle(withFontSize(root.getStyle(), settings.fontSize()));
        }
    }

    /** {@code style} with its font size replaced by {@code px}, keeping any other inline rules. */
    static String withFontSize(String style, int px) {
        String others = style == null ? "" : style.replaceAll("-fx-font-size\\s*:[^;]*;?", "").strip();
        return "-fx-font-size: " + px + "px;" + (others.isEmpty() ? "" : " " + others);
    }
}
