package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import app.retake.bank.BankReader;
import app.retake.bank.BankWriter;
import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.bank.QuestionBank;
import app.retake.bank.QuestionLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bench banks}: how long a large bank takes to load. */
@Command(name = "banks", mixinStandardHelpOptions = true,
        description = "Writes a bank of --rows realistic rows to a temporary file and times loading it.")
final class BenchBanks implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "100000", description = "Rows in the generated bank (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--runs", defaultValue = "5", description = "Timed loads (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Question> templates = QuestionLibrary.loadFolder(bench.root.locations().banksDir()).questions();
        if (templates.isEmpty()) {
            templates = List.of(new Question("q", "behavioural", "Tell me about a time you disagreed with a colleague.",
                    List.of("the situation", "what you did", "the result"), List.of("What would you change?"),
                    List.of("star"), Difficulty.MEDIUM, "bench", java.util.Map.of(), "", 0));
        }
        List<Question> generated = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Question t = templates.get(i % templates.size());
            generated.add(new Question(t.id() + "-" + i, t.category(), t.text(), t.talkingPoints(), t.followUps(),
                    t.tags(), t.difficulty(), t.source(), t.extra(), "", 0));
        }
        Path dir = Files.createTempDirectory("retake-bench-banks");
        Path file = dir.resolve("bench.csv");
        try {
            new BankWriter().write(file, List.of(), generated);
            out.printf(Locale.ROOT, "bank: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
            BankReader reader = new BankReader();
            // The first read in a fresh JVM pays for class loading and an unwarmed JIT, as a user's 'bank check'
            // does; it is shown apart from the steady figure below.
            long coldStart = System.nanoTime();
            reader.read(file);
            out.printf(Locale.ROOT, "first read in this JVM (cold): %.3f s%n", (System.nanoTime() - coldStart) / 1e9);
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                QuestionBank bank = reader.read(file);
                double s = (System.nanoTime() - start) / 1e9;
                seconds.add(s);
                out.printf(Locale.ROOT, "run %d: %d questions, %d problems in %.3f s%n", run,
                        bank.questions().size(), bank.problems().size(), s);
                if (bank.questions().size() != rows || !bank.problems().isEmpty()) {
                    out.println("FAILED: the generated bank did not read back whole");
                    return 1;
                }
            }
            double m = BenchCommand.median(seconds);
            out.printf(Locale.ROOT, "median load time: %.3f s for %d rows (%.0f rows/s)%n", m, rows, rows / m);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        out.flush();
        return 0;
    }
}
