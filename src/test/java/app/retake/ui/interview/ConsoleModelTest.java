package app.retake.ui.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.drill.SessionPlan;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.interview.Interview.Stage;
import app.retake.practice.Practice;
import app.retake.practice.PracticeSession;
import app.retake.review.InterviewerReview;
import app.retake.review.Rubric;

/** The console's own rules: starting, and keeping its score in step with the phone's. */
class ConsoleModelTest {

    private final FxRobot robot = new FxRobot();
    private final Question conflict = question("beh-conflict");
    private final Question failure = question("beh-failure");
    private final List<Interview> joined = new ArrayList<>();
    private boolean candidateBusy;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    private static Question question(String id) {
        return new Question(id, "behavioural", "Tell me about " + id, List.of("Situation"), List.of("Why?"),
                List.of(), Difficulty.MEDIUM, "", Map.of(), "core", 2);
    }

    private ConsoleModel model() {
        return new ConsoleModel(new ConsoleModel.Host() {
            @Override
            public Practice.InterviewStart plan(SessionPlan plan, String candidate) {
                return new Practice.InterviewStart(null, List.of(conflict, failure), List.of(conflict, failure),
                        List.of());
            }

            @Override
            public List<String> profiles() {
                return List.of("alex", "sam");
            }

            @Override
            public boolean join(Interview interview, PracticeSession session) {
                if (candidateBusy) {
                    return false;
                }
                joined.add(interview);
                return true;
            }
        }, Runnable::run);
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ConsoleModel started() throws TimeoutException {
        ConsoleModel model = model();
        robot.interact(() -> {
            model.candidate().set("alex");
            model.interviewer().set("sam");
            model.start();
        });
        waitUntil(model::running);
        return model;
    }

    /** Records one take of the current question the way the candidate's screen reports it. */
    private void recordTake(ConsoleModel model, Interview interview) throws TimeoutException {
        robot.interact(model::toggleTake);
        interview.takeStarted(() -> 4.0);
        waitUntil(() -> model.snapshot().get().stage() == Stage.RECORDING);
    }

    @Test
    void startingNeedsTwoDifferentPeopleAndAFreeCandidateScreen() throws TimeoutException {
        ConsoleModel model = model();
        robot.interact(() -> {
            model.candidate().set(" ");
            model.start();
        });
        assertThat(model.message().get()).contains("who answers");
        robot.interact(() -> {
            model.candidate().set("Alex");
            model.interviewer().set("alex");
            model.start();
        });
        assertThat(model.message().get()).contains("same person");
        candidateBusy = true;
        robot.interact(() -> {
            model.interviewer().set("sam");
            model.start();
        });
        waitUntil(() -> !model.busy().get());
        assertThat(model.running()).isFalse();
        assertThat(model.message().get()).contains("busy with a take");
        assertThat(joined).isEmpty();
    }

    @Test
    void aScoreGivenDuringTheTakeIsSentOnceTheTakeIsSaved() throws TimeoutException {
        ConsoleModel model = started();
        Interview interview = joined.get(0);
        robot.interact(model::springNext);
        recordTake(model, interview);
        robot.interact(() -> {
            model.rubric(Rubric.Criterion.CONTENT).set(2);
            model.rating().set(Optional.of(Rating.SHAKY));
        });
        assertThat(interview.review().rubric()).isEqualTo(Rubric.EMPTY);
        robot.interact(model::toggleTake);
        interview.takeSaved();
        waitUntil(() -> interview.review().rating().isPresent());
        assertThat(interview.review().rubric().scores()).containsEntry(Rubric.Criterion.CONTENT, 2);
        assertThat(interview.review().rating()).contains(Rating.SHAKY);
    }

    @Test
    void aScoreFromThePhoneShowsHereAndIsNotOverwrittenWhenMovingOn() throws TimeoutException {
        ConsoleModel model = started();
        Interview interview = joined.get(0);
        List<InterviewerReview> closed = new ArrayList<>();
        interview.addListener(e -> {
            if (e instanceof Interview.Event.TakeClosed c) {
                closed.add(c.review());
            }
        });
        robot.interact(model::springNext);
        recordTake(model, interview);
        robot.interact(model::toggleTake);
        interview.takeSaved();
        waitUntil(() -> model.snapshot().get().stage() == Stage.SCORING);
        // The phone scores from its own thread.
        interview.score(Optional.of(Rating.NAILED), Rubric.EMPTY.with(Rubric.Criterion.TONE, 5), "Calm and clear.");
        waitUntil(() -> model.rating().get().isPresent());
        assertThat(model.rubric(Rubric.Criterion.TONE).get()).isEqualTo(5);
        assertThat(model.feedback().get()).isEqualTo("Calm and clear.");

        robot.interact(model::springNext);
        waitUntil(() -> !closed.isEmpty());
        assertThat(closed.get(0).rating()).contains(Rating.NAILED);
        assertThat(closed.get(0).feedback()).isEqualTo("Calm and clear.");
        assertThat(model.snapshot().get().current()).contains(failure);
        assertThat(model.rating().get()).isEmpty();
        assertThat(model.rubric(Rubric.Criterion.TONE).get()).isZero();
    }

    @Test
    void refusalsAreShownAndTheEndLeavesTheConsoleReadyForAnother() throws TimeoutException {
        ConsoleModel model = started();
        robot.interact(() -> model.flag(1));
        assertThat(model.message().get()).contains("start recording");
        robot.interact(model::springNext);
        robot.interact(model::springNext);
        robot.interact(model::springNext);
        assertThat(model.message().get()).contains("Every planned question has been asked");
        robot.interact(model::end);
        waitUntil(() -> !model.running());
        assertThat(model.message().get()).startsWith("Interview over");
        assertThat(model.shownQuestions()).isEmpty();
    }

    @Test
    void theInterviewPackCanBeSavedBeforeStartingForAFriendWorkingFromPaper(@org.junit.jupiter.api.io.TempDir
                                                                             java.nio.file.Path dir)
            throws Exception {
        ConsoleModel model = model();
        java.nio.file.Path file = dir.resolve("pack.html");
        robot.interact(() -> {
            model.candidate().set("alex");
            model.writePack(file);
        });
        waitUntil(() -> model.message().get().startsWith("Interview pack of 2 questions saved"));
        String html = java.nio.file.Files.readString(file);
        assertThat(html).contains("Tell me about beh-conflict", "Tell me about beh-failure", "alex");
        assertThat(model.running()).isFalse();
        assertThat(joined).isEmpty();
    }
}
