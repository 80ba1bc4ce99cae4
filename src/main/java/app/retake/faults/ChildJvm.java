package app.retake.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second Java process on this process's class path, to be killed with SIGKILL at a chosen moment: the only honest
 * way to try what a crash, a power-off or a user's {@code kill -9} does to files being written, since no code in the
 * killed process runs afterwards.
 *
 * <p>Only complete lines of its output count (a line cut off by the kill was never said), which is what lets a trial
 * trust "saved 17" to mean save 17 had returned.
 */
final class ChildJvm implements AutoCloseable {

    /** Startup flags: a short-lived child that writes files needs no optimising compiler and little memory. */
    private static final List<String> FLAGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-Djava.awt.headless=true");

    private final Process process;
    private final Path errors;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.reader = new Thread(() -> readLines(process.getInputStream()), "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The {@code java} that runs this process. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code mainClass} with {@code args}; its error output and log go to {@code logDir}. */
    static ChildJvm start(Path logDir, Class<?> mainClass, List<String> args) throws IOException {
        return start(logDir, List.of(), mainClass, args, Map.of());
    }

    /**
     * Starts {@code mainClass} with {@code args} behind {@code prefix} (a command such as {@code prlimit ...} that
     * then runs java), with extra environment variables.
     */
    static ChildJvm start(Path logDir, List<String> prefix, Class<?> mainClass, List<String> args,
                          Map<String, String> env) throws IOException {
        return start(logDir, prefix, mainClass.getName(), args, env);
    }

    /** As {@link #start(Path, List, Class, List, Map)}, naming the main class (one this package may not import). */
    static ChildJvm start(Path logDir, List<String> prefix, String mainClass, List<String> args,
                          Map<String, String> env) throws IOException {
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>(prefix);
        command.add(java());
        command.addAll(FLAGS);
        command.add("-Dretake.log.dir=" + logDir);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Path errors = Files.createTempFile(logDir, "child-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().putAll(env);
        return new ChildJvm(builder.start(), errors);
    }

    private void readLines(InputStream in) {
        StringBuilder line = new StringBuilder();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int c; (c = r.read()) >= 0; ) {
                if (c == '\n') {
                    synchronized (lines) {
                        lines.add(line.toString());
                        lines.notifyAll();
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // the process is gone; what it said in whole lines is kept
        }
        synchronized (lines) {
            lines.notifyAll();
        }
    }

    /**
     * Waits for a complete line matching {@code wanted}.
     *
     * @throws IOException when the child exits or {@code limit} passes first, with the end of its error output
     */
    String await(Predicate<String> wanted, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new IOException("the child process " + (process.isAlive() ? "did not get ready in "
                            + limit.toSeconds() + " s" : "ended with exit code " + process.exitValue())
                            + "; it said: " + errorTail());
                }
                lines.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /**
     * SIGKILL: the child gets no chance to finish anything. Returns once it is gone and all it wrote is read.
     *
     * <p>Through its {@link ProcessHandle}: {@link Process#destroyForcibly()} also closes our end of the child's
     * output, throwing away lines it wrote just before dying that were still in the pipe, and the trial would then
     * believe less had been saved than was.
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
        reader.join(60_000);
    }

    /** Waits for the child to end by itself; its exit code, or empty if it had not ended within {@code limit}. */
    Optional<Integer> waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        reader.join(60_000);
        return Optional.of(process.exitValue());
    }

    /** Every complete line the child wrote to its output so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Its error output. */
    String errorOutput() {
        try {
            return Files.readString(errors, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String errorTail() {
        String text = errorOutput().strip();
        return text.isEmpty() ? "(nothing)" : text.length() > 600 ? "…" + text.substring(text.length() - 600) : text;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
