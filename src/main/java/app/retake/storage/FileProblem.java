package app.retake.storage;

import java.nio.file.Path;

/**
 * Something wrong in a data file (a bank, the attempt log), pinned to the line where the offending row starts.
 *
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 */
public record FileProblem(Path file, long line, String reason) {

    /** {@code FILE:LINE: reason}, with the file shown relative to {@code base} when it lies below it. */
    public String describe(Path base) {
        Path shown = file;
        if (base != null) {
            Path absolute = file.toAbsolutePath().normalize();
            Path root = base.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                shown = root.relativize(absolute);
            }
        }
        return line > 0 ? shown + ":" + line + ": " + reason : shown + ": " + reason;
    }

    @Override
    public String toString() {
        return describe(null);
    }
}
