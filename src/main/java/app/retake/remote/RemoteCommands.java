package app.retake.remote;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.InterviewerReview;
import app.retake.review.Rubric;

/**
 * Turns what a phone sent into a command on the interview, or refuses it with a sentence saying what was wrong.
 *
 * <p>The phone is another device on the network, so nothing it sends is trusted: each body must be a JSON object
 * with exactly the fields of its command, of the right types and within the limits the review records set, and a
 * question can only be picked from the interview's planned list. Values are only ever compared or stored; none is
 * run or used as a path.
 */
final class RemoteCommands {

    /** A request refused before it reached the interview; the message can be shown to the friend as it is. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    /** One validated command, ready to be given to the interview. */
    sealed interface Command {
        /**
         * Carries the command out.
         *
         * @throws IllegalStateException when it does not fit the moment (the interview says why)
         */
        void applyTo(Interview interview);
    }

    /** Spring the next planned question. */
    record Spring() implements Command {
        @Override
        public void applyTo(Interview interview) {
            if (interview.askNext().isEmpty()) {
                throw new IllegalStateException("Every planned question has been asked; pick one from the list.");
            }
        }
    }

    /** Ask one planned question. */
    record Ask(String id) implements Command {
        @Override
        public void applyTo(Interview interview) {
            interview.askPlanned(id);
        }
    }

    /** Start or stop the take. */
    record Take(boolean start) implements Command {
        @Override
        public void applyTo(Interview interview) {
            interview.wantTake(start);
        }
    }

    record FlagMoment(String kind) implements Command {
        @Override
        public void applyTo(Interview interview) {
            interview.flag(kind);
        }
    }

    record SendFollowUp(String text) implements Command {
        @Override
        public void applyTo(Interview interview) {
            interview.followUp(text);
        }
    }

    record Score(Optional<Rating> rating, Rubric rubric, String feedback) implements Command {
        @Override
        public void applyTo(Interview interview) {
            interview.score(rating, rubric, feedback);
        }
    }

    /** Done scoring: the take is logged with its review now. */
    record Finish() implements Command {
        @Override
        public void applyTo(Interview interview) {
            interview.finishScoring();
        }
    }

    /** The command names, as the last part of their paths under /api/. */
    static final Set<String> NAMES = Set.of("spring", "ask", "take", "flag", "followup", "score", "finish");

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RemoteCommands() {
    }

    /**
     * Reads the command called {@code name} from its body.
     *
     * @param planned the interview's planned questions, the only ones a phone may pick
     * @throws BadRequest when the body is not what the command takes
     */
    static Command parse(String name, byte[] body, List<Question> planned) throws BadRequest {
        ObjectNode json = object(body);
        switch (name) {
            case "spring":
                fields(json);
                return new Spring();
            case "finish":
                fields(json);
                return new Finish();
            case "ask": {
                fields(json, "id");
                String id = text(json, "id", 200);
                if (planned.stream().noneMatch(q -> q.id().equals(id))) {
                    throw new BadRequest("That question is not on the planned list.");
                }
                return new Ask(id);
            }
            case "take":
                fields(json, "start");
                return new Take(bool(json, "start"));
            case "flag": {
                fields(json, "kind");
                String kind = text(json, "kind", Flag.MAX_KIND * 4);
                try {
                    return new FlagMoment(new Flag(0, kind).kind());
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("A flag is 1 to " + Flag.MAX_KIND + " characters.");
                }
            }
            case "followup": {
                fields(json, "text");
                String text = text(json, "text", FollowUp.MAX_TEXT * 4);
                try {
                    return new SendFollowUp(new FollowUp(0, text).text());
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("A follow-up is 1 to " + FollowUp.MAX_TEXT + " characters.");
                }
            }
            case "score":
                return score(json);
            default:
                throw new BadRequest("There is no such command.");
        }
    }

    private static Score score(ObjectNode json) throws BadRequest {
        fields(json, "rating", "rubric", "feedback");
        Optional<Rating> rating = Optional.empty();
        JsonNode r = json.get("rating");
        if (r != null && !r.isNull()) {
            int grade = integer(r, "rating");
            rating = List.of(Rating.values()).stream().filter(x -> x.grade() == grade).findFirst();
            if (rating.isEmpty()) {
                throw new BadRequest("The rating is 1 to 4, or none.");
            }
        }
        Map<Rubric.Criterion, Integer> scores = new EnumMap<>(Rubric.Criterion.class);
        JsonNode rubric = json.get("rubric");
        if (rubric != null && !rubric.isNull()) {
            if (!rubric.isObject()) {
                throw new BadRequest("The rubric is an object of scores by criterion.");
            }
            for (Map.Entry<String, JsonNode> e : rubric.properties()) {
                Rubric.Criterion criterion = List.of(Rubric.Criterion.values()).stream()
                        .filter(c -> c.key().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new BadRequest("The rubric has no criterion \"" + clip(e.getKey()) + "\"."));
                if (e.getValue().isNull()) {
                    continue;
                }
                int score = integer(e.getValue(), criterion.key());
                if (score < Rubric.MIN || score > Rubric.MAX) {
                    throw new BadRequest(criterion.label() + " is scored " + Rubric.MIN + " to " + Rubric.MAX + ".");
                }
                scores.put(criterion, score);
            }
        }
        String feedback = "";
        if (json.has("feedback") && !json.get("feedback").isNull()) {
            feedback = text(json, "feedback", InterviewerReview.MAX_FEEDBACK * 2);
            if (feedback.strip().length() > InterviewerReview.MAX_FEEDBACK) {
                throw new BadRequest("Feedback is at most " + InterviewerReview.MAX_FEEDBACK + " characters.");
            }
        }
        return new Score(rating, new Rubric(scores), feedback);
    }

    /** The body as a JSON object; an empty body is an empty object, for commands that take nothing. */
    static ObjectNode object(byte[] body) throws BadRequest {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("The request is not valid JSON.");
        } catch (IOException e) {
            throw new BadRequest("The request could not be read.");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("Send a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** Refuses fields the command does not take, so a typo is reported instead of silently ignored. */
    static void fields(ObjectNode json, String... allowed) throws BadRequest {
        Set<String> known = Set.of(allowed);
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadRequest("Unexpected field \"" + clip(name) + "\".");
            }
        }
    }

    /** A required text field, refused past {@code max} characters before anything else looks at it. */
    static String text(ObjectNode json, String field, int max) throws BadRequest {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual()) {
            throw new BadRequest("\"" + field + "\" must be text.");
        }
        String value = node.textValue();
        if (value.length() > max) {
            throw new BadRequest("\"" + field + "\" is too long.");
        }
        return value;
    }

    private static boolean bool(ObjectNode json, String field) throws BadRequest {
        JsonNode node = json.get(field);
        if (node == null || !node.isBoolean()) {
            throw new BadRequest("\"" + field + "\" must be true or false.");
        }
        return node.booleanValue();
    }

    private static int integer(JsonNode node, String field) throws BadRequest {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new BadRequest("\"" + field + "\" must be a whole number.");
        }
        return node.intValue();
    }

    /** Keeps echoed names short: they came from the phone. */
    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
