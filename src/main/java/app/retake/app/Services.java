package app.retake.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

import app.retake.capture.CameraDiscovery;
import app.retake.capture.MicrophoneDiscovery;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;
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
    /** Starting and finishing takes: opening devices, finishing files, transcribing the last words. */
    final ExecutorService takes = Executors.newSingleThreadExecutor(named("takes"));
    /** Ambush mode: waits for its random moments, counts the popup down and plays the chime. */
    final ScheduledExecutorService ambush = Executors.newSingleThreadScheduledExecutor(named("ambush"));
    final SettingsStore settingsStore;
    /** The settings in force; replaced as a whole when the user saves new ones. */
    final AtomicReference<Settings> settings;
    /** What was wrong with the settings file at start, to tell the user once the window is up. */
    final List<String> settingsProblems;

    Services(Locations locations) {
        this.locations = locations;
        this.speech = new SpeechModelService(locations.modelDir());
        this.settingsStore = SettingsStore.in(locations.dataRoot());
        SettingsStore.Loaded loaded = settingsStore.load();
        this.settings = new AtomicReference<>(loaded.settings());
        this.settingsProblems = loaded.problems();
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
        takes.shutdownNow();
        ambush.shutdownNow();
        speech.close();
    }
}
