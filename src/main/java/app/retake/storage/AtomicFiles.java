package app.retake.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Whole-file rewrites that leave either the old or the new content on disk, never a torn mix. */
public final class AtomicFiles {

    /**
     * Names of the temporary files {@link #replace} writes: {@code .<target name>.<random digits>.tmp}. A process
     * killed mid-write leaves one behind; no reader looks at such names, and {@link #removeLeftovers} clears them.
     */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.\\d+\\.tmp");

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
     * content, never a mix. The temporary file is removed if writing fails (a full disk, say), and the target is
     * then untouched.
     */
    public static void replace(Path target, Writing writing) throws IOException {
        try {
            replaceOrFail(target, writing);
        } catch (SaveFailed e) {
            throw e;
        } catch (IOException e) {
            throw new SaveFailed(target + " could not be saved (" + IoProblems.describe(e) + "); "
                    + (Files.exists(target) ? "the copy on disk is unchanged" : "nothing was written"), e);
        }
    }

    /** A rewrite that failed, its message naming the file in plain words; the file is as it was. */
    private static final class SaveFailed extends IOException {
        SaveFailed(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static void replaceOrFail(Path target, Writing writing) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            keepPermissions(target, temp);
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

    /** Whether {@code file} is named like a temporary file {@link #replace} writes. */
    public static boolean isLeftover(Path file) {
        Path name = file.getFileName();
        return name != null && TEMP_NAME.matcher(name.toString()).matches();
    }

    /**
     * Deletes temporary files a killed process left in {@code dir} and the folders below it (to {@code depth}
     * levels), when last changed more than {@code olderThan} ago: a younger one may belong to a rewrite still
     * under way in another Retake process. Never throws.
     *
     * @return the files deleted
     */
    public static List<Path> removeLeftovers(Path dir, int depth, Duration olderThan) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        Instant cutoff = Instant.now().minus(olderThan);
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            for (Path file : walk.filter(AtomicFiles::isLeftover).toList()) {
                try {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                            && !Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                        Files.delete(file);
                        removed.add(file);
                    }
                } catch (IOException e) {
                    // gone meanwhile, or not ours to delete: readers ignore it either way
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable folder holds nothing we could clear
        }
        return removed;
    }

    // A new file is created readable by its owner only; a rewrite should not quietly change who may read the file.
    private static void keepPermissions(Path target, Path temp) {
        try {
            PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (from != null && to != null && Files.exists(target)) {
                to.setPermissions(from.readAttributes().permissions());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // keep the temporary file's own permissions
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
