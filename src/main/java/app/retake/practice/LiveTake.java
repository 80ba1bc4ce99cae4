package app.retake.practice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.Question;
import app.retake.capture.AudioChunk;
import app.retake.capture.AudioLevel;
import app.retake.capture.Camera;
import app.retake.capture.CaptureClock;
import app.retake.capture.DeviceException;
import app.retake.capture.DeviceStartException;
import app.retake.capture.LevelMeter;
import app.retake.capture.Microphone;
import app.retake.capture.TakeCapture;
import app.retake.capture.TakeRecorder;
import app.retake.capture.TakeStats;
import app.retake.capture.VideoFrame;
import app.retake.history.TakeFiles;
import app.retake.speech.FileTranscriber;
import app.retake.speech.LiveTranscriber;
import app.retake.speech.MetricSettings;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechMetrics;
import app.retake.speech.SpeechModelService;
import app.retake.speech.Transcript;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.VoiceMetrics;
import app.retake.speech.Word;

/**
 * One answer being recorded: the devices feed the recorder, the live transcriber, the level meter and the camera
 * preview at once. {@link #stop} ends the answer and returns the saved take with its transcript and metrics.
 *
 * <p>Start and stop do file and device work, so they belong on a background thread.
 */
public final class LiveTake {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTake.class);

    /** What a take reports while it runs; each call arrives on a capture or decoder thread and must not block. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void frame(VideoFrame frame) {
        }

        default void level(AudioLevel level) {
        }

        /** Words heard so far in the current phrase (live captions). */
        default void partial(String text) {
        }

        /** A finished phrase with word timings. */
        default void segment(List<Word> words) {
        }
    }

    private final Optional<Question> question;
    private final TakeFiles files;
    private final TakeCapture capture;
    private final Optional<LiveTranscriber> transcriber;
    private final MetricSettings metricSettings;
    private final List<String> notes;
    /** Transcribes the saved take again when the live transcriber fell behind; empty without a model. */
    private final Optional<FileTranscriber> again;
    /** Transcript only: the recorder writes sound alone, and it is deleted once the transcript is saved. */
    private final boolean transcriptOnly;

    private LiveTake(Optional<Question> question, TakeFiles files, TakeCapture capture,
                     Optional<LiveTranscriber> transcriber, MetricSettings metricSettings, List<String> notes,
                     Optional<FileTranscriber> again, boolean transcriptOnly) {
        this.again = again;
        this.transcriptOnly = transcriptOnly;
        this.question = question;
        this.files = files;
        this.capture = capture;
        this.transcriber = transcriber;
        this.metricSettings = metricSettings;
        this.notes = notes;
    }

    /**
     * Starts recording an answer to {@code question} (if there is one) with the devices given; transcribes it live when the speech
     * model is ready, and otherwise says the transcript will be made later.
     *
     * @throws DeviceException when no device works at all or a device fails to start
     */
    public static LiveTake start(Optional<Question> question, TakeFiles files, Devices devices, SpeechModelService speech,
                                 MetricSettings metricSettings, Listener listener) throws IOException, DeviceException {
        return start(question, files, devices, speech, metricSettings, listener, false,
                TakeRecorder.FreeSpace.of(files.dir()));
    }

    /**
     * Like {@link #start(Optional, TakeFiles, Devices, SpeechModelService, MetricSettings, Listener)}; with
     * {@code transcriptOnly} the take keeps no picture and, once transcribed, no sound: the microphone is recorded to
     * {@link TakeFiles#sound()} (needed should live transcription fail or the model be missing) and that file is
     * deleted as soon as the transcript is saved.
     *
     * @param devices for a transcript-only take, without a camera (see {@link Devices#soundOnly})
     */
    public static LiveTake start(Optional<Question> question, TakeFiles files, Devices devices,
                                 SpeechModelService speech, MetricSettings metricSettings, Listener listener,
                                 boolean transcriptOnly) throws IOException, DeviceException {
        return start(question, files, devices, speech, metricSettings, listener, transcriptOnly,
                TakeRecorder.FreeSpace.of(files.dir()));
    }

    /**
     * The full form of the starts above, also watching {@code space} for the disk filling up (fault trials pass a
     * disk that fills).
     */
    public static LiveTake start(Optional<Question> question, TakeFiles files, Devices devices,
                                 SpeechModelService speech, MetricSettings metricSettings, Listener listener,
                                 boolean transcriptOnly, TakeRecorder.FreeSpace space)
            throws IOException, DeviceException {
        if (transcriptOnly && devices.camera().isPresent()) {
            throw new IllegalArgumentException("a transcript-only take never uses a camera");
        }
        if (!devices.any()) {
            throw new DeviceException("Nothing to record with: " + String.join(" ", devices.notes()));
        }
        List<String> notes = new ArrayList<>(devices.notes());
        Optional<LiveTranscriber> transcriber = Optional.empty();
        Optional<FileTranscriber> again = Optional.empty();
        if (devices.microphone().isPresent()) {
            ModelStatus status = speech.status();
            Optional<org.vosk.Model> model = speech.model();
            if (status instanceof ModelStatus.Ready && model.isPresent()) {
                again = Optional.of(new FileTranscriber(model.get(), status.dir().getFileName().toString()));
                try {
                    transcriber = Optional.of(new LiveTranscriber(model.get(), status.dir().getFileName().toString(),
                            Devices.CHUNKS_PER_SECOND, new LiveTranscriber.Listener() {
                                @Override
                                public void partial(String text) {
                                    listener.partial(text);
                                }

                                @Override
                                public void segment(List<Word> words) {
                                    listener.segment(words);
                                }
                            }));
                } catch (RuntimeException e) {
                    // The take matters more than its live transcript: record it, and transcribe it later.
                    LOG.error("The speech model could not listen to {}", files.video(), e);
                    notes.add("The speech model could not listen to this take (" + e.getMessage()
                            + "), so it has no live transcript.");
                }
            } else {
                notes.add("The speech model is not ready, so this take will be transcribed once it is.");
            }
        } else {
            notes.add("Without a microphone there is no transcript and no speech measurements.");
        }
        LevelMeter meter = new LevelMeter();
        List<Consumer<AudioChunk>> audio = new ArrayList<>();
        audio.add(chunk -> listener.level(meter.update(chunk)));
        transcriber.ifPresent(t -> audio.add(t::accept));
        TakeCapture capture = new TakeCapture(devices.camera(), devices.microphone(),
                transcriptOnly ? files.soundOnly() : files, devices.fps(),
                CaptureClock.system(), audio, listener::frame, space);
        try {
            capture.start();
        } catch (DeviceStartException e) {
            transcriber.ifPresent(LiveTranscriber::close);
            LOG.warn("The {} would not start: {}", e.camera() ? "camera" : "microphone", e.getMessage());
            // A device unplugged since the last take (or taken by another program) costs only itself: the take
            // starts again with the other one, as it would had that one been missing from the start.
            if (e.camera() && devices.microphone().isPresent()) {
                return start(question, files, devices.withoutCamera(e.getMessage()), speech, metricSettings,
                        listener);
            }
            if (!e.camera() && devices.camera().isPresent()) {
                return start(question, files, devices.withoutMicrophone(e.getMessage()), speech, metricSettings,
                        listener);
            }
            List<String> why = new ArrayList<>(devices.notes());
            why.add(e.getMessage());
            throw new DeviceException("Nothing to record with: " + String.join(" ", why), e);
        } catch (IOException | DeviceException | RuntimeException e) {
            transcriber.ifPresent(LiveTranscriber::close);
            throw e;
        }
        return new LiveTake(question, files, capture, transcriber, metricSettings, notes, again, transcriptOnly);
    }

    public Optional<Question> question() {
        return question;
    }

    public TakeFiles files() {
        return files;
    }

    /** What is missing for this take (no camera, model still loading), in plain sentences. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Seconds since recording started. */
    public double elapsedSeconds() {
        return capture.elapsedSeconds();
    }

    /** Why a device stopped mid-take, if one did; the take goes on with what remains. */
    public Optional<String> deviceFailure() {
        return capture.deviceFailure();
    }

    /**
     * Why recording stopped on its own, if it did (the disk filled up): unlike a device failing, the take cannot
     * go on, and should be stopped; what was recorded is kept.
     */
    public Optional<String> recordingStopped() {
        return capture.recordingStopped();
    }

    /**
     * Ends the answer: the transcriber finishes the last words while the recorder finishes the file, then the
     * transcript files are written beside the take and the answer is measured.
     */
    public TakeResult stop() {
        long ended = System.nanoTime();
        capture.stopDevices();
        CompletableFuture<Optional<Transcript>> finishing = CompletableFuture.supplyAsync(
                () -> transcriber.map(LiveTranscriber::finish));
        TakeStats stats = capture.stop();
        List<String> out = new ArrayList<>(notes);
        stats.stopReason().ifPresent(reason -> out.add(!capture.allDevicesFailed()
                && capture.deviceFailure().equals(Optional.of(reason))
                ? reason + " The rest of the take was recorded with what still worked."
                : "The take ended early: " + reason));
        Optional<Transcript> transcript;
        try {
            transcript = finishing.join();
        } catch (RuntimeException e) {
            LOG.error("Transcribing {} failed", files.video(), e);
            out.add("Transcribing this take failed (" + e.getMessage() + "); it can be transcribed again later.");
            transcript = Optional.empty();
        }
        double millis = (System.nanoTime() - ended) / 1e6;
        Optional<SpeechMetrics> metrics = Optional.empty();
        Optional<VoiceMetrics> voice = Optional.empty();
        short[] audio = transcript.isPresent() ? transcriber.get().audio() : new short[0];
        long dropped = transcriber.map(LiveTranscriber::dropped).orElse(0L);
        java.nio.file.Path recorded = transcriptOnly ? files.sound() : files.video();
        if (dropped > 0 && again.isPresent() && java.nio.file.Files.isRegularFile(recorded)) {
            // The machine was too busy to transcribe while recording; the saved take has every word, so the
            // transcript is made again from it rather than shown with holes.
            try {
                FileTranscriber.Heard heard = again.get().listen(recorded);
                transcript = Optional.of(heard.transcript());
                audio = heard.audio();
                out.add("The live transcriber fell behind, so the take was transcribed again from the recording.");
                LOG.info("Transcribed {} again from the file after {} live chunks were dropped", files.video(),
                        dropped);
            } catch (IOException e) {
                out.add("The transcriber fell behind and skipped " + dropped + " bits of audio.");
                LOG.warn("Could not transcribe {} again", files.video(), e);
            }
            millis = (System.nanoTime() - ended) / 1e6;
        } else if (dropped > 0) {
            out.add("The transcriber fell behind and skipped " + dropped + " bits of audio.");
        }
        if (transcript.isPresent()) {
            try {
                TranscriptFiles.write(transcript.get(), files.transcript(), files.subtitles());
                if (transcriptOnly) {
                    forgetSound(files, out);
                }
            } catch (IOException e) {
                LOG.error("Could not save the transcript of {}", files.video(), e);
                out.add("The transcript could not be saved to " + files.transcript() + ": " + e.getMessage());
            }
            metrics = Optional.of(SpeechMetrics.of(transcript.get(), audio, LiveTranscriber.RATE, question,
                    metricSettings));
            voice = VoiceMetrics.measure(audio, LiveTranscriber.RATE);
        }
        transcriber.ifPresent(LiveTranscriber::close);
        if (transcriptOnly && !java.nio.file.Files.exists(files.transcript())) {
            out.add("\"Transcript only\" is on: the sound is kept until this take has been transcribed, then "
                    + "deleted.");
        }
        return new TakeResult(question, files, stats, transcript, metrics, voice, millis, out);
    }

    /**
     * A transcript-only take's transcript is saved: says so beside the take, then deletes its sound. The marker comes
     * first, so a crash in between leaves a marked take whose sound the late transcription removes, never an
     * unexplained gap.
     */
    static void forgetSound(TakeFiles files, List<String> notes) {
        try {
            app.retake.history.VideoGone.transcriptOnly(java.time.LocalDate.now()).write(files);
            java.nio.file.Files.deleteIfExists(files.sound());
            java.nio.file.Files.deleteIfExists(files.soundOnly().recording());
        } catch (IOException e) {
            LOG.error("Could not delete the sound of the transcript-only take {}", files.take(), e);
            notes.add("The sound of this take could not be deleted (" + e.getMessage() + "): " + files.sound());
        }
    }
}
