package app.retake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import app.retake.bank.Question;
import app.retake.bank.QuestionBank;
import app.retake.bank.QuestionLibrary;
import app.retake.storage.FileProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bank}: check and list question banks. */
@Command(name = "bank", mixinStandardHelpOptions = true, description = "Check and list question banks.",
        subcommands = {BankCommand.Check.class, BankCommand.ListQuestions.class})
public final class BankCommand {

    @ParentCommand
    RetakeCommand root;

    QuestionLibrary loadDefault() {
        return QuestionLibrary.loadFolder(root.locations().banksDir());
    }

    static Path workingDir() {
        return Path.of("").toAbsolutePath();
    }

    /** {@code retake bank check [FILE…]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validates question banks: prints 'N questions in M categories' per file and "
                    + "FILE:LINE: reason for every bad row.", "Exits 1 if any problem is found."})
    static final class Check implements Callable<Integer> {

        @ParentCommand
        BankCommand bank;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "Bank files to check (default: every CSV in the question bank folder).")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            long start = System.nanoTime();
            QuestionLibrary library = files == null || files.isEmpty()
                    ? bank.loadDefault() : QuestionLibrary.loadFiles(files);
            double seconds = (System.nanoTime() - start) / 1e9;
            Path base = workingDir();
            for (FileProblem problem : library.folderProblems()) {
                out.println(problem.describe(base));
            }
            for (QuestionBank b : library.banks()) {
                out.printf("%s: %d questions in %d categories%n", shown(b.file(), base), b.questions().size(),
                        b.countsByCategory().size());
                for (FileProblem problem : b.problems()) {
                    out.println(problem.describe(base));
                }
            }
            int problems = library.problems().size();
            out.printf(Locale.ROOT, "%s: %d questions in %d files, %d problem%s (read in %.2f s)%n",
                    problems == 0 ? "OK" : "FAILED", library.questions().size(), library.banks().size(), problems,
                    problems == 1 ? "" : "s", seconds);
            out.flush();
            return problems == 0 ? 0 : 1;
        }

        private static String shown(Path file, Path base) {
            Path absolute = file.toAbsolutePath().normalize();
            return absolute.startsWith(base) ? base.relativize(absolute).toString() : file.toString();
        }
    }

    /** {@code retake bank list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the questions of every bank, one per line: id, category, question.")
    static final class ListQuestions implements Callable<Integer> {

        @ParentCommand
        BankCommand bank;

        @Spec
        CommandSpec spec;

        @Option(names = "--category", paramLabel = "C", description = "Only questions in this category.")
        String category;

        @Option(names = "--tag", paramLabel = "T", description = "Only questions with this tag.")
        String tag;

        @Override
        public Integer call() {
            QuestionLibrary library = bank.loadDefault();
            List<Question> questions = library.filter(category, tag);
            PrintWriter out = spec.commandLine().getOut();
            int idWidth = questions.stream().mapToInt(q -> q.id().length()).max().orElse(2);
            int categoryWidth = questions.stream().mapToInt(q -> q.category().length()).max().orElse(8);
            for (Question q : questions) {
                out.printf("%-" + idWidth + "s  %-" + categoryWidth + "s  %s%n", q.id(), q.category(), q.text());
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            if (questions.isEmpty()) {
                err.println("No questions match" + (category != null ? " category \"" + category + "\"" : "")
                        + (tag != null ? " tag \"" + tag + "\"" : "") + ". Categories: "
                        + String.join(", ", library.countsByCategory().keySet()));
            }
            int skipped = library.problems().size();
            if (skipped > 0) {
                err.println(skipped + " problem" + (skipped == 1 ? "" : "s")
                        + " in the banks; run 'retake bank check' to see them.");
            }
            err.flush();
            return 0;
        }
    }
}
