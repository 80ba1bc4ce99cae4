package app.retake.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import app.retake.history.Rating;
import app.retake.practice.TakeResult;
import app.retake.review.InterviewerReview;
import app.retake.review.SelfCheck;
import app.retake.speech.MetricRows;
import app.retake.speech.Occurrence;
import app.retake.speech.PointCoverage;
import app.retake.speech.SpeechMetrics;
import app.retake.speech.TranscriptFiles;
import app.retake.speech.Word;
import app.retake.ui.practice.PracticeModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The take on the review screen: what was heard and measured, the rating and self-check being filled in, what the
 * friend who ran the interview said about it, and, for a take just recorded, the loop's next steps (retake, next,
 * end). Where the player should go is asked here too, so every way of moving through the take (a transcript word,
 * the timeline, a flag) goes the same way and can be checked without playing anything.
 */
public final class ReviewModel {

    /** Why a word is highlighted in the transcript. */
    public enum Flag { FILLER, HEDGE, TONE }

    /** One transcript word and whether it is part of a flagged phrase. */
    public record TranscriptWord(Word word, Optional<Flag> flag) {
    }

    /**
     * A request for the player to go to {@code seconds} into the take; {@code serial} tells two requests for the
     * same moment apart, so clicking the same word twice seeks twice.
     */
    public record SeekRequest(double seconds, long serial) {
    }

    /** How far before a flag or follow-up a jump lands: enough to hear what led up to the moment. */
    public static final double JUMP_LEAD_SECONDS = 2.0;

    /** Slack for the player settling a little after a seek, so "next flag" does not land on the same flag again. */
    private static final double SAME_MOMENT_SECONDS = 0.5;

    private final ObjectProperty<Optional<TakeResult>> take = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<Rating>> rating = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<SelfCheck> selfCheck = new SimpleObjectProperty<>(SelfCheck.EMPTY);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<MetricRows.Row> metrics = FXCollections.observableArrayList();
    private final ObservableList<TranscriptWord> words = FXCollections.observableArrayList();
    private final ObservableList<PointCoverage> points = FXCollections.observableArrayList();
    private final StringProperty star = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<InterviewerReview> interviewer =
            new ReadOnlyObjectWrapper<>(InterviewerReview.NONE);
    private final ReadOnlyObjectWrapper<SeekRequest> seekRequest = new ReadOnlyObjectWrapper<>(new SeekRequest(0, 0));
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(0);
    private List<TranscriptFiles.Cue> captions = List.of();
    private Optional<PracticeModel.Loop> loop = Optional.empty();
    private boolean endWarned;

    public ObjectProperty<Optional<TakeResult>> take() {
        return take;
    }

    public ObjectProperty<Optional<Rating>> rating() {
        return rating;
    }

    public ObjectProperty<SelfCheck> selfCheck() {
        return selfCheck;
    }

    public StringProperty message() {
        return message;
    }

    public ObservableList<MetricRows.Row> metrics() {
        return metrics;
    }

    public ObservableList<TranscriptWord> words() {
        return words;
    }

    public ObservableList<PointCoverage> points() {
        return points;
    }

    /** Which STAR parts were heard, for behavioural questions; empty otherwise. */
    public StringProperty star() {
        return star;
    }

    /** What the friend who ran the interview said; {@link InterviewerReview#NONE} for a solo take. */
    public ReadOnlyObjectProperty<InterviewerReview> interviewer() {
        return interviewer.getReadOnlyProperty();
    }

    /** The latest place the player was asked to go; the view seeks on every change. */
    public ReadOnlyObjectProperty<SeekRequest> seekRequest() {
        return seekRequest.getReadOnlyProperty();
    }

    /** Seconds into the take: where the player was last asked to go or has since played to. */
    public ReadOnlyDoubleProperty position() {
        return position.getReadOnlyProperty();
    }

    /** The subtitle to show at {@code seconds} into the take (the cues of its {@code .vtt}); empty between cues. */
    public String captionAt(double seconds) {
        for (TranscriptFiles.Cue cue : captions) {
            if (seconds >= cue.start() - 0.05 && seconds <= cue.end() + 0.3) {
                return cue.text();
            }
        }
        return "";
    }

    /** Whether the take came straight from practice, so retake/next/end apply. */
    public boolean inLoop() {
        return loop.isPresent();
    }

    /** Shows a take without an interviewer's part; {@code loop} is present for the take just recorded. */
    public void show(TakeResult result, Optional<PracticeModel.Loop> loop, Optional<Rating> rated, SelfCheck check) {
        show(result, loop, rated, check, InterviewerReview.NONE);
    }

    /**
     * Shows a take; {@code loop} is present for the take just recorded, and {@code said} is the friend's review
     * when a friend ran the interview ({@link InterviewerReview#NONE} otherwise).
     */
    public void show(TakeResult result, Optional<PracticeModel.Loop> loop, Optional<Rating> rated, SelfCheck check,
                     InterviewerReview said) {
        take.set(Optional.empty());
        // Set before the take, whose change is what the view redraws on.
        interviewer.set(said == null ? InterviewerReview.NONE : said);
        position.set(0);
        this.loop = loop;
        this.endWarned = false;
        rating.set(rated);
        selfCheck.set(check);
        metrics.setAll(result.metrics().map(m -> MetricRows.of(m, result.voice())).orElse(List.of()));
        words.setAll(flagged(result));
        captions = result.transcript().map(TranscriptFiles::cues).orElse(List.of());
        points.setAll(result.metrics().map(SpeechMetrics::coverage).orElse(List.of()));
        star.set(result.metrics().flatMap(SpeechMetrics::star).map(s -> "STAR parts heard: situation "
                + yes(s.situation().present()) + ", action said with \"I\" " + yes(s.action().present())
                + ", result " + yes(s.result().present())).orElse(""));
        List<String> notes = new ArrayList<>(result.notes());
        if (result.transcript().isEmpty() && notes.isEmpty()) {
            notes.add("This take has no transcript yet.");
        }
        message.set(String.join(" ", notes));
        take.set(Optional.of(result));
    }

