package app.retake.review;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.retake.history.Rating;
import app.retake.storage.AtomicFiles;

/**
 * Reads and writes a take's {@code <take>.review.json}: the candidate's rating and self-check, and the interviewer's
 * part (rating, rubric, feedback, flags and follow-ups) when a friend ran the interview. Each part is written
 * without disturbing the other, and fields this version does not know are kept.
 */
public final class ReviewFiles {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReviewFiles.class);

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
        JsonNode root = readObject(file);
        if (root == null) {
            return Review.NONE;
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
        ObjectNode root = objectToRewrite(file);
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

    /**
     * Reads what the interviewer said about a take; {@link InterviewerReview#NONE} when the file or that part is
     * missing. Entries that break the limits (a flag too long, a score of 7) are left out and logged.
     *
     * @throws IOException naming the file when it exists but is not a review
     */
    public static InterviewerReview readInterviewer(Path file) throws IOException {
        JsonNode root = readObject(file);
        JsonNode n = root == null ? null : root.get("interviewer");
        if (n == null || !n.isObject()) {
            return InterviewerReview.NONE;
        }
        Map<Rubric.Criterion, Integer> scores = new EnumMap<>(Rubric.Criterion.class);
        n.path("rubric").fields().forEachRemaining(e -> Rubric.Criterion.parse(e.getKey()).ifPresent(c -> {
            int score = e.getValue().asInt();
            if (e.getValue().isIntegralNumber() && score >= Rubric.MIN && score <= Rubric.MAX) {
                scores.put(c, score);
            } else {
                LOG.warn("{}: rubric score for {} is not 1-5; left out", file, c.key());
            }
        }));
        java.util.List<Flag> flags = new java.util.ArrayList<>();
        for (JsonNode f : n.path("flags")) {
            try {
                flags.add(new Flag(f.path("at").asDouble(-1), f.path("kind").asText("")));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: a flag was left out: {}", file, e.getMessage());
            }
        }
        java.util.List<FollowUp> followUps = new java.util.ArrayList<>();
        for (JsonNode f : n.path("followUps")) {
            try {
                followUps.add(new FollowUp(f.path("at").asDouble(-1), f.path("text").asText("")));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: a follow-up was left out: {}", file, e.getMessage());
            }
        }
        String name = n.path("name").asText("");
        String feedback = n.path("feedback").asText("");
        return new InterviewerReview(name.length() > InterviewerReview.MAX_NAME
                ? name.substring(0, InterviewerReview.MAX_NAME) : name,
                Rating.parse(n.path("rating").asText(null)), new Rubric(scores),
                feedback.length() > InterviewerReview.MAX_FEEDBACK
                        ? feedback.substring(0, InterviewerReview.MAX_FEEDBACK) : feedback, flags, followUps);
    }

    /** Writes the interviewer's part atomically, keeping the candidate's rating, self-check and anything else. */
    public static void writeInterviewer(Path file, InterviewerReview review) throws IOException {
        ObjectNode root = objectToRewrite(file);
        ObjectNode n = root.putObject("interviewer");
        n.put("name", review.interviewer());
        review.rating().ifPresent(r -> n.put("rating", r.label()));
        ObjectNode rubric = n.putObject("rubric");
        review.rubric().scores().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rubric.put(e.getKey().key(), e.getValue()));
        n.put("feedback", review.feedback());
        var flags = n.putArray("flags");
        for (Flag f : review.flags()) {
            flags.addObject().put("at", round(f.at())).put("kind", f.kind());
        }
        var followUps = n.putArray("followUps");
        for (FollowUp f : review.followUps()) {
            followUps.addObject().put("at", round(f.at())).put("text", f.text());
        }
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** The file's JSON object, or null when there is no file. */
    private static JsonNode readObject(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not a valid review file (it is not UTF-8 text)", e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(file + lineOf(e) + ": not a valid review file (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a valid review file (expected a JSON object)");
        }
        return root;
    }

    /** ":LINE" where the parser stopped, when it says; a nesting limit, for one, comes without a place. */
    private static String lineOf(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
    }

    /**
     * The object to add to: the file's, a new one, or a new one after setting aside a file that is not a review
     * (damaged JSON, another encoding, JSON of another shape), so whatever it held can still be recovered.
     */
    private static ObjectNode objectToRewrite(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return JSON.createObjectNode();
        } catch (CharacterCodingException e) {
            setAside(file);
            return JSON.createObjectNode();
        }
        try {
            JsonNode old = JSON.readTree(text);
            if (old != null && old.isObject()) {
                return (ObjectNode) old;
            }
        } catch (JsonProcessingException e) {
            LOG.debug("{} is not valid JSON", file, e);
        }
        if (!text.isBlank()) {
            setAside(file);
        }
        return JSON.createObjectNode();
    }

    private static void setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        LOG.warn("{} is not a review file Retake can read; it is kept as {}", file, aside.getFileName());
        Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
