package app.retake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.faults.NoNetworkTrial;
import app.retake.faults.TrialKit;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/**
 * Principle 1, checked for real: a whole practice session through the real code opens no internet socket, while
 * the same check does see the phone remote's socket, the one network use there is, and sees it go.
 */
class NoNetworkTest {

    @TempDir
    Path dir;

    @Test
    void aWholeSessionOpensNoSocketAndTheCheckSeesThePhoneRemote() throws Exception {
        Assumptions.assumeTrue(OpenSockets.supported(), "listing a process's sockets needs Linux");
        Path wav = TrialKit.answerWav(dir.resolve("audio"), 2);
        Path banks = TrialKit.bank(dir.resolve("banks"));
        NoNetworkTrial.Session session;
        try (NetworkWatch watch = NetworkWatch.start(NoNetworkTrial.EVERY).orElseThrow()) {
            watch.check("loading the speech model");
            // On CI a missing model fails here with a sentence saying where it was looked for.
            try (SpeechModelService speech = TrialKit.loadModel(TrialKit.modelDir())) {
                Assumptions.assumeTrue(speech.status() instanceof ModelStatus.Ready,
                        "the speech model is missing (" + speech.status() + ")");
                session = NoNetworkTrial.session(dir.resolve("run"), banks, wav, speech, watch);
            }
        }
        assertThat(session.sightings()).as(session.describe()).isEmpty();
        assertThat(session.modelReady()).isTrue();
        assertThat(session.steps()).contains("a take transcribed live", "late transcription", "CSV export",
                "interview pack");
        assertThat(session.takes()).isEqualTo(2);
        assertThat(session.rows()).isEqualTo(2);
        assertThat(session.late()).as("the take recorded before the model was ready").isEqualTo(1);
        assertThat(session.transcribed()).isEqualTo(2);
        // Sampled often: at least every step plus the 20 ms sampler during two three-second takes.
        assertThat(session.looks()).isGreaterThan(100);

        NoNetworkTrial.RemoteCheck remote = NoNetworkTrial.remote(banks);
        assertThat(remote.seenListening()).as("the check sees the phone remote's socket").isTrue();
        assertThat(remote.listening()).contains("127.0.0.1:").contains("LISTEN");
        assertThat(remote.goneAfterStop()).as("and sees it closed once the remote stops").isTrue();
    }
}
