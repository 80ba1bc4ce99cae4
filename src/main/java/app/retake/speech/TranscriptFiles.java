package app.retake.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.retake.storage.AtomicFiles;

/** Writes a transcript beside its take: {@code <take>.transcript.json} and {@code <take>.vtt} subtitles. */
public final class TranscriptFiles {

    /** A cue ends at a pause this long, or after this many words or seconds, so captions stay readable. */
    static final double CUE_PAUSE = 0.7;
    static final int CUE_WORDS = 8;
    static final double CUE_SECONDS = 3.5;
    /** No take lasts a day; a longer time in a transcript is damage. */
    static final double MAX_SECONDS = 24 * 3600;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TranscriptFiles() {
    }

    /** The JSON form: model, seconds, text and every word with start, end and confidence. */
    public static String json(Transcript transcript) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", transcript.model());
        root.put("seconds", round(transcript.seconds()));
        root.put("text", transcript.text());
        ArrayNode words = root.putArray("words");
        for (Word w : transcript.words()) {
            words.addObject().put("word", w.text()).put("start", round(w.start())).put("end", round(w.end()))
                    .put("confidence", round(w.confidence()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the JSON form back.
     *
     * @throws IOException saying what is wrong when the text is not a transcript: not JSON, another shape, or
     *                     words without text or with impossible times (negative, past a day, ending before they
     *                     start), which only damage or a hand edit leaves and which no measurement could use
     */
    public static Transcript parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("not a transcript (expected a JSON object)");
        }
        JsonNode list = root.get("words");
        if (list == null || !list.isArray()) {
            throw new IOException("not a transcript (it has no list of words)");
        }
        List<Word> words = new ArrayList<>();
        double last = 0;
        for (JsonNode w : list) {
            JsonNode text = w.get("word");
            if (!w.isObject() || text == null || !text.isTextual()) {
                throw new IOException("damaged transcript: word " + (words.size() + 1) + " has no text");
            }
            double start = time(w, "start", words.size() + 1);
            double end = time(w, "end", words.size() + 1);
            if (end < start) {
                throw new IOException("damaged transcript: word " + (words.size() + 1) + " ends before it starts");
            }
            JsonNode confidence = w.get("confidence");
            double sure = 1;
            if (confidence != null) {
                sure = confidence.asDouble(-1);
                if (!confidence.isNumber() || !(sure >= 0 && sure <= 1)) {
                    throw new IOException("damaged transcript: word " + (words.size() + 1)
                            + " has a confidence that is not from 0 to 1");
                }
            }
            words.add(new Word(text.asText(), start, end, sure));
            last = Math.max(last, end);
        }
        double seconds = root.has("seconds") ? time(root, "seconds", 0) : last;
        JsonNode model = root.get("model");
        return new Transcript(words, seconds, model != null && model.isTextual() ? model.asText() : "");
    }

    /** A time in seconds from a transcript: a number from 0 to a day. */
    private static double time(JsonNode node, String field, int word) throws IOException {
        JsonNode n = node.get(field);
        double value = n == null || !n.isNumber() ? Double.NaN : n.asDouble();
        if (!(value >= 0 && value <= MAX_SECONDS)) {
            throw new IOException("damaged transcript: " + (word > 0 ? "word " + word + " has " : "") + "no valid "
                    + field + " time");
        }
        return value;
    }

    /** One subtitle: the words said between {@code start} and {@code end}, in seconds. */
    public record Cue(double start, double end, String text) {
    }

    /** The transcript cut into short subtitles, broken at pauses: the cues of the {@code .vtt} file. */
    public static List<Cue> cues(Transcript transcript) {
        List<Cue> cues = new ArrayList<>();
        List<Word> cue = new ArrayList<>();
        List<Word> words = transcript.words();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            cue.add(w);
            Word next = i + 1 < words.size() ? words.get(i + 1) : null;
            boolean end = next == null || next.start() - w.end() >= CUE_PAUSE || cue.size() >= CUE_WORDS
                    || w.end() - cue.get(0).start() >= CUE_SECONDS;
            if (end) {
                cues.add(new Cue(cue.get(0).start(), w.end(),
                        String.join(" ", cue.stream().map(Word::text).toList())));
                cue.clear();
            }
        }
        return cues;
    }

    /** WebVTT subtitles with short cues, broken at pauses. */
    public static String vtt(Transcript transcript) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        for (Cue cue : cues(transcript)) {
            out.append('\n').append(time(cue.start())).append(" --> ").append(time(cue.end())).append('\n');
            out.append(cue.text()).append('\n');
        }
        return out.toString();
    }

    /** Writes both files atomically. */
    public static void write(Transcript transcript, Path json, Path vtt) throws IOException {
        AtomicFiles.writeString(json, json(transcript));
        AtomicFiles.writeString(vtt, vtt(transcript));
    }

    static String time(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
