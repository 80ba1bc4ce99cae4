package app.retake.settings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.retake.capture.Resolution;
import app.retake.storage.AtomicFiles;

/**
 * Reads and writes {@code settings.json} under the data root. Reading never fails: a missing file gives the
 * defaults, and a bad or unknown value keeps its default and is reported with the file and the setting's name, so
 * one typo never costs the user their other settings.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore in(Path dataRoot) {
        return new SettingsStore(dataRoot.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The settings read, and what was wrong with the file, each naming the file and the setting. */
    public record Loaded(Settings settings, List<String> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    public Loaded load() {
        Settings d = Settings.defaults();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(d, List.of());
        } catch (CharacterCodingException e) {
            return new Loaded(d, List.of(file + ": is not UTF-8 text; using the defaults"));
        } catch (IOException e) {
            return new Loaded(d, List.of(file + ": could not be read (" + e.getMessage() + "); using the defaults"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // A nesting limit, for one, comes without a place in the file.
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : ":" + e.getLocation().getLineNr();
            return new Loaded(d, List.of(file + line + ": not valid JSON (" + e.getOriginalMessage()
                    + "); using the defaults"));
        }
        if (root == null || !root.isObject()) {
            return new Loaded(d, List.of(file + ": expected a JSON object; using the defaults"));
        }
        Reader r = new Reader(root);
        Settings s = new Settings(
                r.text("camera", d.camera()),
                r.text("microphone", d.microphone()),
                r.value("videoSize", d.videoSize(), Resolution::parse),
                r.integer("thinkSeconds", d.thinkSeconds(), 0, Settings.MAX_THINK),
                r.integer("targetSeconds", d.targetSeconds(), Settings.MIN_TARGET, Settings.MAX_TARGET),
                r.targets("categoryTargets", d.categoryTargets()),
                r.list("fillers", d.fillers()),
                r.list("toneCues", d.toneCues()),
                r.value("theme", d.theme(), v -> Settings.Theme.valueOf(v.toUpperCase(Locale.ROOT))),
                r.integer("fontSize", d.fontSize(), Settings.MIN_FONT, Settings.MAX_FONT),
                r.text("profile", d.profile()),
                new java.util.HashSet<>(r.list("disabledBanks", List.of())),
                new java.util.HashSet<>(r.list("disabledCategories", List.of())),
                r.ambush(d.ambush()));
        s = s.withPrivacy(new Privacy(r.keepDays(d.privacy().keepVideoDays()),
                r.flag("transcriptOnly", d.privacy().transcriptOnly())));
        return new Loaded(s, r.problems);
    }

    /**
     * Writes the settings atomically: the old file or the new one, never half of either. A file that could not be
     * read at all (damaged, another encoding) is first kept as {@code settings.json.damaged}, so the settings it
     * held can still be recovered by hand.
     */
    public void save(Settings s) throws IOException {
        keepIfUnreadable();
        ObjectNode root = JSON.createObjectNode();
        root.put("camera", s.camera());
        root.put("microphone", s.microphone());
        root.put("videoSize", s.videoSize().toString());
        root.put("thinkSeconds", s.thinkSeconds());
        root.put("targetSeconds", s.targetSeconds());
        ObjectNode targets = root.putObject("categoryTargets");
        s.categoryTargets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> targets.put(e.getKey(), e.getValue()));
        ArrayNode fillers = root.putArray("fillers");
        s.fillers().forEach(fillers::add);
        ArrayNode tone = root.putArray("toneCues");
        s.toneCues().forEach(tone::add);
        root.put("theme", s.theme().name().toLowerCase(Locale.ROOT));
        root.put("fontSize", s.fontSize());
        root.put("profile", s.profile());
        ArrayNode banks = root.putArray("disabledBanks");
        s.disabledBanks().stream().sorted().forEach(banks::add);
        ArrayNode categories = root.putArray("disabledCategories");
        s.disabledCategories().stream().sorted().forEach(categories::add);
        ObjectNode ambush = root.putObject("ambush");
        ambush.put("from", s.ambush().from().toString());
        ambush.put("to", s.ambush().to().toString());
        ArrayNode days = ambush.putArray("days");
        s.ambush().days().forEach(day -> days.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT)));
        ambush.put("everyMinutes", s.ambush().everyMinutes());
        root.put("keepVideoDays", s.privacy().keepVideoDays());
        root.put("transcriptOnly", s.privacy().transcriptOnly());
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    private void keepIfUnreadable() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (CharacterCodingException e) {
            text = null;
        }
        if (text != null) {
            if (text.isBlank()) {
                return;
            }
            try {
                JsonNode root = JSON.readTree(text);
                if (root != null && root.isObject()) {
                    return;
                }
            } catch (JsonProcessingException e) {
                // not JSON: kept below
            }
        }
        Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads one field at a time, keeping the default and noting the problem when a field is wrong. */
    private final class Reader {
        final JsonNode root;
        final List<String> problems = new ArrayList<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        private void problem(String field, String what) {
            problems.add(file + ": setting \"" + field + "\" " + what + "; keeping the default");
        }

        String text(String field, String fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isTextual()) {
                problem(field, "should be text");
                return fallback;
            }
            return n.asText();
        }

        <T> T value(String field, T fallback, Function<String, T> parse) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            try {
                return parse.apply(n.asText());
            } catch (RuntimeException e) {
                problem(field, "has a value that does not work (" + n.asText() + ")");
                return fallback;
            }
        }

        int integer(String field, int fallback, int min, int max) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
                problem(field, "should be a whole number from " + min + " to " + max);
                return fallback;
            }
            return n.asInt();
        }

        boolean flag(String field, boolean fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isBoolean()) {
                problem(field, "should be true or false");
                return fallback;
            }
            return n.asBoolean();
        }

        /** Days to keep videos: a whole number, where 0 or an empty value means keep them forever. */
        int keepDays(int fallback) {
            String field = "keepVideoDays";
            JsonNode n = root.get(field);
            if (n == null || n.isNull() || n.isTextual() && n.asText().isBlank()) {
                return n == null || n.isNull() ? fallback : Privacy.FOREVER;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0 || n.asInt() > Privacy.MAX_DAYS) {
                problem(field, "should be a whole number of days from 1 to " + Privacy.MAX_DAYS
                        + ", or 0 or empty to keep videos forever");
                return fallback;
            }
            return n.asInt();
        }

        List<String> list(String field, List<String> fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isArray()) {
                problem(field, "should be a list of phrases");
                return fallback;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : n) {
                if (item.isTextual() && !item.asText().isBlank()) {
                    out.add(item.asText().strip());
                }
            }
            return out;
        }

        AmbushHours ambush(AmbushHours fallback) {
            JsonNode n = root.get("ambush");
            if (n == null || n.isNull()) {
                return fallback;
            }
            try {
                java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
                for (JsonNode day : n.path("days")) {
                    String key = day.asText().strip().toLowerCase(Locale.ROOT);
                    java.time.DayOfWeek found = null;
                    for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
                        if (!key.isEmpty() && d.name().toLowerCase(Locale.ROOT).startsWith(key)) {
                            found = d;
                        }
                    }
                    if (found == null) {
                        throw new IllegalArgumentException("unknown day " + day.asText());
                    }
                    days.add(found);
                }
                if (!n.path("everyMinutes").isIntegralNumber()) {
                    throw new IllegalArgumentException("everyMinutes should be a whole number");
                }
                return new AmbushHours(java.time.LocalTime.parse(n.path("from").asText()),
                        java.time.LocalTime.parse(n.path("to").asText()), days, n.path("everyMinutes").asInt());
            } catch (RuntimeException e) {
                problem("ambush", "is not valid (" + e.getMessage() + ")");
                return fallback;
            }
        }

        Map<String, Integer> targets(String field, Map<String, Integer> fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isObject()) {
                problem(field, "should map categories to seconds");
                return fallback;
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isIntegralNumber() && v.asInt() >= Settings.MIN_TARGET && v.asInt() <= Settings.MAX_TARGET) {
                    out.put(e.getKey(), v.asInt());
                } else {
                    problems.add(file + ": target for category \"" + e.getKey() + "\" should be " + Settings.MIN_TARGET
                            + " to " + Settings.MAX_TARGET + " seconds; using the general target");
                }
            });
            return out;
        }
    }
}
