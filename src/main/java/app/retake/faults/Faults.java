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
                new BankFuzzTrial(),
                new DamagedRecordingTrial(),
                new DamagedTakeFilesTrial(),
                new DamagedModelTrial(),
                new DamagedSettingsTrial(),
                new DamagedAttemptLogTrial(),
                new OrphanQuestionTrial(),
                new CsvFormulaTrial(),
                // Devices
                new UnpluggedDeviceTrial(UnpluggedDeviceTrial.Unplugged.CAMERA),
                new UnpluggedDeviceTrial(UnpluggedDeviceTrial.Unplugged.MICROPHONE),
                new UnpluggedDeviceTrial(UnpluggedDeviceTrial.Unplugged.BOTH),
                // Privacy
                new NoNetworkTrial(),
                new RetentionTrial(),
                new TranscriptOnlyTrial(),
                new ProfileErasureTrial()
        );
    }
}
