package app.retake.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.speech.Transcript;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.Word;

/** Takes of one question written to a data root by hand, so every figure of a comparison has a known answer. */
public final class ComparisonFixtures {

    /** Slow, late, two long silences, three fillers, one talking point of three. */
    public static final String FIRST_ANSWER =
            "basically I had a conflict (3) actually we argued (3) basically it ended";
    /** At pace, prompt, no fillers, all three talking points, but one hedge ("I think"). */
    public static final String LATEST_ANSWER =
            "we had a conflict so I think I made a decision and the result was a better team";

    public static final Question QUESTION = new Question("conflict-1", "general",
            "Tell me about a conflict at work.", List.of("conflict", "decision", "result"), List.of(), List.of(),
            Difficulty.MEDIUM, "", Map.of(), "test", 0);

    public static final OffsetDateTime FIRST_TIME = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    public static final OffsetDateTime LATEST_TIME = OffsetDateTime.of(2026, 3, 8, 18, 30, 0, 0, ZoneOffset.UTC);

    private ComparisonFixtures() {
    }

    /**
     * Writes the first and the latest take of {@link #QUESTION} (transcripts only, no recordings) and logs them,
     * the latest first so the log's order is not what decides.
     */
    public static void writeTwoTakes(Path data) throws IOException {
        Attempt first = logged(data, "s1", "take-01", FIRST_TIME, Rating.SHAKY, FIRST_ANSWER);
        Attempt latest = logged(data, "s2", "take-02", LATEST_TIME, Rating.GOOD, LATEST_ANSWER);
        AttemptLog.writeAll(AttemptLog.in(data).file(), List.of(latest, first));
    }

    /**
     * Writes a take's transcript under {@code data} and returns its log row (not yet written). The first answer
     * starts after 4 s of silence, any other after 1 s.
     */
    public static Attempt logged(Path data, String session, String take, OffsetDateTime time, Rating rating,
                                 String answer) throws IOException {
        TakeFiles files = TakeFiles.of(data, time.toLocalDate(), session, take);
        Files.createDirectories(files.dir());
        double lead = answer.equals(FIRST_ANSWER) ? 4.0 : 1.0;
        Files.writeString(files.transcript(), TranscriptFiles.json(transcript(lead, answer)));
        String relative = data.relativize(files.transcript()).toString().replace('\\', '/');
        return new Attempt(time, session, take, QUESTION.id(), "test", Mode.SOLO, Attempt.DEFAULT_PROFILE,
                Optional.ofNullable(rating), Optional.empty(), Duration.ofSeconds(20),
                Optional.of(relative.replace(".transcript.json", ".mp4")), Optional.of(relative), Map.of());
    }

    /**
     * Words of 0.4 s with 0.1 s between them from {@code lead} seconds on; a token like {@code (3)} makes the next
     * gap that many seconds of silence instead.
     */
    public static Transcript transcript(double lead, String script) {
        List<Word> words = new ArrayList<>();
        double at = lead;
        double gap = 0;
        for (String token : script.split(" ")) {
            if (token.startsWith("(")) {
                gap = Double.parseDouble(token.substring(1, token.length() - 1));
                continue;
            }
            at += words.isEmpty() ? 0 : gap;
            words.add(new Word(token, at, at + 0.4, 0.9));
            at += 0.4;
            gap = 0.1;
        }
        return new Transcript(words, at + 1, "test");
    }
}
