package app.retake.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Retake keeps things on this machine: the data root (attempt log, recordings, log file), the question
 * bank folder and the speech model.
 *
 * <p>Run from a checkout (a folder holding {@code pom.xml} and {@code question-banks/}), the data root defaults to
 * the checkout's {@code recordings/}; otherwise to {@code ~/Retake/}. {@code --data}, {@code --banks} and
 * {@code --model} override.
 *
 * @param checkout the checkout Retake runs from, if any
 */
public record Locations(Path dataRoot, Path banksDir, Path modelDir, Optional<Path> checkout) {

    /** Environment variable naming the speech model folder, used when {@code --model} is not given. */
    public static final String MODEL_ENV = "RETAKE_MODEL";
    /** Folder name of the model inside a checkout's or the data root's {@code models/}. */
    public static final String MODEL_FOLDER = "vosk-model-en-us";

    /** Resolves locations for this process: its working directory, code location, home and environment. */
    public static Locations resolve(Path dataOption, Path banksOption, Path modelOption) {
        return resolve(dataOption, banksOption, modelOption, System.getenv(), Path.of("").toAbsolutePath(),
                codeLocation(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves locations from explicit inputs (for tests). Nothing is created on disk. */
    public static Locations resolve(Path dataOption, Path banksOption, Path modelOption, Map<String, String> env,
                                    Path workingDir, Path codeLocation, Path home) {
        Optional<Path> checkout = findCheckout(workingDir, codeLocation);
        Path dataRoot = dataOption != null
                ? dataOption.toAbsolutePath().normalize()
                : checkout.map(c -> c.resolve("recordings")).orElse(home.resolve("Retake"));
        Path banks = banksOption != null ? banksOption.toAbsolutePath().normalize()
                : checkout.map(c -> c.resolve("question-banks")).orElse(dataRoot.resolve("question-banks"));
        Path model = modelOption != null ? modelOption.toAbsolutePath().normalize() : defaultModel(env, checkout,
                codeLocation, dataRoot);
        return new Locations(dataRoot, banks, model, checkout);
    }

    private static Path defaultModel(Map<String, String> env, Optional<Path> checkout, Path codeLocation,
                                     Path dataRoot) {
        String fromEnv = env.get(MODEL_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        List<Path> candidates = new ArrayList<>();
        checkout.ifPresent(c -> candidates.add(c.resolve("models").resolve(MODEL_FOLDER)));
        if (codeLocation != null && codeLocation.getParent() != null) {
            candidates.add(codeLocation.getParent().resolve("models").resolve(MODEL_FOLDER));
        }
        candidates.add(dataRoot.resolve("models").resolve(MODEL_FOLDER));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(0));
    }

    private static Optional<Path> findCheckout(Path... starts) {
        for (Path start : starts) {
            Path dir = start == null ? null : start.toAbsolutePath().normalize();
            for (int depth = 0; dir != null && depth < 4; depth++, dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("question-banks"))) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    private static Path codeLocation() {
        try {
            var source = Locations.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }

    /** Usable bytes on the file system holding the data root (or its nearest existing parent), if known. */
    public Optional<Long> freeSpace() {
        Path dir = dataRoot;
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return Optional.empty();
        }
        try {
            FileStore store = Files.getFileStore(dir);
            return Optional.of(store.getUsableSpace());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Why nothing can be saved under the data root, in a few plain words, or empty when it can: creates the folder
     * if it is missing and writes (then deletes) a small file in it. Only trying tells for sure: a folder can look
     * writable and sit on a read-only disk, and permissions do not stop an administrator.
     */
    public Optional<String> unwritable() {
        return unwritable(dataRoot);
    }

    /** Why nothing can be saved in {@code dir}, or empty when it can; see {@link #unwritable()}. */
    public static Optional<String> unwritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(IoProblems.describe(e));
        } catch (SecurityException e) {
            return Optional.of("access denied");
        }
    }

    /** The folder for log files. */
    public Path logDir() {
        return dataRoot;
    }
}
