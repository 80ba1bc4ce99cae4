package app.retake.progress;

import java.nio.file.Path;
import java.util.List;

/**
 * What deleting takes did: the log rows removed, the files and emptied folders removed, and anything left alone
 * with the reason.
 *
 * @param notes one plain sentence per file kept or not deleted, and why
 */
public record Deletion(int rowsRemoved, List<Path> filesDeleted, List<Path> foldersRemoved, List<String> notes) {

    public Deletion {
        filesDeleted = List.copyOf(filesDeleted);
        foldersRemoved = List.copyOf(foldersRemoved);
        notes = List.copyOf(notes);
    }

    /** One sentence for the status line. */
    public String summary() {
        if (rowsRemoved == 0) {
            return notes.isEmpty() ? "Nothing was deleted." : String.join(" ", notes);
        }
        String text = "Deleted " + rowsRemoved + (rowsRemoved == 1 ? " take" : " takes") + " from the history and "
                + filesDeleted.size() + (filesDeleted.size() == 1 ? " file" : " files") + " from disk.";
        return notes.isEmpty() ? text : text + " " + String.join(" ", notes);
    }
}
