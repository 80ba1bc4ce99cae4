package app.retake.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import app.retake.bank.Question;
import app.retake.drill.QuestionMemory;
import app.retake.history.Attempt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake stats}: preparedness per question. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Per question you have answered: takes, last rating, weakness and trend, weakest first.")
public final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = Attempt.DEFAULT_PROFILE,
            description = "Whose history (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--unprepared", description = "Only the questions you are still unprepared for.")
    boolean unpreparedOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DrillContext context = DrillContext.load(root, profile, spec.commandLine().getErr());
        Instant now = Instant.now();
        record Row(String id, String category, QuestionMemory memory, double weakness) {
        }
        List<Row> rows = context.memory().memories().values().stream()
                .filter(m -> !unpreparedOnly || m.flaggedUnprepared())
                .map(m -> {
                    var q = context.library().find(m.questionId());
                    return new Row(q.map(Question::id).orElse(m.questionId()),
                            q.map(Question::category).orElse("(not in any bank)"), m,
                            context.memory().weakness(m.questionId(), now));
                })
                .sorted(Comparator.comparingDouble(Row::weakness).reversed().thenComparing(Row::id))
                .toList();
        if (rows.isEmpty()) {
            out.println(unpreparedOnly ? "You are not unprepared for any question (profile \"" + profile + "\")."
                    : "No rated takes yet for profile \"" + profile + "\". Practise a few questions first.");
            out.flush();
            return 0;
        }
        out.printf("%-40s %-20s %5s  %-10s %8s  %-9s %s%n", "question", "category", "takes", "last", "weakness",
                "trend", "last rated");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-40s %-20s %5d  %-10s %8.2f  %-9s %s%n", r.id(), r.category(),
                    r.memory().takes(), r.memory().lastRating().label(), r.weakness(), r.memory().trend().label(),
                    DrillContext.ago(r.memory().lastReview(), now));
        }
        long unprepared = rows.stream().filter(r -> r.memory().flaggedUnprepared()).count();
        int never = (int) context.library().questions().stream()
                .filter(q -> context.memory().isNew(q.id())).count();
        out.printf("%d question%s rated, %d still unprepared, %d never tried.%n", rows.size(),
                rows.size() == 1 ? "" : "s", unprepared, never);
        out.flush();
        return 0;
    }
}
