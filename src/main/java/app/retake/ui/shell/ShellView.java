package app.retake.ui.shell;

import java.util.Locale;
import java.util.Map;

import app.retake.doctor.Finding;
import app.retake.doctor.Finding.Subject;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The main window's frame: navigation on the left, the open page in the middle, the status area below. */
public final class ShellView {

    private final ShellModel model;
    private final Map<Page, java.util.function.Supplier<Node>> pages;
    /** Pages built so far: each is built the first time it is opened, so the window appears sooner. */
    private final Map<Page, Node> built = new java.util.EnumMap<>(Page.class);
    private final BorderPane root = new BorderPane();
    private VBox navigation;

    /** @param pages builds each page's node; called once, the first time the page is opened */
    public ShellView(ShellModel model, Map<Page, java.util.function.Supplier<Node>> pages) {
        this.model = model;
        this.pages = pages;
        root.setId("shell");
        Node navigation = navigation();
        Node status = statusArea();
        root.setLeft(navigation);
        StackPane content = new StackPane();
        content.setId("page-content");
        content.setPadding(new Insets(24, 28, 20, 28));
        root.setCenter(content);
        root.setBottom(status);
        model.candidateOnlyProperty().addListener((obs, was, only) -> {
            root.setLeft(only ? null : navigation);
            root.setBottom(only ? null : status);
        });
        showPage(content, model.pageProperty().get());
        model.pageProperty().addListener((obs, old, page) -> showPage(content, page));
    }

    public Parent root() {
        return root;
    }

    /** Ctrl+1…4 open the pages; installed on the scene by whoever owns it. */
    public void installShortcuts(javafx.scene.Scene scene) {
        for (Page page : Page.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(page.shortcut(), KeyCombination.SHORTCUT_DOWN),
                    () -> model.open(page));
        }
    }

    private void showPage(StackPane content, Page page) {
        Node node = built.computeIfAbsent(page, p -> pages.containsKey(p) ? pages.get(p).get() : null);
        content.getChildren().setAll(node == null ? new Label(page.title()) : node);
        if (node != null) {
            // Keys such as Space and 1-4 go to the page that is showing, not to a button left focused elsewhere.
            javafx.application.Platform.runLater(node::requestFocus);
        }
    }

    /** Puts {@code node} at the foot of the navigation, under the page buttons (the profile chooser). */
    public void addToNavigation(Node node) {
        Region gap = new Region();
        VBox.setVgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        navigation.getChildren().addAll(gap, node);
    }

    private Node navigation() {
        VBox nav = new VBox(4);
        navigation = nav;
        nav.setId("navigation");
        nav.setPadding(new Insets(20, 12, 20, 12));
        nav.setPrefWidth(190);
        nav.getStyleClass().add("navigation");
        Label brand = new Label("Retake");
        brand.getStyleClass().addAll("title-2", "brand");
        Label tagline = new Label("Practise the questions\nthat catch you out.");
        tagline.getStyleClass().add("text-muted");
        tagline.setPadding(new Insets(0, 0, 16, 0));
        nav.getChildren().addAll(brand, tagline);
        ToggleGroup group = new ToggleGroup();
        for (Page page : Page.values()) {
            ToggleButton button = new ToggleButton(page.title());
            button.setId("nav-" + page.key());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().add("nav-button");
            button.setTooltip(new Tooltip(page.title() + " (" + new KeyCodeCombination(page.shortcut(),
                    KeyCombination.SHORTCUT_DOWN).getDisplayText() + ")"));
            button.setSelected(model.pageProperty().get() == page);
            button.setOnAction(e -> model.open(page));
            // A toggle group lets the user unselect the current page; the model stays the source of truth.
            model.pageProperty().addListener((obs, old, now) -> button.setSelected(now == page));
            button.selectedProperty().addListener((obs, was, is) -> {
                if (!is && model.pageProperty().get() == page) {
                    button.setSelected(true);
                }
            });
            nav.getChildren().add(button);
        }
        return nav;
    }

    private Node statusArea() {
        GridPane area = new GridPane();
        area.setId("status-area");
        area.getStyleClass().add("status-area");
        area.setPadding(new Insets(8, 16, 8, 16));
        area.setHgap(10);
        area.setVgap(4);
        int row = 0;
        for (Subject subject : Subject.values()) {
            addStatusRow(area, row++, subject, model.findingProperty(subject));
        }
        return area;
    }

    private static void addStatusRow(GridPane area, int row, Subject subject, ReadOnlyObjectProperty<Finding> finding) {
        Circle dot = new Circle(5);
        Label name = new Label(subject.label());
        name.getStyleClass().add("status-subject");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label();
        text.setId("status-" + subject.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Tooltip tooltip = new Tooltip();
        Runnable update = () -> {
            Finding f = finding.get();
            text.setText(f.summary());
            tooltip.setText(f.details().isEmpty() ? f.summary() : String.join("\n", f.details()));
            dot.getStyleClass().setAll("status-dot", "status-" + f.level().name().toLowerCase(Locale.ROOT));
        };
        update.run();
        finding.addListener((obs, old, now) -> update.run());
        Tooltip.install(name, tooltip);
        Tooltip.install(text, tooltip);
        area.addRow(row, dot, name, text);
    }
}
