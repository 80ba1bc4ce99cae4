package app.retake.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bench startup}: time from launch to the first window on screen. */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Starts Retake --runs times in a fresh JVM and prints how long the first window took "
                + "to appear.", "Needs a display (run it under xvfb-run on a headless machine)."})
final class BenchStartup implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "Launches (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> command = relaunchCommand();
        Path data = Files.createTempDirectory("retake-bench-startup");
        command.addAll(List.of("--data", data.toString(), "--model",
                bench.root.locations().modelDir().toString(), "--exit-when-shown"));
        List<Double> sinceJvm = new ArrayList<>();
        List<Double> sinceLaunch = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long launched = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String marker = null;
            List<String> output = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (marker == null && line.startsWith(BenchCommand.STARTUP_MARKER)) {
                        marker = line;
                        sinceLaunch.add((System.nanoTime() - launched) / 1e6);
                    } else {
                        output.add(line);
                    }
                }
            }
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            if (marker == null) {
                out.println("FAILED: run " + run + " never showed a window. Its output:");
                output.stream().skip(Math.max(0, output.size() - 15)).forEach(l -> out.println("  " + l));
                out.println("A display is needed: on a headless machine run this under xvfb-run.");
                out.flush();
                return 1;
            }
            double ms = Double.parseDouble(marker.substring(BenchCommand.STARTUP_MARKER.length()).trim());
            sinceJvm.add(ms);
            out.printf(Locale.ROOT, "run %d: window shown %.0f ms after launch (%.0f ms after JVM start)%n",
                    run, sinceLaunch.get(run - 1), ms);
        }
        out.printf(Locale.ROOT, "median first window: %.0f ms after launch, %.0f ms after JVM start "
                + "(target: under 2000 ms)%n", BenchCommand.median(sinceLaunch), BenchCommand.median(sinceJvm));
        out.flush();
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return 0;
    }

    /** The command line that started this process, minus its arguments: the same program, the same JVM flags. */
    private static List<String> relaunchCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String launched = System.getProperty("sun.java.command", "").split(" ")[0];
        if (launched.endsWith(".jar")) {
            command.addAll(Arrays.asList("-jar", launched));
        } else {
            command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), launched));
        }
        return command;
    }
}
