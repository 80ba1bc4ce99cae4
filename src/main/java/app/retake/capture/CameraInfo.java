package app.retake.capture;

import java.util.List;

/** A camera the machine offers, with the frame sizes it reports. */
public record CameraInfo(String name, List<Resolution> resolutions) {

    public CameraInfo {
        resolutions = List.copyOf(resolutions);
    }
}
