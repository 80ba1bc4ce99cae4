package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import app.retake.history.Attempt;
import app.retake.progress.CsvExport;
import app.retake.progress.ProgressReport;
import app.retake.storage.IoProblems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake export}: the attempt history or the unprepared list as CSV. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes your attempt history and/or the questions you are still unprepared for as CSV, "
                + "for a spreadsheet or a coach.",
                "Cells a spreadsheet would run as a formula are written as text."})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--attempts", paramLabel = "FILE", description = "Write every take of the profile here.")
    Path attempts;

    @Option(names = "--unprepared", paramLabel = "FILE",
            description = "Write the unprepared list here, worst first, with talking points.")
    Path unprepared;

    @Option(names = "--profile", defaultValue = Attempt.DEFAULT_PROFILE,
            description = "Whose history (default ${DEFAULT-VALUE}).")
    String profile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (attempts == null && unprepared == null) {
            err.println("Say what to export: --attempts FILE, --unprepared FILE, or both.");
            err.flush();
            return 2;
        }
        DrillContext context = DrillContext.load(root, profile, err);
        List<Attempt> rows = context.log().readAll().attempts().stream()
                .filter(a -> a.profile().equalsIgnoreCase(profile)).toList();
        ZoneId zone = ZoneId.systemDefault();
        try {
            if (attempts != null) {
                int n = CsvExport.writeAttempts(attempts, rows, context.library());
                out.printf("Wrote %d row%s (takes of \"%s\") to %s%n", n, n == 1 ? "" : "s", profile, attempts);
            }
            if (unprepared != null) {
                ProgressReport report = ProgressReport.compute(rows, context.library(), profile, Instant.now(),
                        zone);
                int n = CsvExport.writeUnprepared(unprepared, report.unprepared(), zone);
                out.printf("Wrote %d row%s (unprepared questions of \"%s\") to %s%n", n, n == 1 ? "" : "s", profile,
                        unprepared);
            }
        } catch (IOException e) {
            err.println("Could not write the export: " + IoProblems.describe(e));
            err.flush();
            out.flush();
            return 1;
        }
        out.flush();
        return 0;
    }
}
