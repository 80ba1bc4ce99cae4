package app.retake.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.retake.bank.QuestionLibrary;
import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.speech.Transcript;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.Word;

/** Builders shared by the progress tests. */
public final class ProgressFixtures {

    /** A Tuesday afternoon, UTC. */
    public static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    private ProgressFixtures() {
    }

    public static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 1440)));
    }

    /** A solo take of profile "me", rated or not, with the given logged metrics. */
    public static Attempt take(String session, String take, String question, Instant at, Rating rating,
                               Map<String, String> metrics) {
        return new Attempt(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), session, take, question, "test", Mode.SOLO,
                Attempt.DEFAULT_PROFILE, Optional.ofNullable(rating), Optional.empty(), Duration.ofSeconds(95),
                Optional.empty(), Optional.empty(), metrics);
    }

    public static Attempt rated(String question, Instant at, Rating rating) {
        return take("s-" + question, "t-" + question + "-" + at.getEpochSecond(), question, at, rating, Map.of());
    }

    /** A bank folder holding one bank with the given rows ({@code id,category,question}). */
    public static QuestionLibrary library(Path dir, String... rows) throws IOException {
        Path banks = Files.createDirectories(dir.resolve("banks"));
        Files.writeString(banks.resolve("test.csv"), "id,category,question,talking_points\n"
                + String.join("\n", rows) + "\n");
        return QuestionLibrary.loadFolder(banks);
    }

    /** The JSON of a transcript saying {@code text}, one word a second. */
    public static String transcriptJson(String text) {
        String[] words = text.split(" ");
        List<Word> list = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            list.add(new Word(words[i], i, i + 0.5, 1));
        }
        return TranscriptFiles.json(new Transcript(list, words.length, "test-model"));
    }
}
