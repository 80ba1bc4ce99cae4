package app.retake.cli;

import app.retake.storage.Locations;

/** Opens the desktop window; given to the CLI by the launcher so that the CLI need not know the UI. */
@FunctionalInterface
public interface GuiStarter {

    /**
     * Opens the main window and blocks until it closes.
     *
     * @param exitWhenShown close again as soon as the first window is on screen (start-up measurement)
     * @return the process exit code
     */
    int start(Locations locations, boolean exitWhenShown);

    /** What {@code bench ui} records with: the take's length and the devices' specs. */
    record UiBenchOptions(double seconds, String camera, String microphone, app.retake.capture.Resolution size) {
    }

    /**
     * Opens the window, records one take through the practice loop and prints what it measured to {@code out}.
     *
     * @return the process exit code
     */
    default int benchUi(Locations locations, UiBenchOptions options, java.io.PrintWriter out) {
        out.println("This build cannot open a window.");
        return 2;
    }

    /**
     * Opens the main window, minimised with ambush mode on if {@code ambush}, and blocks until it closes. A starter
     * that knows nothing of ambush mode (a test's lambda) just opens the window.
     */
    default int start(Locations locations, boolean exitWhenShown, boolean ambush) {
        return start(locations, exitWhenShown);
    }
}
