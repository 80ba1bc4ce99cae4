package app.retake.faults;

import java.util.List;

/** Every fault trial, in the order the summary table lists them. Add a trial here to have it run and reported. */
public final class Faults {

    private Faults() {
    }

    public static List<FaultTrial> all() {
        return List.of(
                // Nothing lost
                new RewriteKillTrial(),
                new AttemptLogKillTrial(),
                new InterruptedTakeTrial(),
                new FullDiskTrial(),
                new DataFolderTrial(),
                // Bad input
                // Devices
                // Privacy
                new NoNetworkTrial(),
                new RetentionTrial(),
                new TranscriptOnlyTrial(),
                new ProfileErasureTrial()
        );
    }
}
