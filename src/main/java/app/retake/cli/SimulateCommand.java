package app.retake.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import app.retake.drill.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code retake simulate}: evidence that springing weak spots beats plain random practice. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates a learner practising a bank, 10 questions a day, under three strategies, and "
                + "prints how many takes each needs until 90%% of the bank is prepared (recall >= 0.8).",
                "See the Simulation class for exactly what the simulated learner assumes."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", defaultValue = "100", description = "Questions in the bank (default ${DEFAULT-VALUE}).")
    int questions;

    @Option(names = "--seed", defaultValue = "1", description = "First seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "20", description = "Seeds to average over (default ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BiFunction<Integer, Long, Simulation.Strategy>> strategies = List.of(
                Simulation::uniform, Simulation::leitner, Simulation::retake);
        double[] means = new double[strategies.size()];
        out.printf("%d questions, %d takes a day, seeds %d..%d%n", questions, 10, seed, seed + seeds - 1);
        out.printf("%-26s %10s %8s %8s %10s%n", "strategy", "mean takes", "min", "max", "not reached");
        for (int s = 0; s < strategies.size(); s++) {
            List<Integer> takes = new ArrayList<>();
            int missed = 0;
            String name = "";
            for (long k = seed; k < seed + seeds; k++) {
                Simulation.Outcome outcome = Simulation.run(questions, k, strategies.get(s).apply(questions, k));
                name = outcome.strategy();
                Optional<Integer> t = outcome.takes();
                if (t.isPresent()) {
                    takes.add(t.get());
                } else {
                    missed++;
                }
            }
            means[s] = takes.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-26s %10.1f %8d %8d %10d%n", name, means[s],
                    takes.stream().mapToInt(Integer::intValue).min().orElse(0),
                    takes.stream().mapToInt(Integer::intValue).max().orElse(0), missed);
        }
        out.printf(Locale.ROOT, "ratio retake/leitner = %.2f%n", means[2] / means[1]);
        out.printf(Locale.ROOT, "ratio retake/uniform = %.2f%n", means[2] / means[0]);
        out.flush();
        return 0;
    }
}
