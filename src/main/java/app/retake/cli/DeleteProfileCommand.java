package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import app.retake.privacy.ProfileErasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake delete-profile NAME --yes}: deletes every take, attempt row and debrief of one profile. */
@Command(name = "delete-profile", mixinStandardHelpOptions = true,
        description = {"Deletes everything of one profile: its takes (recordings, transcripts, subtitles, reviews), "
                + "its rows in the attempt log and its debriefs. Other profiles are not touched.",
                "Refuses, deleting nothing, when the attempt log or the debriefs file has rows it cannot read."})
public final class DeleteProfileCommand implements Callable<Integer> {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The profile whose data to delete.")
    String profile;

    @Option(names = "--yes", description = "Confirm: without it nothing is deleted. This cannot be undone.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (profile == null || profile.isBlank()) {
            err.println("Name the profile to delete.");
            err.flush();
            return 2;
        }
        if (!yes) {
            err.println("This deletes every take, attempt row and debrief of \"" + profile.strip() + "\" and cannot "
                    + "be undone. Add --yes to confirm.");
            err.flush();
            return 2;
        }
        try {
            ProfileErasure.Result result = ProfileErasure.erase(root.locations().dataRoot(), profile);
            out.println(result.summary());
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }
}
