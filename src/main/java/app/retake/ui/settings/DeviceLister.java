package app.retake.ui.settings;

import java.util.List;

/**
 * Names the cameras and microphones this computer has, for the Settings page's choosers. A search can take seconds,
 * so the page only calls it on a background executor.
 */
public interface DeviceLister {

    /** Names of the real cameras found, first camera first. */
    List<String> cameras();

    /** Names of the capture devices found. */
    List<String> microphones();
}
