package app.retake.capture;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Opens the microphone a setting or command-line option names. */
public final class Microphones {

    /** The spec for the system's default capture device. */
    public static final String DEFAULT = "default";
    /** The spec for recording without sound. */
    public static final String NONE = "none";
    /** Prefix of the spec for a WAV file played, looping, in real time. */
    public static final String FILE_PREFIX = "file:";

    private Microphones() {
    }

    /**
     * Opens a microphone from its spec: {@code default}, {@code none} (no microphone: empty), {@code file:PATH}
     * (a WAV file played in a loop) or the name of a sound-system mixer. A sound card is only claimed when the
     * microphone is started; a file is checked now.
     */
    public static Optional<Microphone> open(String spec) throws DeviceException {
        String trimmed = spec == null ? "" : spec.strip();
        if (trimmed.isEmpty()) {
            throw new DeviceException("No microphone was named. Use default, none, file:PATH or a device name.");
        }
        String keyword = trimmed.toLowerCase(Locale.ROOT);
        if (keyword.equals(NONE)) {
            return Optional.empty();
        }
        if (keyword.equals(DEFAULT)) {
            return Optional.of(new LineMicrophone(null));
        }
        if (keyword.startsWith(FILE_PREFIX)) {
            String path = trimmed.substring(FILE_PREFIX.length());
            if (path.isEmpty()) {
                throw new DeviceException("No sound file was named after \"file:\".");
            }
            return Optional.of(new FileMicrophone(Path.of(path), true));
        }
        return Optional.of(new LineMicrophone(trimmed));
    }
}
