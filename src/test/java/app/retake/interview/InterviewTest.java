package app.retake.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.interview.Interview.Event;
import app.retake.interview.Interview.Stage;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.InterviewerReview;
import app.retake.review.Rubric;

/** The friend's side of a mock interview: what they ask, flag and score, timed against the take. */
class InterviewTest {

    static Question question(String id, String text) {
        return new Question(id, "behavioural", text, List.of("Situation", "Result"), List.of("And then?"), List.of(),
                Difficulty.MEDIUM, "", Map.of(), "core", 2);
    }

    private final Question conflict = question("beh-conflict", "Tell me about a conflict.");
    private final Question failure = question("beh-failure", "Tell me about a failure.");

    /** Runs one take of the current question as the candidate's screen would, the clock at {@code clock}. */
    private static void record(Interview interview, AtomicReference<Double> clock) {
        interview.wantTake(true);
        interview.takeStarted(clock::get);
    }

    @Test
    void flagsAndFollowUpsAreTimedAgainstTheTakeAndEveryoneHearsOfThem() {
        Interview interview = new Interview("Sam", "alex", List.of(conflict, failure));
        List<Event> heard = new ArrayList<>();
        interview.addListener(heard::add);
        interview.ask(conflict);
        AtomicReference<Double> clock = new AtomicReference<>(0.0);
        record(interview, clock);

        clock.set(12.5);
        interview.flag("rambling");
        clock.set(30.0);
        FollowUp asked = interview.followUp("  What would you do differently?  ");
        clock.set(41.25);
        interview.flag(Flag.STANDARD.get(2));
        interview.wantTake(false);
        interview.takeSaved();
        interview.score(Optional.of(Rating.SHAKY), Rubric.EMPTY.with(Rubric.Criterion.CONTENT, 3), "More numbers.");

        InterviewerReview review = interview.review();
        assertThat(review.interviewer()).isEqualTo("Sam");
        assertThat(review.flags()).containsExactly(new Flag(12.5, "rambling"), new Flag(41.25, "great result"));
        assertThat(review.followUps()).containsExactly(new FollowUp(30.0, "What would you do differently?"));
        assertThat(asked.text()).isEqualTo("What would you do differently?");
        assertThat(review.rating()).contains(Rating.SHAKY);
        assertThat(review.feedback()).isEqualTo("More numbers.");
        assertThat(heard).containsExactly(new Event.Asked(conflict),
                new Event.TakeWanted(true), new Event.StageChanged(Stage.STARTING, ""),
                new Event.StageChanged(Stage.RECORDING, ""),
                new Event.Flagged(new Flag(12.5, "rambling")),
                new Event.FollowedUp(new FollowUp(30.0, "What would you do differently?")),
                new Event.Flagged(new Flag(41.25, "great result")),
                new Event.TakeWanted(false), new Event.StageChanged(Stage.STOPPING, ""),
                new Event.StageChanged(Stage.SCORING, ""),
                new Event.Scored(review));

        // Moving on closes the take with its review, then asks; the next take starts with an empty review.
        heard.clear();
        interview.ask(failure);
        assertThat(heard).containsExactly(new Event.TakeClosed(review), new Event.Asked(failure));
        assertThat(interview.review().flags()).isEmpty();
        assertThat(interview.askedIds()).containsExactly("beh-conflict", "beh-failure");
    }

