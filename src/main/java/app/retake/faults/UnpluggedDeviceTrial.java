package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import app.retake.capture.AudioLevel;
import app.retake.capture.Camera;
import app.retake.capture.Cameras;
import app.retake.capture.DeviceException;
import app.retake.capture.Microphone;
import app.retake.capture.Resolution;
import app.retake.capture.SyntheticAudio;
import app.retake.capture.VideoFrame;
import app.retake.capture.WebcamCamera;
import app.retake.history.TakeFiles;
import app.retake.practice.Devices;
import app.retake.practice.LiveTake;
import app.retake.practice.TakeResult;
import app.retake.speech.MetricSettings;
import app.retake.speech.SpeechModelService;

/**
 * Devices: the camera, the microphone or both pulled out in the middle of a take, driven through the real take
 * ({@link LiveTake}, the camera code that notices a silent webcam, the recorder) as the app records. The take must
 * go on with what still works and end cleanly with a playable file holding what was captured up to the failure; the
 * user must be told, naming the device; and the next take, right after, must record with what is left (sound only,
 * or picture only), or say plainly that nothing is left.
 *
 * <p>Takes here run in real time, a few seconds each, and wait for the camera code's two seconds without pictures
 * before it gives a camera up. Without a speech model, so the decoder does not compete with the encoder for the CPU.
 */
public final class UnpluggedDeviceTrial implements FaultTrial {

    /** Which device is pulled out. */
    public enum Unplugged {
        CAMERA("camera"), MICROPHONE("microphone"), BOTH("camera and microphone");

        private final String words;

        Unplugged(String words) {
            this.words = words;
        }
    }

    private static final double FPS = 30;
    private static final double CHUNK_SECONDS = 0.02;
    /** How long a take goes on after the failure, and how long the next take lasts. */
    private static final long GOES_ON_MILLIS = 600;
    private static final long NEXT_TAKE_MILLIS = 800;
    /** Longest wait for a failure to be noticed: far beyond the camera code's two seconds. */
    private static final long NOTICE_LIMIT_MILLIS = 20_000;

    private final Unplugged unplugged;
    private final long seed;

