package app.retake.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import app.retake.capture.CameraInfo;
import app.retake.capture.DeviceScan;
import app.retake.capture.MicrophoneInfo;
import app.retake.doctor.Finding.Level;
import app.retake.doctor.Finding.Subject;
import app.retake.speech.ModelStatus;
import app.retake.storage.Locations;

/** Turns device scans, the model status and the data root into findings a person can act on. */
public final class Findings {

    /**
     * What the status area says about a device the user chose in Settings instead of the first one found: a test
     * source, a file, a named device, or none. Empty for the default, which a device search reports on.
     */
    public static java.util.Optional<Finding> chosen(Finding.Subject subject, String spec) {
        String s = spec == null ? "" : spec.strip();
        boolean camera = subject == Finding.Subject.CAMERA;
        if (s.isEmpty() || s.equalsIgnoreCase("default")) {
            return java.util.Optional.empty();
        }
        if (s.equalsIgnoreCase("none")) {
            return java.util.Optional.of(new Finding(subject, Finding.Level.LIMITED, camera
                    ? "Camera turned off in Settings. Takes are audio-only."
                    : "Microphone turned off in Settings. Takes have no sound and no transcript.", List.of()));
        }
        if (s.equalsIgnoreCase("synthetic")) {
            return java.util.Optional.of(new Finding(subject, Finding.Level.OK,
                    "Test pattern chosen in Settings (no real camera is used).", List.of()));
        }
        if (s.regionMatches(true, 0, "file:", 0, 5)) {
            return java.util.Optional.of(new Finding(subject, Finding.Level.OK, (camera ? "Playing the video file "
                    : "Playing the sound file ") + s.substring(5) + " as the " + (camera ? "camera" : "microphone")
                    + " (chosen in Settings).", List.of()));
        }
        return java.util.Optional.empty();
    }

    /** Below this much free space a user should be warned before recording (a few minutes of video). */
    static final long LOW_SPACE_BYTES = 500L * 1024 * 1024;

    private Findings() {
    }

    public static Finding camera(DeviceScan<CameraInfo> scan) {
        if (scan.error().isPresent()) {
            return new Finding(Subject.CAMERA, Level.LIMITED,
                    "Could not look for cameras, so takes will be audio-only.",
                    List.of("Reason: " + scan.error().get()));
        }
        List<CameraInfo> cameras = scan.devices();
        if (cameras.isEmpty()) {
            return new Finding(Subject.CAMERA, Level.LIMITED, "No camera found. Takes will be audio-only.",
                    List.of("Plug in a webcam and restart Retake to record video."));
        }
        List<String> details = cameras.stream()
                .map(c -> c.name() + (c.resolutions().isEmpty() ? ""
                        : " (" + c.resolutions().stream().map(Object::toString).collect(Collectors.joining(", ")) + ")"))
                .toList();
        return new Finding(Subject.CAMERA, Level.OK, count(cameras.size(), "camera") + " found: "
                + cameras.get(0).name() + (cameras.size() > 1 ? " and others" : "") + ".", details);
    }

    public static Finding microphone(DeviceScan<MicrophoneInfo> scan) {
        if (scan.error().isPresent()) {
            return new Finding(Subject.MICROPHONE, Level.LIMITED,
                    "Could not look for microphones; you can still type notes and rate yourself.",
                    List.of("Reason: " + scan.error().get()));
        }
        List<MicrophoneInfo> mics = scan.devices();
        if (mics.isEmpty()) {
            return new Finding(Subject.MICROPHONE, Level.LIMITED,
                    "No microphone found. Takes will have no sound and no transcript; "
                            + "you can still type notes and rate yourself.",
                    List.of("Plug in a microphone or headset and restart Retake."));
        }
        List<String> details = new ArrayList<>();
        for (MicrophoneInfo mic : mics) {
            String rates = mic.sampleRates().isEmpty() ? "no common 16-bit mono rate"
                    : mic.sampleRates().stream().map(Findings::khz).collect(Collectors.joining(", "));
            details.add(mic.name() + " (" + rates + ")");
        }
        return new Finding(Subject.MICROPHONE, Level.OK,
                count(mics.size(), "microphone") + " found: " + mics.get(0).name()
                        + (mics.size() > 1 ? " and others" : "") + ".", details);
    }

