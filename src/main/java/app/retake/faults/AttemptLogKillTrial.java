package app.retake.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;

/**
 * Kill -9 while attempts are appended: a child appends rows to one attempt log through {@link AttemptLog#append}
 * and says each take id once the append returned; it is killed at a random moment, trial after trial, on the same
 * log. Every row reported must read back exactly once, reading must never fail, and the next append must work.
 *
 * <p>A kill cannot cut a single small write in half (the kernel finishes the system call), but a power cut can
 * leave a partial last row. Every other trial therefore also leaves such a fragment at the end of the file after
 * the kill, as a power cut mid-append would, to check that reading skips it and the next append sets it aside.
 */
final class AttemptLogKillTrial implements FaultTrial {

    private final long seed;

    AttemptLogKillTrial(long seed) {
        this.seed = seed;
    }

    AttemptLogKillTrial() {
        this(System.nanoTime());
    }

    @Override
    public String fault() {
        return "kill -9 (and a power cut) while the attempt log is appended to";
    }

    @Override
    public Area area() {
        return Area.NOTHING_LOST;
    }

    @Override
    public int defaultTrials() {
        return 200;
    }

    @Override
    public int quickTrials() {
        return 20;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Path data = Files.createDirectories(scratch.resolve("data"));
        AttemptLog log = AttemptLog.in(data);
        Path torn = data.resolve(AttemptLog.FILE_NAME + ".torn");
        Set<String> reported = new LinkedHashSet<>();
        int next = 0;
        int lost = 0;
        int unreported = 0;
        int fragments = 0;
        List<String> failures = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            try (ChildJvm child = ChildJvm.start(scratch.resolve("logs"), FaultChild.class,
                    List.of("append", data.toString(), Integer.toString(next)))) {
                child.await("running"::equals, Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(201));
                child.kill();
                child.lines().stream().filter(l -> l.startsWith("appended "))
                        .forEach(l -> reported.add(l.substring(9)));
            }
            String problem = null;
            boolean powerCut = t % 2 == 1;
            if (powerCut) {
                // What a power cut mid-append can leave: the start of a row, without its end or its newline.
                String row = "2026-03-01T10:00:00Z,fault-session,take-cut-" + t + ",fault-q1,faults,solo,me,good,";
                Files.writeString(log.file(), row.substring(0, 1 + random.nextInt(row.length() - 1)),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                fragments++;
            }
            AttemptLog.History history;
            try {
                history = log.readAll();
            } catch (RuntimeException e) {
                history = null;
                problem = "reading the log threw " + e;
            }
            if (history != null) {
                Map<String, Integer> counts = new HashMap<>();
                for (Attempt a : history.attempts()) {
                    counts.merge(a.take(), 1, Integer::sum);
                }
                long missing = reported.stream().filter(id -> !counts.containsKey(id)).count();
                long doubled = counts.values().stream().filter(n -> n > 1).count();
                int highest = counts.keySet().stream().filter(id -> id.matches("take-\\d+"))
                        .mapToInt(id -> Integer.parseInt(id.substring(5))).max().orElse(-1);
                unreported += (int) counts.keySet().stream().filter(id -> !reported.contains(id)).count();
                reported.addAll(counts.keySet()); // a row written but not yet reported is in the log all the same
                next = highest + 1;
                boolean expectTorn = powerCut;
                boolean saidTorn = history.problems().stream().anyMatch(p -> p.reason().contains("incomplete"));
                if (missing > 0) {
                    problem = missing + " reported rows are missing";
                } else if (doubled > 0) {
                    problem = doubled + " rows read twice";
                } else if (expectTorn != saidTorn || history.problems().size() > (expectTorn ? 1 : 0)) {
                    problem = "unexpected problems reading the log: " + history.problems();
                }
            }
            if (problem == null) {
                // The next append works, and sets a torn fragment aside rather than gluing the new row to it.
                long tornBefore = Files.exists(torn) ? Files.size(torn) : 0;
                Attempt after = FaultChild.attempt(next++);
                try {
                    log.append(after);
                    AttemptLog.History again = log.readAll();
                    reported.add(after.take());
                    if (!again.problems().isEmpty()) {
                        problem = "after the next append the log still has problems: " + again.problems();
                    } else if (again.attempts().size() != reported.size()
                            || !again.attempts().get(again.attempts().size() - 1).equals(after)) {
                        problem = "after the next append the log holds " + again.attempts().size() + " rows, not "
                                + reported.size();
                    } else if (powerCut && !(Files.exists(torn) && Files.size(torn) > tornBefore)) {
                        problem = "the torn fragment was not set aside in " + torn.getFileName();
                    }
                } catch (java.io.IOException e) {
                    problem = "the next append failed: " + e.getMessage();
                }
            }
            if (problem != null) {
                lost++;
                if (failures.size() < 3) {
                    failures.add("trial " + t + ": " + problem);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("%d kills at 0-200 ms; %d rows reported appended, every one read back once; %d rows "
                + "written but killed before being reported, kept", trials, reported.size(), unreported));
        notes.add(fragments + " power-cut fragments left after a kill: reading skipped each with a warning and the "
                + "next append moved it to " + torn.getFileName() + " and worked");
        notes.addAll(failures);
        return new Outcome(trials, lost, notes);
    }
}
