package app.retake.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import app.retake.capture.VideoFrame;
import app.retake.drill.SpringFilter;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.practice.LiveTake;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.practice.TakeResult;
import app.retake.review.SelfCheck;
import app.retake.settings.Privacy;
import app.retake.settings.Settings;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/**
 * "Transcript only" keeps no video: takes are recorded through the real practice path with the test-pattern camera
 * chosen in Settings and Transcript only on, while a watcher lists the data folder every few milliseconds. A trial
 * is a violation when a camera frame arrives, any video file appears even for a moment, the transcript is missing,
 * or the take's sound is still there once its transcript is saved.
 */
public final class TranscriptOnlyTrial implements FaultTrial {

    @Override
    public String fault() {
        return "transcript-only take writes a video";
    }

    @Override
    public Area area() {
        return Area.PRIVACY;
    }

    @Override
    public int defaultTrials() {
        return 6;
    }

    @Override
    public int quickTrials() {
        return 2;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Path wav = TrialKit.answerWav(scratch.resolve("audio"), 1);
        Path banks = TrialKit.bank(scratch.resolve("banks"));
        Path data = Files.createDirectories(scratch.resolve("data"));
        // The camera is chosen, so only Transcript only keeps it off.
        Settings settings = TrialKit.headless(wav).withPrivacy(new Privacy(Privacy.FOREVER, true));
        List<String> notes = new ArrayList<>();
        int lost = 0;
        int looks = 0;
        try (SpeechModelService speech = TrialKit.loadModel(TrialKit.modelDir())) {
            boolean ready = speech.status() instanceof ModelStatus.Ready;
            Practice practice = TrialKit.practice(data, banks, speech, () -> settings);
            PracticeSession session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY),
                    Optional.empty()).session();
            for (int t = 0; t < trials; t++) {
                Set<String> seen = new ConcurrentSkipListSet<>();
                AtomicInteger frames = new AtomicInteger();
                AtomicInteger watched = new AtomicInteger();
                AtomicBoolean watching = new AtomicBoolean(true);
                Thread watcher = new Thread(() -> {
                    while (watching.get()) {
                        seen.addAll(names(data));
                        watched.incrementAndGet();
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "folder-watch");
                watcher.setDaemon(true);
                watcher.start();
                var question = session.spring();
                if (question.isEmpty()) {
                    session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY), Optional.empty())
                            .session();
                    question = session.spring();
                }
                LiveTake take = practice.startTake(session, question.orElseThrow().question(), new LiveTake.Listener() {
                    @Override
                    public void frame(VideoFrame frame) {
                        frames.incrementAndGet();
                    }
                });
                while (take.elapsedSeconds() < 2) {
                    Thread.sleep(20);
                }
                TakeResult result = take.stop();
                Attempt row = session.log(result, Optional.of(Rating.GOOD), SelfCheck.EMPTY, session.now());
                watching.set(false);
                watcher.join();
                seen.addAll(names(data));
                looks += watched.get();

                TakeFiles files = result.files();
                List<String> violations = new ArrayList<>();
                if (frames.get() > 0 || result.stats().framesCaptured() > 0) {
                    violations.add("the camera delivered " + Math.max(frames.get(), (int) result.stats()
                            .framesCaptured()) + " frames");
                }
                seen.stream().filter(TranscriptOnlyTrial::isVideo).forEach(v -> violations.add("a video appeared: "
                        + v));
                if (ready) {
                    if (!Files.isRegularFile(files.transcript())) {
                        violations.add("no transcript was saved");
                    }
                    if (Files.exists(files.sound()) || Files.exists(files.soundOnly().recording())) {
                        violations.add("the sound was kept after the transcript was saved");
                    }
                    if (VideoGone.read(files).filter(g -> g.reason() == VideoGone.Reason.TRANSCRIPT_ONLY).isEmpty()) {
                        violations.add("no note saying the take is transcript only");
                    }
                    if (row.transcript().isEmpty() || row.metrics().isEmpty()) {
                        violations.add("the log row lacks the transcript or the measurements");
                    }
                } else if (!Files.exists(files.sound())) {
                    violations.add("without the speech model the sound must be kept for later, and it was not");
                }
                if (row.recording().isPresent()) {
                    violations.add("the log row names a recording: " + row.recording().get());
                }
                if (!violations.isEmpty()) {
                    lost++;
                    notes.add("take " + (t + 1) + ": " + String.join("; ", violations));
                }
            }
            notes.add(0, trials + " takes with the camera chosen and Transcript only on; the data folder was listed "
                    + looks + " times during them" + (ready ? "" : "; without the speech model, so only \"no video, "
                    + "sound kept for later\" was checked"));
            int rows = AttemptLog.in(data).readAll().attempts().size();
            if (rows != trials) {
                lost = Math.max(lost, 1);
                notes.add("the attempt log has " + rows + " rows for " + trials + " takes");
            }
        }
        return new Outcome(trials, lost, notes);
    }

    /** A file that holds a picture: any {@code .mp4} other than a transcript-only take's sound. */
    static boolean isVideo(String name) {
        return name.endsWith(".mp4") && !name.endsWith(TakeFiles.SOUND_SUFFIX)
                && !name.endsWith(".audio" + TakeFiles.RECORDING_SUFFIX);
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> p.getFileName().toString()).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a folder created or removed mid-walk; the next look sees it
        }
    }
}
