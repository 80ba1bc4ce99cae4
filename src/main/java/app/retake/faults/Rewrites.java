package app.retake.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.retake.bank.BankEditor;
import app.retake.bank.BankRefusal;
import app.retake.bank.BankReader;
import app.retake.bank.Difficulty;
import app.retake.bank.MyQuestions;
import app.retake.bank.Question;
import app.retake.bank.QuestionDraft;
import app.retake.history.Rating;
import app.retake.review.Flag;
import app.retake.review.InterviewerReview;
import app.retake.review.ReviewFiles;
import app.retake.review.Rubric;
import app.retake.review.SelfCheck;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;

/**
 * The files the rewrite trial kills a process in the middle of, each through the code the app uses: settings
 * ({@link SettingsStore#save}), a take's review ({@link ReviewFiles#write}) and a question bank
 * ({@link BankEditor#update}). Version {@code v} of each is a pure function of {@code v}, so the trial knows exactly
 * what the file must read as: the last version the child reported saved, or the one it was saving.
 *
 * <p>The files are tens of kilobytes, so writing one takes several system calls and a kill can land between them.
 */
enum Rewrites {
    SETTINGS("settings"), REVIEW("review"), BANK("bank");

    /** Questions in the bank; version {@code v} changes question {@code (v - 1) % QUESTIONS}. */
    static final int QUESTIONS = 40;
    static final String REVIEW_FILE = "take-01.review.json";

    final String label;

    Rewrites(String label) {
        this.label = label;
    }

    /** Writes version 0 into the empty folder {@code dir}. */
    void setUp(Path dir) throws IOException {
        switch (this) {
            case SETTINGS -> SettingsStore.in(dir).save(settings(0));
            case REVIEW -> {
                ReviewFiles.writeInterviewer(dir.resolve(REVIEW_FILE), interviewer());
                ReviewFiles.write(dir.resolve(REVIEW_FILE), rating(0), check(0));
            }
            case BANK -> {
                BankEditor editor = new BankEditor(dir);
                for (int i = 0; i < QUESTIONS; i++) {
                    try {
                        editor.add(MyQuestions.BANK, draft(i, 0));
                    } catch (BankRefusal e) {
                        throw new IOException(e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** Writes version {@code v} (from 1) the way the app does. */
    void write(Path dir, int v) throws IOException {
        switch (this) {
            case SETTINGS -> SettingsStore.in(dir).save(settings(v));
            case REVIEW -> ReviewFiles.write(dir.resolve(REVIEW_FILE), rating(v), check(v));
            case BANK -> {
                int i = (v - 1) % QUESTIONS;
                try {
                    new BankEditor(dir).update(MyQuestions.BANK, id(i), draft(i, v));
                } catch (BankRefusal e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }
    }

    /** What the file reads as with the app's own reader, as comparable text; a problem reading it is thrown. */
    String read(Path dir) throws IOException {
        switch (this) {
            case SETTINGS -> {
                SettingsStore.Loaded loaded = SettingsStore.in(dir).load();
                if (!loaded.problems().isEmpty()) {
                    throw new IOException(String.join("; ", loaded.problems()));
                }
                return loaded.settings().toString();
            }
            case REVIEW -> {
                Path file = dir.resolve(REVIEW_FILE);
                InterviewerReview friend = ReviewFiles.readInterviewer(file);
                if (!friend.equals(interviewer())) {
                    throw new IOException("the interviewer's part of the review changed: " + friend);
                }
                return ReviewFiles.read(file).toString();
            }
            default -> {
                var bank = new BankReader().read(dir.resolve(MyQuestions.FILE_NAME));
                if (!bank.problems().isEmpty()) {
                    throw new IOException(bank.problems().get(0).toString());
                }
                List<String> rows = new ArrayList<>();
                for (Question q : bank.questions()) {
                    rows.add(q.id() + "|" + q.text() + "|" + q.talkingPoints());
                }
                return String.join("\n", rows);
            }
        }
    }

    /** What {@link #read} must return once version {@code v} is saved. */
    String expected(int v) {
        switch (this) {
            case SETTINGS:
                return settings(v).toString();
            case REVIEW:
                return new ReviewFiles.Review(rating(v), check(v)).toString();
            default:
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < QUESTIONS; i++) {
                    int last = 0;
                    for (int w = 1; w <= v; w++) {
                        if ((w - 1) % QUESTIONS == i) {
                            last = w;
                        }
                    }
                    QuestionDraft d = draft(i, last);
                    rows.add(id(i) + "|" + d.text() + "|" + d.talkingPoints());
                }
                return String.join("\n", rows);
        }
    }

    static Settings settings(int v) {
        List<String> fillers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            fillers.add("filler phrase " + i + " of version " + v);
        }
        return Settings.defaults().withTiming(v % (Settings.MAX_THINK + 1), Settings.MIN_TARGET + v % 500)
                .withWordLists(fillers, List.of("tone cue " + v)).withProfile("profile " + v);
    }

    static Optional<Rating> rating(int v) {
        return v % 5 == 4 ? Optional.empty() : Optional.of(Rating.values()[v % 4]);
    }

    static SelfCheck check(int v) {
        Map<SelfCheck.Aspect, SelfCheck.Verdict> verdicts = new EnumMap<>(SelfCheck.Aspect.class);
        for (SelfCheck.Aspect a : SelfCheck.Aspect.values()) {
            verdicts.put(a, (v + a.ordinal()) % 2 == 0 ? SelfCheck.Verdict.OK : SelfCheck.Verdict.WORK_ON_IT);
        }
        return new SelfCheck(verdicts, ("Note of version " + v + ". ").repeat(1500));
    }

    static InterviewerReview interviewer() {
        Map<Rubric.Criterion, Integer> scores = new EnumMap<>(Rubric.Criterion.class);
        scores.put(Rubric.Criterion.STRUCTURE, 4);
        scores.put(Rubric.Criterion.TONE, 2);
        return new InterviewerReview("Sam", Optional.of(Rating.SHAKY), new Rubric(scores), "Slow down.",
                List.of(new Flag(3.5, "rambling"), new Flag(12.25, "no example")), List.of());
    }

    static String id(int i) {
        return String.format("fault-q%02d", i);
    }

    static QuestionDraft draft(int i, int v) {
        List<String> points = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            points.add("talking point " + p + " of question " + i + " in version " + v);
        }
        return new QuestionDraft(id(i), "faults", "Question " + i + ", version " + v + "?", points,
                List.of("a follow-up"), List.of("fault"), Difficulty.MEDIUM);
    }
}
