package app.retake.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Plain-words descriptions of file-system failures, for messages users read. */
public final class IoProblems {

    private IoProblems() {
    }

    /** What went wrong, without the path (callers name the file themselves). */
    public static String describe(IOException e) {
        // A wrapper that names the file (ours, or the JDK's) says what went wrong through its cause.
        if (!(e instanceof FileSystemException) && e.getCause() instanceof IOException cause) {
            return describe(cause);
        }
        if (isDiskFull(e)) {
            return "the disk is full";
        }
        if ("File too large".equals(e.getMessage())) {
            return "the file is larger than this system allows";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException fs && "Not a directory".equals(fs.getReason())) {
            return "part of the path is a file, not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Whether {@code e} (or what caused it) says the disk or the user's quota is full. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left") || message.contains("Disk quota exceeded")
                    || message.contains("There is not enough space")) {
                return true;
            }
            if (t instanceof FileSystemException fs && fs.getReason() != null
                    && fs.getReason().contains("No space left")) {
                return true;
            }
        }
        return false;
    }
}
