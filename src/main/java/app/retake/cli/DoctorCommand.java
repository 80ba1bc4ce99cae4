package app.retake.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import app.retake.capture.CameraDiscovery;
import app.retake.capture.MicrophoneDiscovery;
import app.retake.doctor.Finding;
import app.retake.doctor.Findings;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;
import app.retake.storage.Locations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake doctor}: what this machine offers Retake, and what is missing means for the user. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Reports the cameras, microphones, speech model and data folder Retake can use.",
                "Always exits 0: its job is to say what is missing and what that means."})
public final class DoctorCommand implements Callable<Integer>, ChecksDataFolder {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Locations locations = root.locations();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Retake doctor: what this machine offers");
        out.println();
        try (SpeechModelService speech = new SpeechModelService(locations.modelDir())) {
            // The model load and the camera search each take about a second; do them side by side.
            CompletableFuture<ModelStatus> model = speech.loadInBackground();
            var cameras = new CameraDiscovery().scan(CameraDiscovery.SEARCH_LIMIT);
            var microphones = new MicrophoneDiscovery().scan();
            List<Finding> findings = List.of(Findings.camera(cameras), Findings.microphone(microphones),
                    Findings.model(model.join()), Findings.data(locations));
            for (Finding finding : findings) {
                print(out, finding);
            }
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, Finding finding) {
        String mark = switch (finding.level()) {
            case OK -> "ok     ";
            case PENDING -> "...    ";
            case LIMITED -> "missing";
            case PROBLEM -> "PROBLEM";
        };
        out.printf("%-13s %s  %s%n", finding.subject().label(), mark, finding.summary());
        for (String detail : finding.details()) {
            out.printf("%-13s %s  %s%n", "", "       ", detail);
        }
    }
}
