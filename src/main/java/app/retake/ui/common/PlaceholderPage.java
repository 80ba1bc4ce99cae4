package app.retake.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A page whose feature this build does not have yet: says so plainly instead of showing an empty pane. */
public final class PlaceholderPage extends VBox {

    public PlaceholderPage(String id, String title, String explanation) {
        setId(id);
        setAlignment(Pos.TOP_LEFT);
        setSpacing(12);
        getStyleClass().add("page");
        Label heading = new Label(title);
        heading.getStyleClass().add("title-2");
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        getChildren().addAll(heading, text);
    }
}
