package app.retake.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Whole-file rewrites that leave either the old or the new content on disk, never a torn mix. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target} via a synced temporary file and a rename. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target} via a synced temporary file and a rename. */
    public static void write(Path target, byte[] bytes) throws IOException {
        replace(target, temp -> Files.write(temp, bytes));
    }

    /** Fills a temporary file beside the target; whatever it writes becomes the target only once complete. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(Path temp) throws IOException;
    }

    /**
     * Replaces {@code target} with what {@code writing} puts in a temporary file in the same folder: the file is
     * synced, renamed over the target atomically, and the folder synced, so a crash leaves the old or the new
     * content, never a mix. The temporary file is removed if writing fails.
     */
    public static void replace(Path target, Writing writing) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            writing.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    // The rename itself is only durable once the directory entry is on disk; not every OS lets us sync a directory.
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; the rename is still atomic there.
        }
    }
}
