package app.retake.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.retake.capture.Camera;
import app.retake.capture.Cameras;
import app.retake.capture.DeviceException;
import app.retake.capture.Microphone;
import app.retake.capture.Microphones;
import app.retake.capture.Resolution;

/**
 * The camera and microphone opened for a take, and in plain words what is missing. A missing device never stops
 * a take while the other one works.
 *
 * @param notes sentences for the user, e.g. "No camera found … This take is audio-only."
 */
public record Devices(Optional<Camera> camera, Optional<Microphone> microphone, double fps, List<String> notes) {

    private static final String NO_CAMERA = " This take is audio-only.";
    private static final String NO_MICROPHONE = " This take has no sound or transcript.";

    /** Both kinds of microphone deliver 20 ms chunks. */
    static final int CHUNKS_PER_SECOND = 50;

    public Devices {
        notes = List.copyOf(notes);
    }

    public boolean any() {
        return camera.isPresent() || microphone.isPresent();
    }

    /** Opens one device; empty when the settings turn it off. */
    @FunctionalInterface
    public interface Opener<T> {
        Optional<T> open() throws DeviceException;
    }

    /** Opens the devices the specs name (see {@link Cameras#open} and {@link Microphones#open}). */
    public static Devices open(String cameraSpec, String microphoneSpec, Resolution size, double fps) {
        return open(() -> Cameras.open(cameraSpec, size, fps), () -> Microphones.open(microphoneSpec), fps);
    }

    /**
     * Opens a camera and a microphone with the openers given, saying in plain words what is missing: the same
     * rules for real devices and for the stand-ins the fault trials unplug.
     */
    public static Devices open(Opener<Camera> cameras, Opener<Microphone> microphones, double fps) {
        List<String> notes = new ArrayList<>();
        Optional<Camera> camera;
        try {
            camera = cameras.open();
            if (camera.isEmpty()) {
                notes.add("The camera is off in Settings, so this take is audio-only.");
            }
        } catch (DeviceException e) {
            camera = Optional.empty();
            notes.add(e.getMessage() + NO_CAMERA);
        }
        return new Devices(camera, openMicrophone(microphones, notes), fps, notes);
    }

    /**
     * Only the microphone, for "Transcript only": the camera is never opened, whatever Settings names, so no
     * picture is captured at all.
     */
    public static Devices soundOnly(String microphoneSpec, double fps) {
        List<String> notes = new ArrayList<>(List.of("\"Transcript only\" is on in Settings: the camera stays off "
                + "and only the transcript is kept."));
        Optional<Microphone> microphone = openMicrophone(() -> Microphones.open(microphoneSpec), notes);
        return new Devices(Optional.empty(), microphone, fps, notes);
    }

    private static Optional<Microphone> openMicrophone(Opener<Microphone> microphones, List<String> notes) {
        try {
            Optional<Microphone> microphone = microphones.open();
            if (microphone.isEmpty()) {
                notes.add("The microphone is off in Settings, so this take has no sound or transcript.");
            }
            return microphone;
        } catch (DeviceException e) {
            notes.add(e.getMessage() + NO_MICROPHONE);
            return Optional.empty();
        }
    }

    /** The same devices but the camera, which failed to start: {@code why} says so, and the take is audio-only. */
    Devices withoutCamera(String why) {
        List<String> more = new ArrayList<>(notes);
        more.add(why + NO_CAMERA);
        return new Devices(Optional.empty(), microphone, fps, more);
    }

    /** The same devices but the microphone, which failed to start: {@code why} says so. */
    Devices withoutMicrophone(String why) {
        List<String> more = new ArrayList<>(notes);
        more.add(why + NO_MICROPHONE);
        return new Devices(camera, Optional.empty(), fps, more);
    }
}
