package app.retake.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import app.retake.cli.BenchCommand;
import app.retake.cli.GuiStarter;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;
import app.retake.speech.ModelStatus;
import app.retake.storage.Locations;
import app.retake.ui.practice.PracticeModel.Phase;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Drives the real window through one practice take, as a user pressing Space would, and measures what a user
 * would feel: how soon the window appears, whether the FX thread ever stalls while recording with live
 * transcription, the camera preview's frame rate, and the process's memory.
 */
final class UiBench {

    /** A pulse gap above this is a visible hitch: three missed frames at 60 Hz. */
    static final double STALL_MS = 50;

    private final Locations locations;
    private final GuiStarter.UiBenchOptions options;
    private final PrintWriter out;
    private MainWindow window;
    private Stage stage;
    private volatile long shownMillis = -1;

    UiBench(Locations locations, GuiStarter.UiBenchOptions options, PrintWriter out) {
        this.locations = locations;
        this.options = options;
        this.out = out;
    }

    int run() throws IOException, InterruptedException {
        Files.createDirectories(locations.dataRoot());
        new SettingsStore(locations.dataRoot().resolve(SettingsStore.FILE_NAME)).save(Settings.defaults()
                .withDevices(options.camera(), options.microphone()).withVideoSize(options.size()));
        try (Services services = new Services(locations)) {
            CompletableFuture<Void> shown = new CompletableFuture<>();
            try {
                Platform.startup(() -> {
                    MainWindow.applyTheme();
                    window = new MainWindow(services);
                    stage = new Stage();
                    window.attach(stage);
                    stage.setOnShown(e -> {
                        shownMillis = System.currentTimeMillis()
                                - ManagementFactory.getRuntimeMXBean().getStartTime();
                        shown.complete(null);
                    });
                    stage.show();
                    window.startBackgroundWork();
                });
            } catch (RuntimeException e) {
                out.println("FAILED: the window toolkit did not start (" + e.getMessage() + "). A display is "
                        + "needed: on a headless machine run this under xvfb-run.");
                return 2;
            }
            try {
                return drive(services, shown);
            } finally {
                Platform.runLater(() -> stage.close());
                Platform.exit();
            }
        }
    }

    private int drive(Services services, CompletableFuture<Void> shown) throws InterruptedException {
        try {
            shown.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            out.println("FAILED: the window did not appear within 30 s.");
            return 1;
        }
        out.printf(Locale.ROOT, "window shown: %d ms after JVM start (target: under 2000 ms)%n", shownMillis);
        ModelStatus model = services.speech.loadInBackground().join();
        if (!(model instanceof ModelStatus.Ready)) {
            out.println("FAILED: the speech model is not available (" + model + "); live transcription is part of "
                    + "this measurement.");
            return 1;
        }
        on(() -> {
            window.practice().space();
            return null;
        });
        if (!waitFor(() -> window.practice().phase().get() == Phase.QUESTION, 30)) {
            out.println("FAILED: no question was sprung: " + on(() -> window.practice().status().get()));
            return 1;
        }
        Pulses pulses = on(() -> {
            Pulses p = new Pulses();
            p.start();
            window.practice().space();
            return p;
        });
        if (!waitFor(() -> window.practice().phase().get() == Phase.RECORDING, 30)) {
            out.println("FAILED: recording did not start: " + on(() -> window.practice().status().get()));
            return 1;
        }
        long started = System.nanoTime();
        long framesBefore = on(() -> window.practice().previewFrames());
        long peakRecording = 0;
        while ((System.nanoTime() - started) / 1e9 < options.seconds()) {
            Thread.sleep(200);
            peakRecording = Math.max(peakRecording, BenchCommand.memoryKb("VmRSS:"));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long frames = on(() -> window.practice().previewFrames()) - framesBefore;
        String captions = on(() -> window.practice().captions().get());
        long stopAt = System.nanoTime();
        on(() -> {
            window.practice().space();
            return null;
        });
        if (!waitFor(() -> window.review().take().get().isPresent(), 120)) {
            out.println("FAILED: the review did not open after stopping.");
            return 1;
        }
        double reviewMs = (System.nanoTime() - stopAt) / 1e6;
        Thread.sleep(1000);
        long settled = System.nanoTime();
        List<Double> recording = on(() -> pulses.gaps(started, stopAt));
        List<Double> saving = on(() -> {
            pulses.stop();
            return pulses.gaps(stopAt, settled);
        });
        var take = on(() -> window.review().take().get().orElseThrow());
        out.printf(Locale.ROOT, "recorded %.1f s: camera %s, microphone %s, live transcription on; max heap %d MB%n",
                seconds, options.camera(), options.microphone(), Runtime.getRuntime().maxMemory() >> 20);
        out.println("FX thread while recording: " + describe(recording) + " (target: none over "
                + (int) STALL_MS + " ms)");
        out.println("FX thread from Space to the review and the second after it: " + describe(saving));
        out.printf(Locale.ROOT, "camera preview: %.1f frames per second shown (target: at least 24)%n",
                frames / seconds);
        out.printf(Locale.ROOT, "live captions at the end: \"%s\"%n", captions);
        out.printf(Locale.ROOT, "transcript: %d words, ready %.0f ms after the answer ended; review shown %.0f ms "
                        + "after Space%n", take.transcript().map(t -> t.words().size()).orElse(0),
                take.transcriptMillis(), reviewMs);
        out.printf(Locale.ROOT, "memory (resident): peak while recording %.0f MB, peak of the whole run %.0f MB "
                + "(target: 700 MB)%n", peakRecording / 1024.0, BenchCommand.memoryKb("VmHWM:") / 1024.0);
        take.notes().forEach(n -> out.println("note: " + n));
        out.flush();
        return 0;
    }

    /** Records the time between FX pulses; touch on the FX thread only. */
    private static final class Pulses extends AnimationTimer {
        private final List<Double> gaps = new ArrayList<>();
        private final List<Long> ends = new ArrayList<>();
        private long last = -1;

        @Override
        public void handle(long now) {
            if (last >= 0) {
                gaps.add((now - last) / 1e6);
                ends.add(now);
            }
            last = now;
        }

        /** Gaps that ended between {@code from} and {@code to} (System.nanoTime). */
        List<Double> gaps(long from, long to) {
            List<Double> within = new ArrayList<>();
            for (int i = 0; i < gaps.size(); i++) {
                if (ends.get(i) >= from && ends.get(i) <= to) {
                    within.add(gaps.get(i));
                }
            }
            return within;
        }
    }

    /** "412 pulses, longest gap 34 ms, p99 18 ms, gaps over 50 ms: 0". */
    private static String describe(List<Double> gaps) {
        List<Double> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        double longest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
        double p99 = sorted.isEmpty() ? 0
                : sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(0.99 * sorted.size()) - 1)));
        long stalls = gaps.stream().filter(g -> g > STALL_MS).count();
        return String.format(Locale.ROOT, "%d pulses, longest gap %.0f ms, p99 %.0f ms, gaps over %.0f ms: %d",
                gaps.size(), longest, p99, STALL_MS, stalls);
    }

    private static <T> T on(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    private static boolean waitFor(Supplier<Boolean> condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (on(condition)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
