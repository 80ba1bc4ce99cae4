package app.retake.practice;

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
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.Rubric;

/** The friend's side of a mock interview: what they ask, flag and score, timed against the take. */
class InterviewTest {

    private static Question question(String id, String text) {
        return new Question(id, "behavioural", text, List.of("Situation", "Result"), List.of("And then?"), List.of(),
                Difficulty.MEDIUM, "", Map.of(), "core", 2);
    }

    private final Question conflict = question("beh-conflict", "Tell me about a conflict.");
    private final Question failure = question("beh-failure", "Tell me about a failure.");

    @Test
    void flagsAndFollowUpsAreTimedAgainstTheTakeAndEveryoneHearsOfThem() {
        Interview interview = new Interview("Sam", List.of(conflict, failure));
        List<Interview.Event> heard = new ArrayList<>();
        interview.addListener(heard::add);
        interview.ask(conflict);
        AtomicReference<Double> clock = new AtomicReference<>(0.0);
        interview.takeStarted(clock::get);

        clock.set(12.5);
        interview.flag("rambling");
        clock.set(30.0);
        FollowUp asked = interview.followUp("  What would you do differently?  ");
        clock.set(41.25);
        interview.flag(Flag.STANDARD.get(2));
        interview.takeEnded();
        interview.score(Optional.of(Rating.SHAKY), Rubric.EMPTY.with(Rubric.Criterion.CONTENT, 3), "More numbers.");

        var review = interview.review();
        assertThat(review.interviewer()).isEqualTo("Sam");
        assertThat(review.flags()).containsExactly(new Flag(12.5, "rambling"), new Flag(41.25, "great result"));
        assertThat(review.followUps()).containsExactly(new FollowUp(30.0, "What would you do differently?"));
        assertThat(asked.text()).isEqualTo("What would you do differently?");
        assertThat(review.rating()).contains(Rating.SHAKY);
        assertThat(review.feedback()).isEqualTo("More numbers.");
        assertThat(heard).containsExactly(new Interview.Event.Asked(conflict),
                new Interview.Event.Flagged(new Flag(12.5, "rambling")),
                new Interview.Event.FollowedUp(new FollowUp(30.0, "What would you do differently?")),
                new Interview.Event.Flagged(new Flag(41.25, "great result")));
    }

    @Test
    void flagsNeedATakeAndANewTakeStartsAFreshReview() {
        Interview interview = new Interview("Sam", List.of(conflict));
        assertThatThrownBy(() -> interview.flag("rambling")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start recording");
        interview.takeStarted(() -> 5);
        interview.flag("fidgeting");
        interview.takeEnded();
        assertThatThrownBy(() -> interview.flag("rambling")).isInstanceOf(IllegalStateException.class);
        interview.takeStarted(() -> 1);
        assertThat(interview.review().flags()).isEmpty();
        assertThatThrownBy(() -> interview.flag("x".repeat(Flag.MAX_KIND + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(interview.review().flags()).isEmpty();
    }

    @Test
    void theNextPlannedQuestionSkipsThoseAlreadyAsked() {
        Interview interview = new Interview("Sam", List.of(conflict, failure));
        assertThat(interview.nextPlanned(List.of())).contains(conflict);
        assertThat(interview.nextPlanned(List.of("beh-conflict"))).contains(failure);
        assertThat(interview.nextPlanned(List.of("beh-conflict", "beh-failure"))).isEmpty();
    }
}
