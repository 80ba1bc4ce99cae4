package app.retake.speech;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the JSON Vosk returns for results and partial results. */
final class VoskResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VoskResults() {
    }

    /** Words of a result ({@code {"result":[{"word","start","end","conf"}…],"text":…}}), shifted by {@code offset}. */
    static List<Word> words(String json, double offset) {
        List<Word> words = new ArrayList<>();
        JsonNode result = parse(json).path("result");
        for (JsonNode w : result) {
            words.add(new Word(w.path("word").asText(), w.path("start").asDouble() + offset,
                    w.path("end").asDouble() + offset, w.path("conf").asDouble(1.0)));
        }
        return words;
    }

    /** The text of a partial result ({@code {"partial":…}}). */
    static String partial(String json) {
        return parse(json).path("partial").asText("");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Vosk returned unreadable JSON: " + json, e);
        }
    }
}
