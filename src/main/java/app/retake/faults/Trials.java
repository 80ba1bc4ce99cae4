package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import app.retake.speech.FileTranscriber;

/** Small things every trial needs. */
final class Trials {

    private Trials() {
    }

    /** Deletes a trial's folder; what cannot be deleted is left for the scratch folder's own clean-up. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // left behind in a temporary folder: harmless
        }
    }

    /** Whether the sound of a recording can be read at all, as review and late transcription read it. */
    static boolean readable(Path video) {
        try {
            FileTranscriber.audio(video);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One trial's checks: what went wrong, empty when nothing was lost. */
    @FunctionalInterface
    interface Check {
        List<String> run() throws Exception;
    }

    /**
     * The bookkeeping of seeded trials: trial {@code i} draws from seed {@code seed + i}, a trial that reports
     * something wrong or lets an exception escape counts as lost, and the first few losses are kept with their seeds
     * so that {@code -Dretake.faults.seed} can repeat them.
     */
    static final class Tally {
        private static final int MAX_FAILURES = 5;
        private final long seed;
        private final List<String> failures = new java.util.ArrayList<>();
        private int lost;

        Tally(long seed) {
            this.seed = seed;
        }

        long seed(int trial) {
            return seed + trial;
        }

        java.util.SplittableRandom random(int trial) {
            return new java.util.SplittableRandom(seed(trial));
        }

        /**
         * Runs trial {@code trial}'s checks. A runtime exception or error escaping them is a loss like any other;
         * a checked exception means the trial itself could not run, and is thrown on.
         *
         * @param what what was damaged, for the note should it lose data; empty for nothing worth saying
         */
        void check(int trial, String what, Check check) throws Exception {
            check(trial, () -> what, check);
        }

        /** As above, for a trial that learns what it damaged as it runs: {@code what} is read afterwards. */
        void check(int trial, java.util.function.Supplier<String> what, Check check) throws Exception {
            List<String> wrong = new java.util.ArrayList<>();
            try {
                wrong.addAll(check.run());
            } catch (RuntimeException | Error e) {
                wrong.add("an exception escaped: " + e);
            }
            if (!wrong.isEmpty()) {
                lost++;
                if (failures.size() < MAX_FAILURES) {
                    String said = what.get();
                    failures.add("trial " + trial + " (seed " + seed(trial) + (said.isEmpty() ? "" : ", " + said)
                            + "): " + String.join("; ", wrong.subList(0, Math.min(3, wrong.size())))
                            + (wrong.size() > 3 ? " (and " + (wrong.size() - 3) + " more)" : ""));
                }
            }
        }

        /** The outcome: {@code summary} (what every trial checked), any {@code extra} notes, then the losses. */
        FaultTrial.Outcome outcome(int trials, String summary, List<String> extra) {
            List<String> notes = new java.util.ArrayList<>();
            notes.add(summary);
            notes.addAll(extra);
            notes.addAll(failures);
            return new FaultTrial.Outcome(trials, lost, notes);
        }

        FaultTrial.Outcome outcome(int trials, String summary) {
            return outcome(trials, summary, List.of());
        }
    }
}
