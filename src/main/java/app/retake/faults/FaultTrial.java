package app.retake.faults;

import java.nio.file.Path;
import java.util.List;

/**
 * One fault Retake must survive (a kill mid-write, a full disk, a corrupt file, an unplugged camera…), tried many
 * times against real files in a scratch folder, counting the trials in which any of the user's data was lost.
 *
 * <p>Trials are what the {@code faults} command prints and what the faults test suite asserts on: every trial must
 * lose nothing. A trial may be slow (child JVMs, recordings); {@link #defaultTrials()} is what the command runs and
 * {@link #quickTrials()} what CI runs.
 */
public interface FaultTrial {

    /** The fault in a few words, as the summary table's first column: "kill -9 during a settings rewrite". */
    String fault();

    /** The area of the issue it covers: nothing lost, bad input, devices, privacy. */
    Area area();

    /** How many trials the {@code faults} command runs by default. */
    int defaultTrials();

    /** How many trials the test suite runs in every CI build; enough to mean something, quick enough for CI. */
    int quickTrials();

    /**
     * Runs {@code trials} trials in {@code scratch} (an empty folder this trial owns).
     *
     * @return how many trials ran and in how many data was lost, with a line or two on what was checked
     */
    Outcome run(int trials, Path scratch) throws Exception;

    enum Area {
        NOTHING_LOST("Nothing lost"), BAD_INPUT("Bad input"), DEVICES("Devices"), PRIVACY("Privacy");

        private final String label;

        Area(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param trials trials run
     * @param lost   trials in which the user's data was lost or damaged (what was there before, or what was saved)
     * @param notes  what was checked and anything a reader of the table should know, a short line each
     */
    record Outcome(int trials, int lost, List<String> notes) {
        public Outcome {
            if (trials < 0 || lost < 0 || lost > trials) {
                throw new IllegalArgumentException("lost " + lost + " of " + trials + " trials");
            }
            notes = List.copyOf(notes);
        }
    }
}