    public static Finding model(ModelStatus status) {
        String path = "Folder: " + status.dir();
        if (status instanceof ModelStatus.Loading) {
            return new Finding(Subject.SPEECH_MODEL, Level.PENDING,
                    "Loading the speech model… you can record meanwhile.", List.of(path));
        }
        if (status instanceof ModelStatus.Ready ready) {
            return new Finding(Subject.SPEECH_MODEL, Level.OK, String.format(Locale.ROOT,
                    "Speech model ready (loaded in %.1f s). Answers are transcribed on this machine.",
                    ready.loadTime().toMillis() / 1000.0), List.of(path));
        }
        if (status instanceof ModelStatus.Missing) {
            return new Finding(Subject.SPEECH_MODEL, Level.LIMITED,
                    "No speech model found, so answers are recorded but not transcribed.",
                    List.of(path, "Fetch it with ./mvnw compile in the Retake folder, or point --model "
                            + "(or RETAKE_MODEL) at a Vosk model folder."));
        }
        ModelStatus.Failed failed = (ModelStatus.Failed) status;
        return new Finding(Subject.SPEECH_MODEL, Level.PROBLEM,
                "The speech model could not be loaded: " + failed.reason()
                        + ". Answers are recorded but not transcribed.",
                List.of(path, "Delete the folder and run ./mvnw compile to fetch it again."));
    }

    public static Finding data(Locations locations) {
        return data(locations, List.of());
    }

    /** The data finding, also naming takes a crash had interrupted that were just repaired. */
    public static Finding data(Locations locations, List<Path> repairedTakes) {
        List<String> details = new ArrayList<>();
        details.add("Data root: " + locations.dataRoot());
        details.add("Question banks: " + locations.banksDir());
        var unwritable = locations.unwritable();
        if (unwritable.isPresent()) {
            return new Finding(Subject.DATA, Level.PROBLEM, "Retake cannot save anything in the data folder "
                    + locations.dataRoot() + " (" + unwritable.get() + "): takes, ratings and settings would be "
                    + "lost. Choose another folder with --data DIR.", details);
        }
        var free = locations.freeSpace();
        if (free.isEmpty()) {
            return new Finding(Subject.DATA, Level.PROBLEM,
                    "Cannot tell how much space is free for recordings at " + locations.dataRoot() + ".", details);
        }
        String summary = "Recordings are kept in " + locations.dataRoot() + " (" + bytes(free.get()) + " free).";
        if (!repairedTakes.isEmpty()) {
            summary += " Recovered " + count(repairedTakes.size(), "take") + " interrupted by a crash.";
            repairedTakes.forEach(p -> details.add("Recovered: " + p));
        }
        if (free.get() < LOW_SPACE_BYTES) {
            return new Finding(Subject.DATA, Level.PROBLEM, summary
                    + " That is too little for video; free some space before recording.", details);
        }
        return new Finding(Subject.DATA, Level.OK, summary, details);
    }

    /**
     * {@code data} with what the start-up recovery did: takes Retake had died during, now in the history marked
     * interrupted, and anything it could not do.
     */
    public static Finding withRecovery(Finding data, int interruptedLogged, List<String> problems) {
        if (interruptedLogged == 0 && problems.isEmpty()) {
            return data;
        }
        List<String> details = new ArrayList<>(data.details());
        details.addAll(problems);
        String summary = data.summary();
        if (interruptedLogged > 0) {
            summary += " " + (interruptedLogged == 1 ? "A take" : interruptedLogged + " takes")
                    + " Retake stopped in the middle of " + (interruptedLogged == 1 ? "is" : "are")
                    + " now in the history, marked interrupted.";
        }
        if (!problems.isEmpty()) {
            summary += " " + problems.get(0);
        }
        Level level = problems.isEmpty() ? data.level() : Level.PROBLEM;
        return new Finding(data.subject(), level, summary, details);
    }

    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", bytes / (1L << 20));
    }

    private static String khz(int hz) {
        return hz % 1000 == 0 ? hz / 1000 + " kHz" : String.format(Locale.ROOT, "%.1f kHz", hz / 1000.0);
    }

    private static String count(int n, String noun) {
        return n == 1 ? "1 " + noun : n + " " + noun + "s";
    }
}
