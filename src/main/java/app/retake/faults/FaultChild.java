package app.retake.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import app.retake.drill.SpringFilter;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.practice.LiveTake;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;
import app.retake.speech.SpeechModelService;
import app.retake.storage.Locations;

/**
 * The process the fault trials kill: it writes files through the app's own code in a loop and says on its output,
 * one whole line at a time, what has been written so far. It never stops by itself (except {@code full}); the trial
 * kills it with SIGKILL.
 *
 * <ul>
 *   <li>{@code rewrite KIND DIR FROM}: rewrites a settings, review or bank file (see {@link Rewrites}) with versions
 *       FROM, FROM+1, …, saying {@code saved V} after each save returns, and {@code running} after the first.</li>
 *   <li>{@code append DATA FROM}: appends attempts to the attempt log, saying {@code appended TAKE} after each.</li>
 *   <li>{@code take DATA BANKS WAV STOP}: records a take the way the practice screen does (synthetic camera, the WAV
 *       as the microphone), says {@code recording PATH}, and with STOP over 0 stops the take after STOP seconds
 *       and says {@code stopped} (then waits, unrated, as if on the review screen).</li>
 *   <li>{@code full DATA}: on a disk that is full (the trial limits the file size this process may write), tries an
 *       append, a settings save and a review save, saying for each {@code ok} or {@code failed MESSAGE}.</li>
 * </ul>
 */
public final class FaultChild {

    private FaultChild() {
    }

    public static void main(String[] args) throws Exception {
        // Some modes loop until killed: if the trial's own process dies first, do not outlive it.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(3)));
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        switch (args[0]) {
            case "rewrite" -> rewrite(Rewrites.valueOf(args[1].toUpperCase(Locale.ROOT)), Path.of(args[2]),
                    Integer.parseInt(args[3]), out);
            case "append" -> append(Path.of(args[1]), Integer.parseInt(args[2]), out);
            case "take" -> take(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Double.parseDouble(args[4]),
                    out);
            case "full" -> full(Path.of(args[1]), out);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void rewrite(Rewrites kind, Path dir, int from, PrintStream out) throws IOException {
        // The first save loads the classes it needs and takes a good part of a second; only after it do saves
        // follow each other quickly enough for a kill to land among them.
        kind.write(dir, from);
        out.println("saved " + from);
        out.println("running");
        for (int v = from + 1; ; v++) {
            kind.write(dir, v);
            out.println("saved " + v);
        }
    }

    private static void append(Path dataRoot, int from, PrintStream out) throws IOException {
        AttemptLog log = AttemptLog.in(dataRoot);
        out.println("running");
        for (int i = from; ; i++) {
            Attempt a = attempt(i);
            log.append(a);
            out.println("appended " + a.take());
        }
    }

    /** Attempt number {@code i} of the log trial; its take id is {@code take-<i>}. */
    static Attempt attempt(int i) {
        return new Attempt(OffsetDateTime.parse("2026-03-01T09:00:00Z").plusSeconds(i), "fault-session",
                "take-" + i, "fault-q" + (i % 7), "faults", Mode.SOLO, Attempt.DEFAULT_PROFILE,
                Optional.of(Rating.values()[i % 4]), Optional.empty(), Duration.ofMillis(1000 + i),
                Optional.of("2026-03-01/fault-session/take-" + i + ".mp4"), Optional.empty(),
                Map.of("wpm", Integer.toString(100 + i % 60), "note", "row " + i + " " + "x".repeat(1 + i % 300)));
    }

    /** Settings a take in the trials is recorded with: the synthetic camera, a WAV as the microphone. */
    static Settings takeSettings(Path wav) {
        return Settings.defaults().withDevices("synthetic", "file:" + wav).withTiming(0, 60);
    }

    private static void take(Path dataRoot, Path banks, Path wav, double stopAfter, PrintStream out)
            throws Exception {
        Locations locations = new Locations(dataRoot, banks, dataRoot.resolve("no-model"), Optional.empty());
        try (SpeechModelService speech = new SpeechModelService(locations.modelDir())) {
            Practice practice = new Practice(locations, speech, () -> takeSettings(wav), Clock.systemDefaultZone(),
                    new SplittableRandom());
            PracticeSession session = practice.startSession(PracticeSession.quickDrill(SpringFilter.ANY),
                    Optional.empty()).session();
            var question = session.spring().orElseThrow().question();
            LiveTake take = practice.startTake(session, question, LiveTake.Listener.NONE);
            out.println("recording " + take.files().recording());
            if (stopAfter > 0) {
                while (take.elapsedSeconds() < stopAfter) {
                    Thread.sleep(20);
                }
                take.stop();
                out.println("stopped");
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void full(Path dataRoot, PrintStream out) {
        try {
            AttemptLog.in(dataRoot).append(attempt(1_000_000));
            out.println("append ok");
        } catch (IOException e) {
            out.println("append failed " + e.getMessage());
        }
        try {
            SettingsStore.in(dataRoot).save(Rewrites.settings(1));
            out.println("settings ok");
        } catch (IOException e) {
            out.println("settings failed " + e.getMessage());
        }
        try {
            app.retake.review.ReviewFiles.write(dataRoot.resolve(Rewrites.REVIEW_FILE), Rewrites.rating(1),
                    Rewrites.check(1));
            out.println("review ok");
        } catch (IOException e) {
            out.println("review failed " + e.getMessage());
        }
        out.println("done");
    }

}
