package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import app.retake.bank.MyQuestions;
import app.retake.bank.Question;
import app.retake.drill.Preparedness;
import app.retake.history.Attempt;
import app.retake.history.Debrief;
import app.retake.history.Debriefs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake debrief}: log a real interview, so what caught you out is drilled next. */
@Command(name = "debrief", mixinStandardHelpOptions = true,
        description = "Log a real interview, or list the ones logged.",
        subcommands = {DebriefCommand.Add.class, DebriefCommand.ListDebriefs.class})
public final class DebriefCommand {

    @ParentCommand
    RetakeCommand root;

    /** {@code retake debrief add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Logs a real interview: the questions you were asked and which caught you unprepared.",
                    "Unprepared questions go straight to the top of your weak spots; questions not in any bank are "
                            + "added to question-banks/" + MyQuestions.FILE_NAME + "."})
    static final class Add implements Callable<Integer> {

        @ParentCommand
        DebriefCommand debrief;

        @Spec
        CommandSpec spec;

        @Option(names = "--company", required = true, description = "Who interviewed you.")
        String company;

        @Option(names = "--role", defaultValue = "", description = "The role you applied for.")
        String role;

        @Option(names = "--date", description = "Day of the interview, YYYY-MM-DD (default: today).")
        LocalDate date;

        @Option(names = "--profile", defaultValue = Attempt.DEFAULT_PROFILE, description = "Who was interviewed.")
        String profile;

        @Option(names = "--asked", paramLabel = "ID", description = "A bank question you were asked (repeatable).")
        List<String> asked = new ArrayList<>();

        @Option(names = "--unprepared", paramLabel = "ID",
                description = "A bank question that caught you unprepared (repeatable; counts as asked).")
        List<String> unprepared = new ArrayList<>();

        @Option(names = "--new-question", paramLabel = "TEXT",
                description = "A question not in any bank that you were asked (repeatable).")
        List<String> newQuestions = new ArrayList<>();

        @Option(names = "--new-unprepared", paramLabel = "TEXT",
                description = "A question not in any bank that caught you unprepared (repeatable).")
        List<String> newUnprepared = new ArrayList<>();

        @Option(names = "--category", defaultValue = "real-interviews",
                description = "Category for new questions (default ${DEFAULT-VALUE}).")
        String category;

        @Option(names = "--lessons", defaultValue = "", description = "What you learned; what to change next time.")
        String lessons;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DrillContext context = DrillContext.load(debrief.root, profile, err);
            List<String> unknown = new ArrayList<>();
            Set<String> askedIds = new LinkedHashSet<>();
            Set<String> unpreparedIds = new HashSet<>();
            for (String id : asked) {
                context.library().find(id).ifPresentOrElse(q -> askedIds.add(q.id()), () -> unknown.add(id));
            }
            for (String id : unprepared) {
                context.library().find(id).ifPresentOrElse(q -> {
                    askedIds.add(q.id());
                    unpreparedIds.add(q.id());
                }, () -> unknown.add(id));
            }
            if (!unknown.isEmpty()) {
                err.println("No question has the id " + String.join(", ", unknown)
                        + ". Find ids with 'retake bank list', or type the question with --new-question.");
                err.flush();
                return 2;
            }
            if (askedIds.isEmpty() && newQuestions.isEmpty() && newUnprepared.isEmpty()) {
                err.println("Name at least one question you were asked (--asked, --unprepared, --new-question "
                        + "or --new-unprepared).");
                err.flush();
                return 2;
            }
            MyQuestions mine = new MyQuestions(context.locations().banksDir());
            Set<String> taken = context.library().questions().stream().map(Question::id).collect(Collectors.toSet());
            List<Question> added = new ArrayList<>();
            for (String text : newQuestions) {
                added.add(add(mine, text, taken, askedIds));
            }
            for (String text : newUnprepared) {
                Question q = add(mine, text, taken, askedIds);
                added.add(q);
                unpreparedIds.add(q.id());
            }
            Debrief entry = new Debrief(OffsetDateTime.now(), date == null ? LocalDate.now() : date, profile, company,
                    role, List.copyOf(askedIds), unpreparedIds, lessons);
            new Debriefs(context.locations().dataRoot(), context.log()).save(entry,
                    id -> context.library().find(id).map(Question::bank).orElse("my-questions"));
            for (Question q : added) {
                out.println("Added to " + mine.file().getFileName() + ": " + q.id() + "  " + q.text());
            }
            out.printf("Saved the debrief of %s on %s: %d question%s asked, %d unprepared.%n", company, entry.date(),
                    askedIds.size(), askedIds.size() == 1 ? "" : "s", unpreparedIds.size());
            Preparedness memory = Preparedness.replay(context.log().readAll().attempts(), profile);
            Instant now = Instant.now();
            for (String id : unpreparedIds) {
                out.printf(Locale.ROOT, "  on your unprepared list now: %-40s weakness %.2f%n", id,
                        memory.weakness(id, now));
            }
            out.flush();
            return 0;
        }

        private static Question add(MyQuestions mine, String text, Set<String> taken, Set<String> askedIds)
                throws IOException {
            Question q = mine.add(null, text, taken);
            taken.add(q.id());
            askedIds.add(q.id());
            return q;
        }
    }

    /** {@code retake debrief list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the interviews you have logged.")
    static final class ListDebriefs implements Callable<Integer> {

        @ParentCommand
        DebriefCommand debrief;

        @Spec
        CommandSpec spec;

        @Option(names = "--profile", defaultValue = Attempt.DEFAULT_PROFILE, description = "Whose interviews.")
        String profile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var root = debrief.root.locations();
            var result = new Debriefs(root.dataRoot(), app.retake.history.AttemptLog.in(root.dataRoot())).readAll();
            result.problems().forEach(p -> spec.commandLine().getErr().println("warning: " + p));
            List<Debrief> mine = result.debriefs().stream().filter(d -> d.profile().equalsIgnoreCase(profile)).toList();
            if (mine.isEmpty()) {
                out.println("No interviews logged yet for \"" + profile + "\". Log one with 'retake debrief add'.");
            }
            for (Debrief d : mine) {
                out.printf("%s  %s%s: %d asked, unprepared for %s%n", d.date(), d.company(),
                        d.role().isEmpty() ? "" : " (" + d.role() + ")", d.asked().size(),
                        d.unprepared().isEmpty() ? "none" : String.join(", ", d.unprepared()));
                if (!d.lessons().isEmpty()) {
                    out.println("    lessons: " + d.lessons().replace("\n", "\n             "));
                }
            }
            out.flush();
            return 0;
        }
    }
}
