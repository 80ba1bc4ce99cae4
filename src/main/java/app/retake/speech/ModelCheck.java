package app.retake.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Checks a speech model's files before Vosk reads them. Vosk (Kaldi underneath) trusts its files: most damage makes
 * loading fail, but some (a word list cut short, changed bytes in a decoding graph) loads fine and then crashes the
 * whole program at the first words it hears. The model Retake ships is checked file by file against the sizes and
 * checksums it was built with; for any other model only what can be seen without them is checked.
 */
final class ModelCheck {

    private static final String KNOWN = "known-models.txt";

    /** One file of a known model: its path in the folder, size and CRC-32C. */
    record Expected(String path, long size, long crc) {
    }

    /** A model Retake knows by the contents of its {@code uuid} file. */
    record Known(String uuid, List<Expected> files) {
    }

    private ModelCheck() {
    }

    /**
     * What is wrong with the files in {@code dir}, in words for the user; empty when nothing was found.
     *
     * @throws IOException when a file cannot be read at all
     */
    static Optional<String> problem(Path dir) throws IOException {
        Optional<Known> known = identify(dir, known());
        if (known.isPresent()) {
            for (Expected e : known.get().files()) {
                Optional<String> wrong = check(dir, e);
                if (wrong.isPresent()) {
                    return wrong;
                }
            }
            return Optional.empty();
        }
        return cutListFile(dir);
    }

    /**
     * The known model {@code dir} holds: by its {@code uuid} file, or, if that is damaged, by most of a known
     * model's files being there at their sizes. Anything else is a model Retake cannot vouch for.
     */
    static Optional<Known> identify(Path dir, List<Known> models) throws IOException {
        Path uuidFile = dir.resolve("uuid");
        String uuid = Files.isRegularFile(uuidFile) && Files.size(uuidFile) < 1000
                ? new String(Files.readAllBytes(uuidFile), StandardCharsets.UTF_8).strip() : "";
        for (Known k : models) {
            if (k.uuid().equals(uuid)) {
                return Optional.of(k);
            }
        }
        for (Known k : models) {
            long matching = k.files().stream().filter(e -> {
                Path f = dir.resolve(e.path());
                try {
                    return Files.isRegularFile(f) && Files.size(f) == e.size();
                } catch (IOException ex) {
                    return false;
                }
            }).count();
            if (matching * 3 >= k.files().size() * 2L) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(Path dir, Expected e) throws IOException {
        Path file = dir.resolve(e.path());
        if (!Files.isRegularFile(file)) {
            return Optional.of(e.path() + " is missing");
        }
        long size = Files.size(file);
        if (size != e.size()) {
            return Optional.of(e.path() + " is damaged (" + size + " bytes where the model has " + e.size() + ")");
        }
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        if (crc.getValue() != e.crc()) {
            return Optional.of(e.path() + " is damaged (its contents are not those of the model Retake ships)");
        }
        return Optional.empty();
    }

    /**
     * For a model Retake does not know: its lists of numbers ({@code *.int}) are written a line at a time, so one that
     * is empty or stops mid-line was cut short, and Vosk would read the part that is left without complaint.
     */
    private static Optional<String> cutListFile(Path dir) throws IOException {
        List<Path> lists = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".int"))
                    .filter(Files::isRegularFile).sorted().forEach(lists::add);
        }
        for (Path list : lists) {
            byte[] bytes = Files.readAllBytes(list);
            if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
                return Optional.of(dir.relativize(list).toString().replace('\\', '/') + " is cut short");
            }
        }
        return Optional.empty();
    }

    /** The models listed in the {@value #KNOWN} resource. */
    static List<Known> known() throws IOException {
        List<Known> models = new ArrayList<>();
        try (InputStream in = ModelCheck.class.getResourceAsStream(KNOWN)) {
            if (in == null) {
                return models;
            }
            String uuid = null;
            List<Expected> files = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("model ")) {
                    if (uuid != null) {
                        models.add(new Known(uuid, files));
                    }
                    uuid = l.substring(6).strip();
                    files = new ArrayList<>();
                } else {
                    String[] parts = l.split(" ", 3);
                    files.add(new Expected(parts[2], Long.parseLong(parts[1]), Long.parseLong(parts[0], 16)));
                }
            }
            if (uuid != null) {
                models.add(new Known(uuid, files));
            }
        }
        return models;
    }
}
