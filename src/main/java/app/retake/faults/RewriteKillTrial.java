package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import app.retake.bank.QuestionLibrary;
import app.retake.storage.AtomicFiles;

/**
 * Kill -9 while a file is rewritten: a child process rewrites settings, a review or a bank in a loop through the
 * app's code and is killed at a random moment. Afterwards the file must read, with the app's own reader, as exactly
 * the last version saved or the one being saved, never a mix; temporary files the kill left must be ignored by
 * readers and cleared at the next start.
 */
final class RewriteKillTrial implements FaultTrial {

    private final long seed;

    RewriteKillTrial(long seed) {
        this.seed = seed;
    }

    RewriteKillTrial() {
        this(System.nanoTime());
    }

    @Override
    public String fault() {
        return "kill -9 while settings, a review or a bank is rewritten";
    }

    @Override
    public Area area() {
        return Area.NOTHING_LOST;
    }

    @Override
    public int defaultTrials() {
        return 201;
    }

    @Override
    public int quickTrials() {
        return 15;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Rewrites, int[]> kills = new EnumMap<>(Rewrites.class);
        int lost = 0;
        int inFlight = 0;
        int leftovers = 0;
        long saves = 0;
        List<String> failures = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Rewrites kind = Rewrites.values()[t % Rewrites.values().length];
            kills.computeIfAbsent(kind, k -> new int[1])[0]++;
            Path dir = Files.createDirectories(scratch.resolve("trial-" + t));
            kind.setUp(dir);
            int saved;
            try (ChildJvm child = ChildJvm.start(scratch.resolve("logs"), FaultChild.class,
                    List.of("rewrite", kind.label, dir.toString(), "1"))) {
                child.await("running"::equals, Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(201));
                child.kill();
                saved = child.lines().stream().filter(l -> l.startsWith("saved ")).mapToInt(
                        l -> Integer.parseInt(l.substring(6))).max().orElse(0);
            }
            saves += saved;
            String problem = null;
            try {
                String found = kind.read(dir);
                if (found.equals(kind.expected(saved + 1))) {
                    inFlight++;
                } else if (!found.equals(kind.expected(saved))) {
                    problem = kind.label + " after save " + saved + " reads as neither version " + saved
                            + " nor " + (saved + 1) + " but as " + whichVersion(kind, found, saved);
                }
                int left = leftovers(dir);
                leftovers += left;
                if (kind == Rewrites.BANK && QuestionLibrary.loadFolder(dir).banks().size() != 1) {
                    problem = "the bank folder lists a leftover temporary file as a bank";
                }
                // What the next start does: temporary files a kill left are cleared, and the file reads the same.
                AtomicFiles.removeLeftovers(dir, 1, Duration.ZERO);
                if (problem == null && (leftovers(dir) != 0 || !kind.read(dir).equals(found))) {
                    problem = kind.label + ": clearing leftover temporary files changed what the file reads as";
                }
            } catch (IOException | RuntimeException e) {
                problem = kind.label + " after save " + saved + " cannot be read: " + e.getMessage();
            }
            if (problem != null) {
                lost++;
                if (failures.size() < 3) {
                    failures.add(problem);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("killed %d settings, %d review and %d bank rewriters 0-200 ms into their loop of "
                        + "saves (%d saves done in all); each file read back with the app's reader as the last saved "
                        + "version, or (%d times) the one being saved", count(kills, Rewrites.SETTINGS),
                count(kills, Rewrites.REVIEW), count(kills, Rewrites.BANK), saves, inFlight));
        notes.add(leftovers + " temporary files left by kills: readers ignored them; clearing them at start "
                + "changed nothing");
        notes.addAll(failures);
        return new Outcome(trials, lost, notes);
    }

    /** For the report: which version a file that is neither expected one reads as, if any. */
    private static String whichVersion(Rewrites kind, String found, int saved) {
        for (int v = 0; v <= saved + 100; v++) {
            if (found.equals(kind.expected(v))) {
                return "version " + v;
            }
        }
        return "no version at all: " + (found.length() > 300 ? found.substring(0, 300) + "…" : found);
    }

    private static int count(Map<Rewrites, int[]> kills, Rewrites kind) {
        int[] n = kills.get(kind);
        return n == null ? 0 : n[0];
    }

    private static int leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(AtomicFiles::isLeftover).count();
        }
    }
}
