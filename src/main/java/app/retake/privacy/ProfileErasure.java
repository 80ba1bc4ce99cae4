package app.retake.privacy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.QuestionLibrary;
import app.retake.history.AttemptLog;
import app.retake.history.Debriefs;
import app.retake.progress.Deletion;
import app.retake.progress.TakeHistory;

/**
 * "Delete everything for a profile": every take of the profile (recording, transcript, subtitles, review file,
 * markers), its rows in the attempt log, and its debriefs of real interviews. Other profiles' takes and rows are
 * left exactly as they were.
 *
 * <p>Refuses, deleting nothing, when the attempt log or the debriefs file has rows it cannot read: rewriting them
 * would drop those rows, which may belong to anyone. Run it on the thread that appends to the attempt log.
 */
public final class ProfileErasure {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileErasure.class);

    private ProfileErasure() {
    }

    /** What was deleted: the takes (files and log rows, as {@link TakeHistory#delete} reports) and the debriefs. */
    public record Result(String profile, Deletion takes, int debriefs) {

        /** One sentence for the user. */
        public String summary() {
            int rows = takes.rowsRemoved();
            if (rows == 0 && debriefs == 0) {
                return "There was nothing of " + profile + " to delete." + notes();
            }
            return "Deleted everything of " + profile + ": " + rows + (rows == 1 ? " row" : " rows")
                    + " of the attempt log, " + takes.filesDeleted().size()
                    + (takes.filesDeleted().size() == 1 ? " file" : " files") + " and " + debriefs
                    + (debriefs == 1 ? " debrief" : " debriefs") + "." + notes();
        }

        private String notes() {
            return takes.notes().isEmpty() ? "" : " " + String.join(" ", takes.notes());
        }
    }

    /**
     * Deletes every take, attempt row and debrief of {@code profile} (names compare ignoring case) under
     * {@code dataRoot}.
     *
     * @throws IOException with a sentence for the user when a file has unreadable rows (nothing is deleted then)
     *                     or a file cannot be rewritten
     */
    public static Result erase(Path dataRoot, String profile) throws IOException {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("Name the profile to delete.");
        }
        String name = profile.strip();
        AttemptLog log = AttemptLog.in(dataRoot);
        AttemptLog.History history = log.readAll();
        if (!history.problems().isEmpty()) {
            throw new IOException("The attempt log " + log.file() + " has " + history.problems().size()
                    + " row(s) Retake cannot read (first: " + history.problems().get(0).describe(dataRoot)
                    + "). Deleting now could drop other people's rows, so nothing was deleted. Fix or remove those "
                    + "rows first.");
        }
        Debriefs debriefs = new Debriefs(dataRoot, log);
        var read = debriefs.readAll();
        if (!read.problems().isEmpty()) {
            throw new IOException("The debriefs file has rows Retake cannot read (first: " + read.problems().get(0)
                    + "), so nothing was deleted. Fix or remove those rows first.");
        }
        // Only the rows and files matter here, not the questions' wording: no banks are read.
        QuestionLibrary noBanks = new QuestionLibrary(dataRoot, List.of(), List.of());
        TakeHistory takes = TakeHistory.of(dataRoot, history.attempts(), noBanks, name, ZoneId.systemDefault());
        Deletion deleted = takes.takes().isEmpty() ? new Deletion(0, List.of(), List.of(), List.of())
                : takes.delete(takes.takes());
        int debriefRows = debriefs.removeProfile(name);
        Result result = new Result(name, deleted, debriefRows);
        LOG.info("Deleted the data of a profile: {} log rows, {} files, {} debriefs", deleted.rowsRemoved(),
                deleted.filesDeleted().size(), debriefRows);
        return result;
    }
}
