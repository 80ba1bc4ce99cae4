package app.retake.speech;

import java.nio.file.Path;
import java.time.Duration;

/** Where the speech model stands: loading, ready, absent, or broken. */
public sealed interface ModelStatus {

    /** The folder the model is (or would be) loaded from. */
    Path dir();

    /** Not loaded yet; loading may be under way. */
    record Loading(Path dir) implements ModelStatus {
    }

    /** Loaded and usable. */
    record Ready(Path dir, Duration loadTime) implements ModelStatus {
    }

    /** No model at {@code dir}. */
    record Missing(Path dir) implements ModelStatus {
    }

    /** A model is there but could not be loaded. */
    record Failed(Path dir, String reason) implements ModelStatus {
    }
}
