package app.retake.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import app.retake.drill.DrillSession;
import app.retake.drill.SessionPlan;
import app.retake.drill.SpringFilter;
import app.retake.drill.SpringPicker;
import app.retake.drill.WeakSpots;
import app.retake.history.Attempt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake spring}: the questions the picker would spring next. */
@Command(name = "spring", mixinStandardHelpOptions = true,
        description = "Shows the questions Retake would spring next, with each one's weakness (0 = answered well "
                + "recently, 1 = needs practice most).")
public final class SpringCommand implements Callable<Integer> {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "5", description = "How many questions (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", description = "Seed for repeatable picks (default: random).")
    Long seed;

    @Option(names = "--profile", defaultValue = Attempt.DEFAULT_PROFILE,
            description = "Whose history to use (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--bank", paramLabel = "NAME", description = "Only this bank (repeatable).")
    List<String> banks;

    @Option(names = "--category", paramLabel = "C", description = "Only this category (repeatable).")
    List<String> categories;

    @Option(names = "--tag", paramLabel = "T", description = "Only questions with this tag (repeatable).")
    List<String> tags;

    @Option(names = "--unprepared", description = "Only questions still on the unprepared list.")
    boolean unpreparedOnly;

    @Option(names = "--new", description = "Only questions never rated.")
    boolean newOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DrillContext context = DrillContext.load(root, profile, spec.commandLine().getErr());
        SpringFilter filter = new SpringFilter(set(banks), set(categories), set(tags), unpreparedOnly, newOnly);
        SpringPicker picker = new SpringPicker(seed == null ? new SplittableRandom() : new SplittableRandom(seed));
        Clock clock = Clock.systemDefaultZone();
        // A preview never lists more questions than pass the filters, even though a real drill would repeat them.
        int passing = WeakSpots.passing(context.library().questions(), context.memory(), filter).size();
        DrillSession session = new DrillSession(new SessionPlan.QuickDrill(Math.max(1, Math.min(count, passing)), filter),
                context.library().questions(), context::memory, picker, clock);
        Instant now = clock.instant();
        int n = 0;
        for (var next = session.next(); next.isPresent(); next = session.next()) {
            var c = next.get();
            n++;
            out.printf(Locale.ROOT, "%2d. %-40s weakness %.2f  %-20s %s%n", n, c.question().id(), c.weakness(),
                    c.question().category(), DrillContext.describe(context.memory(), c.question().id(), now));
            out.printf("    %s%n", c.question().text());
        }
        if (n == 0) {
            out.println(unpreparedOnly ? "Nothing is on the unprepared list for \"" + profile + "\". Well done."
                    : "No question matches those filters.");
        }
        out.flush();
        return 0;
    }

    private static java.util.Set<String> set(List<String> values) {
        return values == null ? java.util.Set.of() : new HashSet<>(values);
    }
}
