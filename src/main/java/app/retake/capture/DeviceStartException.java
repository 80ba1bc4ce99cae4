package app.retake.capture;

/**
 * A camera or microphone that would not start for a take; says which, so the take can start again without it
 * (a device unplugged since the last take, or taken by another program).
 */
public final class DeviceStartException extends DeviceException {

    private final boolean camera;

    public DeviceStartException(DeviceException cause, boolean camera) {
        super(cause.getMessage(), cause);
        this.camera = camera;
    }

    /** True when it was the camera, false when it was the microphone. */
    public boolean camera() {
        return camera;
    }
}
