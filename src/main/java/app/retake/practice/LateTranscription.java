package app.retake.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.TakeFiles;
import app.retake.speech.FileTranscriber;
import app.retake.speech.MetricSettings;
import app.retake.speech.MetricsSummary;
import app.retake.speech.SpeechMetrics;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.VoiceMetrics;

/**
 * Transcribes takes that were recorded while the speech model was missing or still loading, once it is ready:
 * writes their transcript files and adds their measurements to the attempt log.
 *
 * <p>Run it on the thread that appends to the attempt log, so a rewrite never races an append.
 */
public final class LateTranscription {

    private static final Logger LOG = LoggerFactory.getLogger(LateTranscription.class);

    private LateTranscription() {
    }

    /** What one run did, for the status area. */
    public record Outcome(List<TakeFiles> transcribed, List<String> problems) {
        public Outcome {
            transcribed = List.copyOf(transcribed);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Finished takes under {@code dataRoot} ({@code <date>/<session>/<take>.mp4}, or a transcript-only take's
     * {@code <take>.audio.mp4}) that have no transcript yet.
     */
    public static List<TakeFiles> pending(Path dataRoot) {
        List<TakeFiles> found = new ArrayList<>();
        if (!Files.isDirectory(dataRoot)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(dataRoot, 3)) {
            walk.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".mp4") && !name.endsWith(TakeFiles.RECORDING_SUFFIX);
            }).sorted().forEach(video -> {
                String name = video.getFileName().toString();
                String suffix = name.endsWith(TakeFiles.SOUND_SUFFIX) ? TakeFiles.SOUND_SUFFIX : ".mp4";
                TakeFiles files = new TakeFiles(video.getParent(), name.substring(0, name.length() - suffix.length()));
                if (!Files.exists(files.transcript()) && !Files.exists(noSoundMarker(files))
                        && !found.contains(files)) {
                    found.add(files);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Could not look for takes to transcribe under {}", dataRoot, e);
        }
        return found;
    }

    /** Left beside a take without sound, so it is not tried again at every start. */
    static Path noSoundMarker(TakeFiles files) {
        return files.noSound();
    }

    /** What to transcribe: the video, or for a transcript-only take its sound. */
    private static Path source(TakeFiles files) {
        return Files.isRegularFile(files.video()) || !Files.isRegularFile(files.sound()) ? files.video()
                : files.sound();
    }

    /**
     * Transcribes every pending take and adds its measurements to its attempt-log row. A take that cannot be
     * transcribed is reported and left as it is. A transcript-only take's sound is deleted once its transcript is
     * saved: it was kept only for this.
     */
    public static Outcome run(Path dataRoot, FileTranscriber transcriber, QuestionLibrary library,
                              MetricSettings settings) {
        List<TakeFiles> pending = pending(dataRoot);
        List<TakeFiles> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (pending.isEmpty()) {
            return new Outcome(done, problems);
        }
        AttemptLog log = AttemptLog.in(dataRoot);
        AttemptLog.History history = log.readAll();
        Map<String, Attempt> byTake = new LinkedHashMap<>();
        for (Attempt a : history.attempts()) {
            byTake.put(a.session() + "/" + a.take(), a);
        }
        Map<String, Map<String, String>> measured = new LinkedHashMap<>();
        // A transcript-only row names no recording to put its transcript beside; this says where it is.
        Map<String, String> transcripts = new LinkedHashMap<>();
        for (TakeFiles files : pending) {
            String key = files.dir().getFileName() + "/" + files.take();
            Attempt attempt = byTake.get(key);
            Optional<Question> question = attempt == null ? Optional.empty() : library.find(attempt.questionId());
            try {
                Path source = source(files);
                FileTranscriber.Heard heard = transcriber.listen(source);
                TranscriptFiles.write(heard.transcript(), files.transcript(), files.subtitles());
                if (source.equals(files.sound())) {
                    List<String> notes = new ArrayList<>();
                    LiveTake.forgetSound(files, notes);
                    problems.addAll(notes);
                }
                SpeechMetrics metrics = SpeechMetrics.of(heard.transcript(), heard.audio(),
                        app.retake.speech.LiveTranscriber.RATE, question, settings);
                measured.put(key, MetricsSummary.of(metrics, VoiceMetrics.measure(heard.audio(),
                        app.retake.speech.LiveTranscriber.RATE)));
                Path root = dataRoot.toAbsolutePath().normalize();
                Path written = files.transcript().toAbsolutePath().normalize();
                if (written.startsWith(root)) {
                    transcripts.put(key, root.relativize(written).toString().replace('\\', '/'));
                }
                done.add(files);
            } catch (RuntimeException e) {
                // One take the decoder trips over must not stop the others.
                LOG.error("Could not transcribe {}", files.video(), e);
                problems.add(files.video() + ": could not be transcribed (" + e + ")");
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("has no sound")) {
                    try {
                        Files.writeString(noSoundMarker(files), "recorded without a microphone\n");
                        if (source(files).equals(files.sound())) {
                            // A transcript-only take with nothing heard: there is nothing to keep.
                            LiveTake.forgetSound(files, new ArrayList<>());
                        }
                    } catch (IOException ignored) {
                        LOG.debug("Could not mark {} as silent", files.video(), ignored);
                    }
                } else {
                    problems.add(files.video() + ": could not be transcribed (" + e.getMessage() + ")");
                }
            }
        }
        if (!measured.isEmpty()) {
            backfill(log, history, measured, transcripts, problems);
        }
        return new Outcome(done, problems);
    }

    private static void backfill(AttemptLog log, AttemptLog.History history, Map<String, Map<String, String>> measured,
                                 Map<String, String> transcripts, List<String> problems) {
        if (!history.problems().isEmpty()) {
            // Rewriting would drop the rows that could not be read; the transcripts are saved all the same.
            problems.add(log.file() + " has rows that could not be read, so the new measurements were not added "
                    + "to it; the transcripts are saved beside the takes.");
            return;
        }
        boolean changed = false;
        List<Attempt> rows = new ArrayList<>(history.attempts().size());
        for (Attempt a : history.attempts()) {
            Map<String, String> m = measured.get(a.session() + "/" + a.take());
            if (m == null) {
                rows.add(a);
                continue;
            }
            Map<String, String> merged = new LinkedHashMap<>(m);
            merged.putAll(a.metrics());
            Optional<String> transcript = a.transcript().isPresent() ? a.transcript()
                    : a.recording().map(r -> r.substring(0, r.length() - 4) + ".transcript.json")
                    .or(() -> Optional.ofNullable(transcripts.get(a.session() + "/" + a.take())));
            rows.add(new Attempt(a.time(), a.session(), a.take(), a.questionId(), a.bank(), a.mode(), a.profile(),
                    a.selfRating(), a.interviewerRating(), a.duration(), a.recording(), transcript, merged));
            changed = true;
        }
        if (changed) {
            try {
                AttemptLog.writeAll(log.file(), rows);
            } catch (IOException e) {
                problems.add(log.file() + ": could not add the new measurements (" + e.getMessage() + ")");
            }
        }
    }
}