    /** Asks the player to go to {@code seconds} into the take (a transcript word, a click on the timeline). */
    public void seek(double seconds) {
        double at = Double.isFinite(seconds) ? Math.max(0, seconds) : 0;
        position.set(at);
        seekRequest.set(new SeekRequest(at, seekRequest.get().serial() + 1));
    }

    /**
     * Goes to a moment the interviewer marked, a flag or a follow-up at {@code seconds}, starting a little before it:
     * a flag is dropped after the thing it names was said.
     */
    public void jumpTo(double seconds) {
        seek(seconds - JUMP_LEAD_SECONDS);
    }

    /** Goes to the interviewer's next flag after the current position; false when there is none. */
    public boolean nextFlag() {
        for (app.retake.review.Flag f : interviewer.get().flags()) {
            if (jumpTarget(f.at()) > position.get() + SAME_MOMENT_SECONDS) {
                jumpTo(f.at());
                return true;
            }
        }
        return false;
    }

    /** Goes to the interviewer's flag before the current position; false when there is none. */
    public boolean previousFlag() {
        List<app.retake.review.Flag> flags = interviewer.get().flags();
        for (int i = flags.size() - 1; i >= 0; i--) {
            // Within a second after a flag's moment, this goes to the flag before rather than replaying it, as
            // players' "previous" does.
            if (jumpTarget(flags.get(i).at()) < position.get() - 2 * SAME_MOMENT_SECONDS) {
                jumpTo(flags.get(i).at());
                return true;
            }
        }
        return false;
    }

    /** The player reached {@code seconds}; called by the view as the take plays. */
    public void playedTo(double seconds) {
        if (Double.isFinite(seconds)) {
            position.set(Math.max(0, seconds));
        }
    }

    private static double jumpTarget(double at) {
        return Math.max(0, at - JUMP_LEAD_SECONDS);
    }

    private static String yes(boolean present) {
        return present ? "yes" : "no";
    }

    static List<TranscriptWord> flagged(TakeResult result) {
        if (result.transcript().isEmpty()) {
            return List.of();
        }
        List<Word> heard = result.transcript().get().words();
        Map<Integer, Flag> flags = new TreeMap<>();
        result.metrics().ifPresent(m -> {
            mark(flags, m.fillers().occurrences(), Flag.FILLER);
            mark(flags, m.hedges().occurrences(), Flag.HEDGE);
            mark(flags, m.toneCues().occurrences(), Flag.TONE);
        });
        List<TranscriptWord> out = new ArrayList<>(heard.size());
        for (int i = 0; i < heard.size(); i++) {
            out.add(new TranscriptWord(heard.get(i), Optional.ofNullable(flags.get(i))));
        }
        return out;
    }

    private static void mark(Map<Integer, Flag> flags, List<Occurrence> occurrences, Flag flag) {
        for (Occurrence o : occurrences) {
            for (int i = o.wordIndex(); i < o.wordIndex() + o.wordCount(); i++) {
                flags.putIfAbsent(i, flag);
            }
        }
    }

    public void rate(Rating r) {
        if (!inLoop()) {
            message.set(take.get().isPresent() ? "This take was rated when it was recorded; answer the question "
                    + "again to rate a new take." : "Answer a question first, then rate your answer.");
            return;
        }
        rating.set(Optional.of(r));
        endWarned = false;
        message.set("Rated " + r.label() + "." + (inLoop() ? " N for the next question, R to try this one again." : ""));
    }

    public void check(SelfCheck.Aspect aspect, SelfCheck.Verdict verdict) {
        if (!inLoop()) {
            return;
        }
        selfCheck.set(selfCheck.get().with(aspect, verdict));
    }

    public void note(String text) {
        if (!inLoop()) {
            return;
        }
        selfCheck.set(selfCheck.get().withNote(text));
    }

    /** R: answer the same question again. */
    public void retake() {
        if (loop.isPresent() && rated()) {
            PracticeModel.Loop l = loop.get();
            loop = Optional.empty();
            l.retake(rating.get(), selfCheck.get());
        }
    }

    /** N: the next question. */
    public void next() {
        if (loop.isPresent() && rated()) {
            PracticeModel.Loop l = loop.get();
            loop = Optional.empty();
            l.next(rating.get(), selfCheck.get());
        }
    }

    /** Esc: end the session; an unrated take needs a second Esc, so a rating is never skipped by accident. */
    public void end() {
        if (loop.isEmpty()) {
            return;
        }
        if (rating.get().isEmpty() && !endWarned) {
            endWarned = true;
            message.set("This take is not rated yet. Press 1-4 to rate it, or Esc again to end without a rating.");
            return;
        }
        PracticeModel.Loop l = loop.get();
        loop = Optional.empty();
        l.end(rating.get(), selfCheck.get());
    }

    private boolean rated() {
        if (rating.get().isPresent()) {
            return true;
        }
        message.set("Rate this answer first: 1 unprepared, 2 shaky, 3 good, 4 nailed.");
        return false;
    }
}
