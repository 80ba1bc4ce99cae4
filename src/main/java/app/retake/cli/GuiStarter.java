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
}
