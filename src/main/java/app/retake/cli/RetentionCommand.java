package app.retake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import app.retake.privacy.VideoRetention;
import app.retake.settings.Privacy;
import app.retake.settings.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake retention}: deletes videos older than the "keep videos for" setting, as the app does at start. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Deletes the videos of takes older than \"Keep videos for N days\" in Settings (the window does "
                + "this each time it starts) and prints each one. Transcripts, measurements and ratings are kept.",
                "A take that has not been transcribed yet keeps its video until it has been."})
public final class RetentionCommand implements Callable<Integer> {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Only print what would be deleted.")
    boolean dryRun;

    @Option(names = "--days", paramLabel = "N",
            description = "Keep videos for N days instead of what Settings says (0 keeps them forever).")
    Integer days;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = root.locations().dataRoot();
        SettingsStore.Loaded loaded = SettingsStore.in(data).load();
        loaded.problems().forEach(err::println);
        if (days != null && (days < 0 || days > Privacy.MAX_DAYS)) {
            err.println("--days must be from 0 (keep forever) to " + Privacy.MAX_DAYS + ".");
            err.flush();
            return 2;
        }
        int keep = days != null ? days : loaded.settings().privacy().keepVideoDays();
        VideoRetention.Outcome outcome = VideoRetention.run(data, keep, LocalDate.now(), dryRun);
        Path shown = data.toAbsolutePath().normalize();
        for (Path video : outcome.deleted()) {
            out.println((dryRun ? "would delete " : "deleted ") + shown.relativize(video));
        }
        for (Path video : outcome.waiting()) {
            out.println("kept " + shown.relativize(video) + " (not transcribed yet)");
        }
        outcome.problems().forEach(err::println);
        out.println(outcome.summary());
        out.flush();
        err.flush();
        return outcome.problems().isEmpty() ? 0 : 1;
    }
}
