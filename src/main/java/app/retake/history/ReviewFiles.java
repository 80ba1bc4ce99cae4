package app.retake.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.retake.storage.AtomicFiles;

/**
 * Reads and writes a take's {@code <take>.review.json}: the rating and the self-check. Fields this version does not
 * know (a friend's flags and rubric, written by other features) are kept when the file is rewritten.
 */
public final class ReviewFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReviewFiles() {
    }

    /** What a review file says; empty parts when the file does not exist. */
    public record Review(Optional<Rating> rating, SelfCheck selfCheck) {
        public static final Review NONE = new Review(Optional.empty(), SelfCheck.EMPTY);
    }

    /**
     * Reads the review of a take.
     *
     * @throws IOException naming the file when it exists but cannot be read or is not a review
     */
    public static Review read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Review.NONE;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + e.getLocation().getLineNr() + ": not a valid review file ("
                    + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a valid review file (expected a JSON object)");
        }
        Optional<Rating> rating = Optional.ofNullable(root.get("rating")).filter(JsonNode::isTextual)
                .flatMap(n -> Rating.parse(n.asText()));
        Map<SelfCheck.Aspect, SelfCheck.Verdict> verdicts = new EnumMap<>(SelfCheck.Aspect.class);
        JsonNode check = root.get("selfCheck");
        if (check != null && check.isObject()) {
            check.fields().forEachRemaining(e -> SelfCheck.Aspect.parse(e.getKey()).ifPresent(
                    a -> SelfCheck.Verdict.parse(e.getValue().asText()).ifPresent(v -> verdicts.put(a, v))));
        }
        String note = Optional.ofNullable(root.get("note")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .orElse("");
        return new Review(rating, new SelfCheck(verdicts, note));
    }

    /** Writes the rating and self-check atomically, keeping every other field already in the file. */
    public static void write(Path file, Optional<Rating> rating, SelfCheck check) throws IOException {
        ObjectNode root;
        try {
            JsonNode old = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            root = old != null && old.isObject() ? (ObjectNode) old : JSON.createObjectNode();
        } catch (NoSuchFileException e) {
            root = JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            // A damaged file is set aside rather than overwritten, so whatever it held can still be recovered.
            Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            root = JSON.createObjectNode();
        }
        if (rating.isPresent()) {
            root.put("rating", rating.get().label());
        } else {
            root.remove("rating");
        }
        ObjectNode checks = root.putObject("selfCheck");
        for (SelfCheck.Aspect a : SelfCheck.Aspect.values()) {
            SelfCheck.Verdict v = check.verdicts().get(a);
            if (v != null) {
                checks.put(a.key(), v.label());
            }
        }
        root.put("note", check.note());
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
