package app.retake.ui.ambush;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.drill.AmbushSchedule;
import app.retake.drill.AmbushSettings;
import app.retake.ui.ambush.AmbushModel.Phase;
import javafx.beans.property.SimpleBooleanProperty;

/** Ambush mode's model on a clock and scheduler the test moves by hand; no display needed. */
class AmbushModelTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final AmbushSettings WEEKDAY_OFFICE_HOURS = AmbushSettings.defaults(LONDON);
    /** A Monday in summer time, far from any clock change. */
    static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);
    static final Question CONFLICT = question("q-conflict", "Tell me about a conflict with a coworker.");

    private final List<Question> answered = new ArrayList<>();
    private final AtomicInteger picks = new AtomicInteger();
    private ManualTime time;
    private AmbushModel model;

    private void start(Instant at, Supplier<Optional<Question>> pick) {
        time = new ManualTime(at, LONDON);
        model = new AmbushModel(new AmbushSchedule(WEEKDAY_OFFICE_HOURS, new SplittableRandom(5)), time.clock, time,
                Runnable::run, Runnable::run, Duration.ofMinutes(10), () -> {
                    picks.incrementAndGet();
                    return pick.get();
                }, answered::add);
    }

    private void start(Instant at) {
        start(at, () -> Optional.of(CONFLICT));
    }

    /** Arms and moves time to the first ambush. */
    private Instant springFirst() {
        model.arm();
        Instant planned = model.nextPlanned().orElseThrow();
        time.advanceTo(planned);
        return planned;
    }

    @Test
    void armingSaysUntilWhenAndPlansAMomentInsideTheHours() {
        start(at(MONDAY, "10:00"));
        assertThat(model.toggleTextProperty().get()).isEqualTo("Ambush me: off");

        model.arm();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        assertThat(model.armedProperty().get()).isTrue();
        assertThat(model.toggleTextProperty().get()).isEqualTo("Ambush me: on until 18:00");
        assertThat(model.nextMomentProperty().get()).startsWith("Next ambush: sometime");
        assertThat(insideHours(model.nextPlanned().orElseThrow())).isTrue();
    }

    @Test
    void aMomentInsideTheHoursSpringsAWeakSpotWithATenSecondCountdown() {
        start(at(MONDAY, "10:00"));

        Instant planned = springFirst();

        assertThat(insideHours(planned)).isTrue();
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.SPRUNG);
        assertThat(model.questionProperty().get()).contains(CONFLICT);
        assertThat(model.countdownProperty().get()).isEqualTo(10);
        assertThat(answered).isEmpty();
        assertThat(picks).hasValue(1);
    }

    @Test
    void theCountdownReachingZeroStartsRecordingTheQuestion() {
        start(at(MONDAY, "10:00"));
        springFirst();

        time.advance(Duration.ofSeconds(9));
        assertThat(model.countdownProperty().get()).isEqualTo(1);
        assertThat(answered).isEmpty();

        time.advance(Duration.ofSeconds(1));
        assertThat(answered).containsExactly(CONFLICT);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.nextPlanned()).isPresent();
    }

    @Test
    void startingNowAnswersOnceAndStopsTheCountdown() {
        start(at(MONDAY, "10:00"));
        springFirst();
        time.advance(Duration.ofSeconds(3));

        model.startNow();
        time.advance(Duration.ofSeconds(20));

        assertThat(answered).containsExactly(CONFLICT);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
    }

    @Test
    void snoozeReArmsForTenMinutesWithoutAnswering() {
        start(at(MONDAY, "10:00"));
        springFirst();
        time.advance(Duration.ofSeconds(4));
        Instant snoozedAt = time.now();

        model.snooze();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.nextPlanned()).contains(snoozedAt.plus(Duration.ofMinutes(10)));
        time.advance(Duration.ofSeconds(30));
        assertThat(answered).isEmpty();

        time.advanceTo(snoozedAt.plus(Duration.ofMinutes(10)));
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.SPRUNG);
        assertThat(model.countdownProperty().get()).isEqualTo(10);
        assertThat(answered).isEmpty();
    }

    @Test
    void outsideTheHoursNothingIsSprungUntilTheyOpen() {
        LocalDate saturday = MONDAY.plusDays(5);
        start(at(saturday, "10:00"));

        model.arm();
        assertThat(model.toggleTextProperty().get()).isEqualTo("Ambush me: on from Mon 09:00");
        Instant planned = model.nextPlanned().orElseThrow();
        assertThat(planned).isAfterOrEqualTo(at(MONDAY.plusWeeks(1), "09:00"));

        time.advanceTo(at(MONDAY.plusWeeks(1), "08:59"));
        assertThat(picks).hasValue(0);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);

        time.advanceTo(at(MONDAY.plusWeeks(1), "09:00").plusSeconds(2));
        assertThat(model.toggleTextProperty().get()).isEqualTo("Ambush me: on until 18:00");
        time.advanceTo(planned);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.SPRUNG);
        assertThat(insideHours(time.now())).isTrue();
    }

    @Test
    void anAmbushThatComesDueLateAfterSleepOutsideTheHoursSpringsNothing() {
        start(at(MONDAY, "17:00"));
        model.arm();
        Instant planned = model.nextPlanned().orElseThrow();
        // The machine sleeps through the planned moment and wakes in the evening of that day.
        Instant evening = ZonedDateTime.of(LocalDate.ofInstant(planned, LONDON), LocalTime.of(21, 0), LONDON)
                .toInstant();

        time.wakeAt(evening);

        assertThat(picks).hasValue(0);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.toggleTextProperty().get()).startsWith("Ambush me: on from ");
        assertThat(insideHours(model.nextPlanned().orElseThrow())).isTrue();
    }

    @Test
    void aWeekOfAmbushesPopsUpOnlyInsideTheHours() {
        start(at(MONDAY, "00:00"));
        List<Instant> sprung = new ArrayList<>();
        model.phaseProperty().addListener((obs, was, now) -> {
            if (now == Phase.SPRUNG) {
                sprung.add(time.now());
            }
        });
        model.arm();

        time.advanceTo(at(MONDAY.plusWeeks(1), "00:00"));

        assertThat(sprung).hasSizeGreaterThan(5).allSatisfy(at -> assertThat(insideHours(at))
                .as("%s is inside weekday office hours", at.atZone(LONDON)).isTrue());
        assertThat(answered).hasSameSizeAs(sprung);
    }

    @Test
    void switchingOffTakesTheQuestionDownWithoutRecording() {
        start(at(MONDAY, "10:00"));
        springFirst();

        model.toggle();
        time.advance(Duration.ofMinutes(5));

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.OFF);
        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.nextPlanned()).isEmpty();
        assertThat(model.toggleTextProperty().get()).isEqualTo("Ambush me: off");
        assertThat(answered).isEmpty();
        time.advance(Duration.ofDays(3));
        assertThat(picks).hasValue(1);
    }

    @Test
    void anAmbushThatComesDueDuringATakeIsLetPassAndTheNextOneStillComes() {
        start(at(MONDAY, "10:00"));
        SimpleBooleanProperty recording = new SimpleBooleanProperty(true);
        model.holdWhile(recording);

        Instant first = springFirst();

        assertThat(picks).hasValue(0);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        Instant second = model.nextPlanned().orElseThrow();
        assertThat(second).isAfter(first);
        recording.set(false);
        time.advanceTo(second);
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.SPRUNG);
    }

    @Test
    void noQuestionToAskLeavesAmbushModeArmedAndSaysWhy() {
        start(at(MONDAY, "10:00"), Optional::empty);

        springFirst();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        assertThat(model.messageProperty().get()).contains("no question to ask");
        assertThat(model.nextPlanned()).isPresent();
    }

    @Test
    void aFailingPickIsReportedAndTheNextAmbushStillComes() {
        start(at(MONDAY, "10:00"), () -> {
            throw new IllegalStateException("banks unreadable (this test expects it)", null) {
                @Override
                public synchronized Throwable fillInStackTrace() {
                    return this;
                }
            };
        });

        springFirst();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ARMED);
        assertThat(model.messageProperty().get()).contains("banks unreadable");
        assertThat(model.nextPlanned()).isPresent();
        assertThat(answered).isEmpty();
    }

    static Question question(String id, String text) {
        return new Question(id, "behavioural", text, List.of(), List.of(), List.of(), Difficulty.MEDIUM, "", Map.of(),
                "core", 0);
    }

    static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), LONDON).toInstant();
    }

    private static boolean insideHours(Instant instant) {
        ZonedDateTime local = instant.atZone(LONDON);
        LocalTime t = local.toLocalTime();
        return local.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() && !t.isBefore(LocalTime.of(9, 0))
                && t.isBefore(LocalTime.of(18, 0));
    }

    @Test
    void newHoursReplanTheNextAmbushWithinThem() {
        start(at(MONDAY, "10:00"));
        model.arm();
        var evenings = new app.retake.drill.AmbushSettings(Duration.ofHours(1), java.time.LocalTime.of(19, 0),
                java.time.LocalTime.of(21, 0), java.util.EnumSet.of(java.time.DayOfWeek.MONDAY), Duration.ofMinutes(10),
                WEEKDAY_OFFICE_HOURS.zone());
        model.reconfigure(evenings);
        assertThat(model.armedProperty().get()).isTrue();
        assertThat(model.toggleTextProperty().get()).isEqualTo("Ambush me: on from 19:00");
        var next = model.nextPlanned().orElseThrow().atZone(WEEKDAY_OFFICE_HOURS.zone());
        assertThat(next.toLocalTime()).isBetween(java.time.LocalTime.of(19, 0), java.time.LocalTime.of(21, 0));
        assertThat(next.toLocalDate()).isEqualTo(MONDAY);
    }
}
