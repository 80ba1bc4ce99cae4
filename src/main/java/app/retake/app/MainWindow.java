package app.retake.app;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.retake.capture.CameraDiscovery;
import app.retake.capture.DeviceScan;
import app.retake.capture.TakeRecorder;
import app.retake.doctor.Finding;
import app.retake.doctor.Findings;
import app.retake.ui.banks.BanksModel;
import app.retake.ui.banks.BanksView;
import app.retake.ui.common.FxTasks;
import app.retake.ui.common.PlaceholderPage;
import app.retake.ui.shell.Page;
import app.retake.ui.shell.ShellModel;
import app.retake.ui.shell.ShellView;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Builds the main window from the services and starts the background checks that fill its status area. */
public final class MainWindow {

    private final Services services;
    private final ShellModel shell = new ShellModel();
    private final BanksModel banks;
    private final Scene scene;

    MainWindow(Services services) {
        this.services = services;
        this.banks = new BanksModel(services.locations.banksDir(), services.files);
        Map<Page, Node> pages = new EnumMap<>(Page.class);
        pages.put(Page.PRACTICE, new PlaceholderPage("practice-page", "Practice",
                "Springing questions and recording answers are not in this build yet. Meanwhile, browse the "
                        + "question banks (Ctrl+4)."));
        pages.put(Page.REVIEW, new PlaceholderPage("review-page", "Review",
                "Watching a take back with its transcript and measurements is not in this build yet."));
        pages.put(Page.PROGRESS, new PlaceholderPage("progress-page", "Progress",
                "Your weak spots and progress across sessions are not in this build yet."));
        pages.put(Page.BANKS, new BanksView(banks).root());
        ShellView view = new ShellView(shell, pages);
        scene = new Scene(view.root(), 1100, 720);
        view.installShortcuts(scene);
        var css = MainWindow.class.getResource("/app/retake/ui/retake.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
    }

    /** Applies the theme; call once on the FX thread before the first window is built. */
    static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** Puts the window's scene on {@code stage}. */
    void attach(Stage stage) {
        stage.setTitle("Retake — mock interview trainer");
        stage.setMinWidth(860);
        stage.setMinHeight(560);
        stage.setScene(scene);
    }

    BanksModel banks() {
        return banks;
    }

    /** Starts the checks and loads; each reports back on the FX thread. */
    void startBackgroundWork() {
        banks.reload();
        services.speech.addListener(status -> Platform.runLater(() -> shell.report(Findings.model(status))));
        shell.report(Findings.model(services.speech.status()));
        services.speech.loadInBackground();
        FxTasks.supply(services.devices, () -> Findings.camera(services.cameras.scan(CameraDiscovery.SEARCH_LIMIT)),
                shell::report, e -> shell.report(Findings.camera(DeviceScan.failed(String.valueOf(e)))));
        FxTasks.supply(services.devices, () -> Findings.microphone(services.microphones.scan()), shell::report,
                e -> shell.report(Findings.microphone(DeviceScan.failed(String.valueOf(e)))));
        FxTasks.supply(services.files, () -> Findings.data(services.locations,
                        TakeRecorder.repair(services.locations.dataRoot())), shell::report,
                e -> shell.report(new Finding(Finding.Subject.DATA, Finding.Level.PROBLEM,
                        "Could not check the data folder " + services.locations.dataRoot() + ": " + e.getMessage(),
                        List.of())));
    }
}
