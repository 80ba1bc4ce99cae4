package app.retake.capture;

/** A device could not be opened or failed; the message is a plain sentence for the user naming the device. */
public class DeviceException extends Exception {

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
