package app.retake.app;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.cli.BenchCommand;
import app.retake.cli.GuiStarter;
import app.retake.storage.Locations;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the desktop window. Started with {@link Platform#startup} rather than {@code Application.launch} so the
 * window's services are built here and handed in through constructors, with no static state.
 */
final class RetakeGui implements GuiStarter {

    private static final Logger LOG = LoggerFactory.getLogger(RetakeGui.class);

    @Override
    public int start(Locations locations, boolean exitWhenShown) {
        return start(locations, exitWhenShown, false);
    }

    @Override
    public int start(Locations locations, boolean exitWhenShown, boolean ambush) {
        CountDownLatch closed = new CountDownLatch(1);
        // The services (settings file, model service) are built while the window toolkit starts, not before it.
        CompletableFuture<Services> building = CompletableFuture.supplyAsync(() -> new Services(locations));
        try (Closing services = new Closing(building)) {
            try {
                Platform.startup(() -> open(building.join(), exitWhenShown, ambush, closed));
            } catch (RuntimeException e) {
                // The toolkit never started, so there is nothing to exit: Platform.exit() would wait for it forever.
                LOG.error("Cannot start the window toolkit", e);
                System.err.println("Retake cannot open its window: " + e.getMessage() + ".");
                System.err.println("Is a desktop session running (DISPLAY set)? The commands work without one: "
                        + "retake --help");
                return 2;
            }
            try {
                closed.await();
            } finally {
                Platform.exit();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Closes the services once they are built, however the window ended. */
    private record Closing(CompletableFuture<Services> services) implements AutoCloseable {
        @Override
        public void close() {
            services.join().close();
        }
    }

    @Override
    public int benchUi(Locations locations, UiBenchOptions options, java.io.PrintWriter out) {
        try {
            return new UiBench(locations, options, out).run();
        } catch (java.io.IOException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void open(Services services, boolean exitWhenShown, boolean ambush, CountDownLatch closed) {
        try {
            MainWindow.applyTheme();
            MainWindow window = new MainWindow(services);
            Stage stage = new Stage();
            window.attach(stage);
            stage.setOnCloseRequest(e -> window.closing());
            stage.setOnHidden(e -> closed.countDown());
            if (exitWhenShown) {
                stage.setOnShown(e -> {
                    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println(BenchCommand.STARTUP_MARKER + sinceStart);
                    System.out.flush();
                    Platform.runLater(stage::close);
                });
            }
            if (ambush) {
                // Ambush mode keeps out of the way until it springs a question.
                stage.setIconified(true);
            }
            stage.show();
            window.startBackgroundWork();
            if (ambush) {
                window.ambush().arm();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("The window could not be built", e);
            System.err.println("Retake could not open its window: " + e + ". Details are in the log file.");
            closed.countDown();
        }
    }
}
