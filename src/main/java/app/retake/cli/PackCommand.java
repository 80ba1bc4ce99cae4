package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import app.retake.bank.Question;
import app.retake.drill.DrillSession;
import app.retake.drill.SessionPlan;
import app.retake.drill.SpringPicker;
import app.retake.history.Attempt;
import app.retake.review.InterviewPack;
import app.retake.storage.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake pack}: a printable interview pack for a friend who runs the mock interview from paper. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Writes an HTML page of interview questions with what a strong answer covers, follow-ups, "
                + "flags to tick and an empty rubric, for a friend to run the interview from paper.",
                "Without --question it plans a full mock interview leaning on your weak spots."})
public final class PackCommand implements Callable<Integer> {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path out;

    @Option(names = "--question", paramLabel = "ID", description = "A question to include (repeatable, in order).")
    List<String> ids;

    @Option(names = "--count", defaultValue = "8", description = "Questions in a planned mock (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--profile", defaultValue = Attempt.DEFAULT_PROFILE,
            description = "Whose weak spots to plan from (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--candidate", description = "Name printed in the heading.")
    String candidate;

    @Option(names = "--seed", description = "Seed for a repeatable plan.")
    Long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DrillContext context = DrillContext.load(root, profile, err);
        List<Question> questions = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) {
                Optional<Question> q = context.library().find(id);
                if (q.isEmpty()) {
                    err.println("No question with id \"" + id + "\" in " + context.locations().banksDir()
                            + " (see: retake bank list).");
                    err.flush();
                    return 2;
                }
                questions.add(q.get());
            }
        } else {
            if (count < 3) {
                err.println("A planned mock interview needs --count 3 or more; or name questions with --question.");
                err.flush();
                return 2;
            }
            DrillSession session = new DrillSession(new SessionPlan.FullMock(count, 2), context.library().questions(),
                    context::memory, new SpringPicker(seed == null ? new SplittableRandom() : new SplittableRandom(seed)),
                    Clock.systemDefaultZone());
            for (var next = session.next(); next.isPresent(); next = session.next()) {
                questions.add(next.get().question());
            }
        }
        if (questions.isEmpty()) {
            err.println("There are no questions to put in the pack: the banks in " + context.locations().banksDir()
                    + " are empty.");
            err.flush();
            return 2;
        }
        Path target = out.toAbsolutePath();
        if (target.getParent() != null) {
            java.nio.file.Files.createDirectories(target.getParent());
        }
        AtomicFiles.writeString(target, InterviewPack.html(candidate, questions, LocalDate.now()));
        stdout.println("Wrote " + questions.size() + " questions to " + target);
        stdout.flush();
        return 0;
    }
}
