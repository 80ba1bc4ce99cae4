package app.retake.ui.interview;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/** The console's phone-remote strip: the switch, and while on, the QR code, the address and the pairing code. */
public final class RemoteView {

    /** Screen pixels per QR module: big enough for a phone camera across a desk. */
    private static final int MODULE_PX = 3;

    private final HBox root = new HBox(16);

    /**
     * @param running whether an interview is running, so the remote has something to serve
     * @param turnOn  turns the remote on for the running interview
     */
    public RemoteView(RemoteModel model, BooleanExpression running, Runnable turnOn) {
        root.setId("console-remote-strip");
        root.getStyleClass().add("remote-strip");
        root.setPadding(new Insets(10, 12, 10, 12));
        root.setAlignment(Pos.CENTER_LEFT);

        ToggleButton toggle = new ToggleButton("Phone remote");
        toggle.setId("console-remote");
        toggle.disableProperty().bind(running.not().or(model.busy()));
        model.on().addListener((obs, was, on) -> toggle.setSelected(on));
        toggle.setOnAction(e -> {
            if (toggle.isSelected()) {
                turnOn.run();
            } else {
                model.turnOff();
            }
            // The toggle follows the model: it shows "on" only once the server really runs.
            toggle.setSelected(model.on().get());
        });
        Label status = new Label();
        status.setId("console-remote-status");
        status.textProperty().bind(model.status());
        status.setWrapText(true);
        VBox left = new VBox(6, toggle, status);
        left.setPrefWidth(220);
        left.setMinWidth(180);

        ImageView qr = new ImageView();
        qr.setId("console-remote-qr");
        qr.setSmooth(false);
        model.qr().addListener((obs, was, now) -> qr.setImage(now == null ? null : paint(now)));

        Label url = new Label();
        url.setId("console-remote-url");
        url.getStyleClass().add("title-4");
        url.textProperty().bind(model.url());
        Label codeHeading = new Label("Pairing code");
        codeHeading.getStyleClass().add("text-muted");
        Label code = new Label();
        code.setId("console-remote-code");
        code.getStyleClass().add("pairing-code");
        code.textProperty().bind(model.code());
        Label note = new Label();
        note.setId("console-remote-note");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.textProperty().bind(model.note());
        Button unpair = new Button("Unpair phone");
        unpair.setId("console-remote-unpair");
        unpair.setOnAction(e -> model.unpair());
        Label how = new Label("Open the address on the phone (or scan the code), then type the pairing code.");
        how.setWrapText(true);
        HBox codeRow = new HBox(16, new VBox(2, codeHeading, code), note);
        codeRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(note, Priority.ALWAYS);
        VBox details = new VBox(4, how, url, codeRow);
        HBox.setHgrow(details, Priority.ALWAYS);
        // Once a phone is paired the code has done its job; the strip shrinks to the status and Unpair.
        var pairing = model.on().and(model.paired().not());
        for (Node n : new Node[] {qr, details}) {
            n.visibleProperty().bind(pairing);
            n.managedProperty().bind(pairing);
        }
        unpair.visibleProperty().bind(model.paired());
        unpair.managedProperty().bind(model.paired());
        left.getChildren().add(unpair);
        root.getChildren().addAll(left, qr, details);

        // The lock-out countdown moves on by itself; nothing is announced when it runs out.
        Timeline seconds = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        seconds.setCycleCount(Timeline.INDEFINITE);
        seconds.play();
    }

    public Node root() {
        return root;
    }

    /** Paints the QR modules black on white, whatever the theme, so any phone camera reads it. */
    static WritableImage paint(boolean[][] modules) {
        int n = modules.length;
        WritableImage image = new WritableImage(n * MODULE_PX, n * MODULE_PX);
        PixelWriter out = image.getPixelWriter();
        for (int y = 0; y < n * MODULE_PX; y++) {
            for (int x = 0; x < n * MODULE_PX; x++) {
                out.setColor(x, y, modules[y / MODULE_PX][x / MODULE_PX] ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
