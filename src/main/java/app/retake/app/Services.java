package app.retake.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import app.retake.capture.CameraDiscovery;
import app.retake.capture.MicrophoneDiscovery;
import app.retake.speech.SpeechModelService;
import app.retake.storage.Locations;

/** The long-lived pieces the window uses, built once here and closed on exit. */
final class Services implements AutoCloseable {

    final Locations locations;
    final SpeechModelService speech;
    final CameraDiscovery cameras = new CameraDiscovery();
    final MicrophoneDiscovery microphones = new MicrophoneDiscovery();
    /** Device searches; the camera driver can be slow, so it never shares a thread with file work. */
    final ExecutorService devices = Executors.newSingleThreadExecutor(named("devices"));
    /** Reading and writing user files (banks, later the attempt log). */
    final ExecutorService files = Executors.newSingleThreadExecutor(named("files"));

    Services(Locations locations) {
        this.locations = locations;
        this.speech = new SpeechModelService(locations.modelDir());
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        devices.shutdownNow();
        files.shutdownNow();
        speech.close();
    }
}