    @Test
    void commandsThatDoNotFitTheMomentAreRefusedWithAReason() {
        Interview interview = new Interview("Sam", "alex", List.of(conflict));
        assertThatThrownBy(() -> interview.flag("rambling")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start recording");
        assertThatThrownBy(() -> interview.wantTake(true)).hasMessageContaining("Ask a question");
        assertThatThrownBy(() -> interview.followUp("Why?")).hasMessageContaining("Ask a question");
        assertThatThrownBy(() -> interview.wantTake(false)).hasMessageContaining("Nothing is being recorded");
        interview.ask(conflict);
        assertThatThrownBy(() -> interview.score(Optional.of(Rating.GOOD), Rubric.EMPTY, ""))
                .hasMessageContaining("no recorded take");
        AtomicReference<Double> clock = new AtomicReference<>(5.0);
        record(interview, clock);
        assertThatThrownBy(() -> interview.ask(failure)).hasMessageContaining("Stop the take");
        assertThatThrownBy(() -> interview.wantTake(true)).hasMessageContaining("already under way");
        assertThatThrownBy(() -> interview.score(Optional.of(Rating.GOOD), Rubric.EMPTY, ""))
                .hasMessageContaining("once the take is stopped");
        assertThatThrownBy(() -> interview.flag("x".repeat(Flag.MAX_KIND + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interview.askPlanned("not-planned")).isInstanceOf(IllegalArgumentException.class);
        assertThat(interview.review().flags()).isEmpty();
        assertThat(interview.current()).contains(conflict);
    }

    @Test
    void aRetakeClosesTheSavedTakeAndStartsAFreshReview() {
        Interview interview = new Interview("Sam", "alex", List.of(conflict));
        List<Event> heard = new ArrayList<>();
        interview.addListener(heard::add);
        interview.ask(conflict);
        AtomicReference<Double> clock = new AtomicReference<>(5.0);
        record(interview, clock);
        interview.flag("fidgeting");
        interview.wantTake(false);
        interview.takeSaved();
        InterviewerReview first = interview.review();
        heard.clear();
        record(interview, clock);
        assertThat(heard.get(0)).isEqualTo(new Event.TakeClosed(first));
        assertThat(first.flags()).extracting(Flag::kind).containsExactly("fidgeting");
        assertThat(interview.review().flags()).isEmpty();
        assertThat(interview.stage()).isEqualTo(Stage.RECORDING);
    }

    @Test
    void aFailedStartGoesBackToTheQuestionAndSaysWhy() {
        Interview interview = new Interview("Sam", "alex", List.of(conflict));
        interview.ask(conflict);
        interview.wantTake(true);
        interview.takeFailed("No camera or microphone could be opened.");
        assertThat(interview.snapshot().stage()).isEqualTo(Stage.ASKED);
        assertThat(interview.snapshot().message()).contains("No camera");
    }

    @Test
    void endingMidTakeHandsOverWhatWasFlaggedAndRefusesEverythingAfter() {
        Interview interview = new Interview("Sam", "alex", List.of(conflict));
        List<Event> heard = new ArrayList<>();
        interview.addListener(heard::add);
        interview.ask(conflict);
        AtomicReference<Double> clock = new AtomicReference<>(3.0);
        record(interview, clock);
        interview.flag("rambling");
        interview.end();
        Event last = heard.get(heard.size() - 1);
        assertThat(last).isInstanceOf(Event.Ended.class);
        assertThat(((Event.Ended) last).takeUnderWay()).hasValueSatisfying(
                r -> assertThat(r.flags()).extracting(Flag::kind).containsExactly("rambling"));
        assertThatThrownBy(() -> interview.ask(conflict)).hasMessageContaining("ended");
        assertThatThrownBy(() -> interview.followUp("Why?")).hasMessageContaining("ended");
        int before = heard.size();
        interview.end();
        assertThat(heard).hasSize(before);
    }

    @Test
    void endingAfterASavedTakeClosesItsReviewFirst() {
        Interview interview = new Interview("Sam", "alex", List.of(conflict));
        List<Event> heard = new ArrayList<>();
        interview.addListener(heard::add);
        interview.ask(conflict);
        record(interview, new AtomicReference<>(1.0));
        interview.wantTake(false);
        interview.takeSaved();
        interview.score(Optional.of(Rating.NAILED), Rubric.EMPTY, "");
        InterviewerReview scored = interview.review();
        heard.clear();
        interview.end();
        assertThat(heard).containsExactly(new Event.TakeClosed(scored), new Event.StageChanged(Stage.ENDED, ""),
                new Event.Ended(Optional.empty()));
    }

    @Test
    void theNextPlannedQuestionSkipsThoseAlreadyAsked() {
        Interview interview = new Interview("Sam", "alex", List.of(conflict, failure));
        assertThat(interview.nextPlanned()).contains(conflict);
        interview.ask(conflict);
        assertThat(interview.nextPlanned()).contains(failure);
        assertThat(interview.askNext()).contains(failure);
        assertThat(interview.askNext()).isEmpty();
        assertThat(interview.current()).contains(failure);
    }
}
