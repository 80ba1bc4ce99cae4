package app.retake.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Owns the one shared Vosk model: loads it on its own thread and tells listeners how that went.
 * Recording never waits for it.
 */
public final class SpeechModelService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechModelService.class);
    /** Files every Vosk model folder has; checked first so a wrong folder gets a plain message. */
    private static final List<String> REQUIRED_FILES = List.of("am/final.mdl", "conf/model.conf");

    private final Path dir;
    private final ExecutorService executor;
    private final List<Consumer<ModelStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile ModelStatus status;
    private volatile Model model;
    private CompletableFuture<ModelStatus> loading;

    public SpeechModelService(Path dir) {
        this.dir = dir;
        this.status = new ModelStatus.Loading(dir);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "speech-model");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts loading on the service's thread (once); the future completes with the outcome. */
    public synchronized CompletableFuture<ModelStatus> loadInBackground() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(this::load, executor);
        }
        return loading;
    }

    /** Calls {@code listener} on the loading thread whenever the status changes. */
    public void addListener(Consumer<ModelStatus> listener) {
        listeners.add(listener);
    }

    public ModelStatus status() {
        return status;
    }

    /** The loaded model, once {@link #status()} is {@link ModelStatus.Ready}. */
    public Optional<Model> model() {
        return Optional.ofNullable(model);
    }

    private ModelStatus load() {
        ModelStatus outcome;
        Optional<String> missing = REQUIRED_FILES.stream().filter(f -> !Files.isRegularFile(dir.resolve(f)))
                .findFirst();
        if (!Files.isDirectory(dir)) {
            outcome = new ModelStatus.Missing(dir);
        } else if (missing.isPresent()) {
            outcome = new ModelStatus.Failed(dir, "it is not a complete Vosk model (" + missing.get() + " is missing)");
        } else {
            long start = System.nanoTime();
            try {
                Optional<String> damaged = ModelCheck.problem(dir);
                if (damaged.isPresent()) {
                    outcome = new ModelStatus.Failed(dir, damaged.get());
                } else {
                    LibVosk.setLogLevel(LogLevel.WARNINGS);
                    Model loaded = new Model(dir.toString());
                    outcome = usable(loaded);
                    if (outcome == null) {
                        model = loaded;
                        outcome = new ModelStatus.Ready(dir, Duration.ofNanos(System.nanoTime() - start));
                    }
                }
            } catch (IOException e) {
                outcome = new ModelStatus.Failed(dir, "Vosk could not read it (" + e.getMessage() + ")");
            } catch (LinkageError e) {
                outcome = new ModelStatus.Failed(dir, "the Vosk library does not run on this system (" + e + ")");
            }
        }
        if (outcome instanceof ModelStatus.Failed failed) {
            LOG.error("Speech model at {} failed to load: {}", dir, failed.reason());
        } else {
            LOG.info("Speech model at {}: {}", dir, outcome);
        }
        status = outcome;
        for (Consumer<ModelStatus> listener : listeners) {
            listener.accept(outcome);
        }
        return outcome;
    }

    /**
     * Null when a recogniser can be made from {@code loaded}; otherwise why not, and the model is closed. A model
     * missing its decoding graph loads without complaint and fails only here, which would otherwise stop every take.
     */
    private ModelStatus usable(Model loaded) {
        try (Recognizer probe = new Recognizer(loaded, LiveTranscriber.RATE)) {
            return null;
        } catch (IOException | RuntimeException e) {
            loaded.close();
            return new ModelStatus.Failed(dir, "Vosk could not use it (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        Model loaded = model;
        model = null;
        if (loaded != null) {
            loaded.close();
        }
    }
}