    public UnpluggedDeviceTrial(Unplugged unplugged) {
        this(unplugged, Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    UnpluggedDeviceTrial(Unplugged unplugged, long seed) {
        this.unplugged = unplugged;
        this.seed = seed;
    }

    @Override
    public String fault() {
        return unplugged.words + " unplugged mid-take";
    }

    @Override
    public Area area() {
        return Area.DEVICES;
    }

    @Override
    public int defaultTrials() {
        return 20;
    }

    @Override
    public int quickTrials() {
        return 3;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        // What the app does at start, before anything else touches webcam-capture.
        Cameras.installDriver();
        Path voice = scratch.resolve("voice.wav");
        SyntheticAudio.writeWav(voice, 3, 16_000);
        Trials.Tally tally = new Trials.Tally(seed);
        try (SpeechModelService noModel = new SpeechModelService(scratch.resolve("no-model"))) {
            for (int i = 0; i < trials; i++) {
                Path dir = Files.createDirectories(scratch.resolve("t" + i));
                Desk desk = new Desk(unplugged, i, voice, tally.random(i));
                tally.check(i, desk.toString(), () -> trial(desk, dir, noModel));
                Trials.deleteTree(dir);
            }
        }
        return tally.outcome(trials, trials + " takes with the " + unplugged.words + " pulled out after a random 0.5 "
                + "to 1.5 s (seed " + seed + "), through LiveTake and the real webcam code; checked: the take ends "
                + "cleanly with a playable file holding the pictures and sound up to the failure, "
                + (unplugged == Unplugged.BOTH ? "" : "goes on with what still works, ")
                + "the user is told by name, and the next take "
                + (unplugged == Unplugged.CAMERA ? "records sound only"
                : unplugged == Unplugged.MICROPHONE ? "records picture only" : "says there is nothing to record with"));
    }

    private static List<String> trial(Desk desk, Path dir, SpeechModelService noModel) throws Exception {
        List<String> wrong = new ArrayList<>();
        Devices devices = Devices.open(desk::openCamera, desk::openMicrophone, FPS);
        if (devices.camera().isEmpty() || devices.microphone().isEmpty()) {
            wrong.add("the devices did not open before the fault: " + devices.notes());
            return wrong;
        }
        TakeFiles first = new TakeFiles(dir, "take-01");
        Watch watch = new Watch();
        LiveTake take = LiveTake.start(Optional.empty(), first, devices, noModel, MetricSettings.defaults(), watch);
        long start = System.nanoTime() - Math.round(take.elapsedSeconds() * 1e9);
        long deadline = System.nanoTime() + NOTICE_LIMIT_MILLIS * 1_000_000;
        while (!desk.noticed(take.deviceFailure()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(GOES_ON_MILLIS);
        Optional<String> told = take.deviceFailure();
        TakeResult result = take.stop();
        if (!desk.noticed(told)) {
            wrong.add("the user was not told, by name, that the " + desk.unplugged.words + " stopped: " + told);
        }
        if (result.notes().stream().noneMatch(n -> desk.named(n))) {
            wrong.add("the take's notes do not name the device: " + result.notes());
        }
        wrong.addAll(checkRecording(desk, result, watch, start));

        // The next take, right after, with the devices opened again as the app opens them.
        Devices again = Devices.open(desk::openCamera, desk::openMicrophone, FPS);
        TakeFiles second = new TakeFiles(dir, "take-02");
        LiveTake next;
        try {
            next = LiveTake.start(Optional.empty(), second, again, noModel, MetricSettings.defaults(),
                    LiveTake.Listener.NONE);
        } catch (DeviceException e) {
            String said = e.getMessage().toLowerCase(Locale.ROOT);
            if (desk.unplugged != Unplugged.BOTH || !said.contains("camera") || !said.contains("microphone")) {
                wrong.add("the next take did not start: " + e.getMessage());
            }
            return wrong;
        }
        Thread.sleep(NEXT_TAKE_MILLIS);
        TakeResult nextResult = next.stop();
        if (desk.unplugged == Unplugged.BOTH) {
            wrong.add("a take started with neither device: " + nextResult.notes());
            return wrong;
        }
        Probe probe = Probe.of(nextResult.files().video());
        if (desk.unplugged == Unplugged.CAMERA) {
            if (probe.hasVideo() || !probe.hasAudio() || probe.audioSeconds() < 0.3) {
                wrong.add("the next take is not a take with sound only: " + probe);
            }
            if (nextResult.notes().stream().noneMatch(n -> n.contains("audio-only"))) {
                wrong.add("the next take did not say it is audio-only: " + nextResult.notes());
            }
        } else {
            if (!probe.hasVideo() || probe.hasAudio() || probe.frames() < 5) {
                wrong.add("the next take is not a take with picture only: " + probe);
            }
            if (nextResult.notes().stream().noneMatch(n -> n.contains("no sound"))) {
                wrong.add("the next take did not say it has no sound: " + nextResult.notes());
            }
        }
        return wrong;
    }

    /** The first take's file: playable, holding what was captured up to the failure, and what still worked after. */
    private static List<String> checkRecording(Desk desk, TakeResult result, Watch watch, long start)
            throws IOException {
        List<String> wrong = new ArrayList<>();
        if (!result.stats().file().equals(result.files().video()) || !Files.isRegularFile(result.files().video())) {
            wrong.add("the take was not finished as " + result.files().video().getFileName() + ": "
                    + result.stats().stopReason());
            return wrong;
        }
        Probe probe;
        try {
            probe = Probe.of(result.files().video());
        } catch (IOException e) {
            wrong.add("the take does not play: " + e.getMessage());
            return wrong;
        }
        long shown = watch.framesSince(start);
        if (probe.frames() < 0.8 * shown || probe.frames() > shown
                || probe.frames() != result.stats().framesEncoded()) {
            wrong.add("the file has " + probe.frames() + " pictures where " + shown + " were taken ("
                    + result.stats().framesEncoded() + " encoded)");
        }
        if (desk.unplugged != Unplugged.MICROPHONE && probe.frames() > desk.pictures) {
            wrong.add("the file has more pictures than the camera gave before it was pulled out");
        }
        double heard = watch.chunks() * CHUNK_SECONDS;
        if (Math.abs(probe.audioSeconds() - heard) > 0.15 + 0.1 * heard) {
            wrong.add(String.format(Locale.ROOT, "the file has %.2f s of sound where %.2f s were heard",
                    probe.audioSeconds(), heard));
        }
        double pictures = probe.frames() / FPS;
        if (desk.unplugged == Unplugged.CAMERA && probe.audioSeconds() < pictures + 0.3) {
            wrong.add(String.format(Locale.ROOT, "the sound did not go on after the camera stopped (%.2f s of sound, "
                    + "%.2f s of pictures)", probe.audioSeconds(), pictures));
        }
        if (desk.unplugged == Unplugged.MICROPHONE && pictures < probe.audioSeconds() + 0.3) {
            wrong.add(String.format(Locale.ROOT, "the pictures did not go on after the microphone stopped (%.2f s of "
                    + "pictures, %.2f s of sound)", pictures, probe.audioSeconds()));
        }
        return wrong;
    }

    /**
     * The computer the trial runs on: a camera and a microphone, one or both of which are pulled out during the
     * first take, after which opening them again fails the way it does for a device that is gone.
     */
    static final class Desk {
        final Unplugged unplugged;
        final String cameraName;
        final String microphoneName;
        final int pictures;
        final int chunks;
        private final boolean loudCamera;
        /** Whether a microphone that is gone fails when opened, rather than only when started (as a sound card). */
        private final boolean microphoneFailsToOpen;
        private final Path voice;
        private final AtomicBoolean cameraGone = new AtomicBoolean();
        private final AtomicBoolean microphoneGone = new AtomicBoolean();

        Desk(Unplugged unplugged, int trial, Path voice, SplittableRandom random) {
            this.unplugged = unplugged;
            this.voice = voice;
            this.cameraName = "Fault camera " + unplugged.ordinal() + "-" + trial;
            this.microphoneName = "Fault microphone " + unplugged.ordinal() + "-" + trial;
            this.pictures = unplugged == Unplugged.MICROPHONE ? Integer.MAX_VALUE : 15 + random.nextInt(31);
            this.chunks = unplugged == Unplugged.CAMERA ? Integer.MAX_VALUE : 25 + random.nextInt(51);
            this.loudCamera = random.nextBoolean();
            this.microphoneFailsToOpen = random.nextBoolean();
        }

        Optional<Camera> openCamera() throws DeviceException {
            if (cameraGone.get()) {
                // What opening the default camera says when the machine has none.
                throw new DeviceException("No camera found; takes will be audio-only.");
            }
            UnpluggedCamera device = new UnpluggedCamera(cameraName, pictures, loudCamera, cameraGone);
            return Optional.of(WebcamCamera.open(device.webcam(), new Resolution(UnpluggedCamera.SIZE.width,
                    UnpluggedCamera.SIZE.height), FPS));
        }

        Optional<Microphone> openMicrophone() throws DeviceException {
            if (microphoneGone.get() && microphoneFailsToOpen) {
                throw new DeviceException(UnpluggedMicrophone.gone(microphoneName));
            }
            return Optional.of(new UnpluggedMicrophone(microphoneName, voice, chunks, microphoneGone));
        }

        /** Whether {@code told} names every device that was pulled out. */
        boolean noticed(Optional<String> told) {
            return told.isPresent() && named(told.get()) && (unplugged != Unplugged.BOTH
                    || told.get().contains(cameraName) && told.get().contains(microphoneName));
        }

        /** Whether {@code text} names a device that was pulled out. */
        boolean named(String text) {
            return unplugged != Unplugged.MICROPHONE && text.contains(cameraName)
                    || unplugged != Unplugged.CAMERA && text.contains(microphoneName);
        }

        @Override
        public String toString() {
            return (pictures == Integer.MAX_VALUE ? "" : "camera gone after " + pictures + " pictures"
                    + (loudCamera ? " with an error" : "") + " ")
                    + (chunks == Integer.MAX_VALUE ? "" : "microphone gone after " + chunks + " chunks"
                    + (microphoneFailsToOpen ? ", then fails to open" : ", then fails to start"));
        }
    }

    /** What the take reported while it ran: when each picture was taken, and how many sound chunks it recorded. */
    private static final class Watch implements LiveTake.Listener {
        private final List<Long> frames = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger levels = new AtomicInteger();

        @Override
        public void frame(VideoFrame frame) {
            frames.add(frame.captureNanos());
        }

        @Override
        public void level(AudioLevel level) {
            levels.incrementAndGet();
        }

        long framesSince(long nanos) {
            synchronized (frames) {
                return frames.stream().filter(t -> t >= nanos).count();
            }
        }

        int chunks() {
            return levels.get();
        }
    }

    /** What a player finds in a take's file, every packet decoded. */
    record Probe(boolean hasVideo, boolean hasAudio, int frames, double audioSeconds) {

        static Probe of(Path file) throws IOException {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                int frames = 0;
                long samples = 0;
                Frame f;
                while ((f = grabber.grab()) != null) {
                    if (f.image != null) {
                        frames++;
                    }
                    if (f.samples != null) {
                        samples += f.samples[0].limit() / (f.samples.length == 1 ? Math.max(1, f.audioChannels) : 1);
                    }
                }
                return new Probe(grabber.hasVideo(), grabber.hasAudio(), frames,
                        grabber.hasAudio() ? samples / (double) grabber.getSampleRate() : 0);
            } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
