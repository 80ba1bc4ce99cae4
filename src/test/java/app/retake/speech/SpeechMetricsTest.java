package app.retake.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SpeechMetricsTest {

    private static SpeechMetrics measure(Transcript t) {
        return SpeechMetrics.of(t, Optional.empty(), MetricSettings.defaults());
    }

    private static SpeechMetrics measure(String script) {
        return measure(Takes.say(script));
    }

    private static SpeechMetrics answer(Question q, String script) {
        return SpeechMetrics.of(Takes.say(script), Optional.of(q), MetricSettings.defaults());
    }

    private static Question question(String category, List<String> tags, String... points) {
        return new Question("q1", category, "Tell me about a time", List.of(points), List.of(), tags,
                Difficulty.MEDIUM, "", Map.of(), "", 0);
    }

    @Test
    void speakingRateCountsOnlyTheTimeBetweenFirstAndLastWord() {
        // 120 words, each half a second with no gaps: 60 s of speech, after 5 s of silence and before 10 s more.
        String script = String.join(" ", Collections.nCopies(120, "word"));
        List<Word> words = Takes.lay(5, 0.5, 0, script);
        SpeechMetrics m = measure(new Transcript(words, 75, "test"));

        assertThat(m.durationSeconds()).isEqualTo(75);
        assertThat(m.words()).isEqualTo(120);
        assertThat(m.timeToFirstWord().getAsDouble()).isEqualTo(5.0);
        assertThat(m.speakingSeconds().getAsDouble()).isCloseTo(60.0, within(1e-9));
        assertThat(m.wordsPerMinute().getAsDouble()).isCloseTo(120.0, within(1e-9));
    }

    @Test
    void onlySilencesLongerThanTwoSecondsCountAsLongPauses() {
        SpeechMetrics m = measure(Takes.say("one (1.9) two (2.1) three (2.0) four (3.0) five"));

        assertThat(m.longPauses()).extracting(Pause::afterWordIndex).containsExactly(1, 3);
        assertThat(m.longPauses().get(0).seconds()).isCloseTo(2.1, within(1e-9));
        assertThat(m.longestPause().getAsDouble()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void anEmptyTakeHasNothingToMeasureButDoesNotFail() {
        Question q = question("behavioural", List.of(), "A measurable result");
        SpeechMetrics m = SpeechMetrics.of(new Transcript(List.of(), 12, "test"), Optional.of(q),
                MetricSettings.defaults());

        assertThat(m.durationSeconds()).isEqualTo(12);
        assertThat(m.words()).isZero();
        assertThat(m.timeToFirstWord()).isEmpty();
        assertThat(m.speakingSeconds()).isEmpty();
        assertThat(m.wordsPerMinute()).isEmpty();
        assertThat(m.longestPause()).isEmpty();
        assertThat(m.meanConfidence()).isEmpty();
        assertThat(m.fillersPerMinute()).isEmpty();
        assertThat(m.fillers().total()).isZero();
        assertThat(m.repeats()).isEmpty();
        assertThat(m.coverage()).singleElement().satisfies(p -> assertThat(p.covered()).isFalse());
        assertThat(m.star()).hasValueSatisfying(s -> assertThat(s.situation().present()).isFalse());
    }

    @Test
    void aSingleWordWithNoLengthHasNoRateRatherThanInfinity() {
        SpeechMetrics m = measure(new Transcript(List.of(new Word("hi", 1, 1, 0.5)), 2, "test"));

        assertThat(m.timeToFirstWord().getAsDouble()).isEqualTo(1.0);
        assertThat(m.wordsPerMinute()).isEmpty();
        assertThat(m.fillersPerMinute()).isEmpty();
        assertThat(m.longestPause()).isEmpty();
        assertThat(m.meanConfidence().getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void likeAsAVerbIsNotAFiller() {
        assertThat(measure("I'd like to explain").fillers().total()).isZero();
        assertThat(measure("I like working here").fillers().total()).isZero();
        assertThat(measure("we'd like more time").fillers().total()).isZero();
        assertThat(measure("we would like more time").fillers().total()).isZero();
        assertThat(measure("it looks like rain").fillers().total()).isZero();
        assertThat(measure("something like this").fillers().total()).isZero();
    }

    @Test
    void likeAsAFillerIsCountedWithItsPosition() {
        SpeechMetrics m = measure("it was like really hard");

        assertThat(m.fillers().count("like")).isEqualTo(1);
        Occurrence hit = m.fillers().occurrences().get(0);
        assertThat(hit.wordIndex()).isEqualTo(2);
        assertThat(hit.start()).isCloseTo(0.8, within(1e-9));
        assertThat(hit.end()).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void youKnowBeforeAnObjectIsNotAFillerButOnItsOwnItIs() {
        assertThat(measure("you know what I mean").fillers().total()).isZero();
        assertThat(measure("do you know the answer").fillers().total()).isZero();
        assertThat(measure("it was you know hard").fillers().count("you know")).isEqualTo(1);
    }

    @Test
    void iMeanIsAFillerOnlyWhenItIsNotSayingWhatIsMeant() {
        assertThat(measure("what I mean is simple").fillers().total()).isZero();
        assertThat(measure("I mean it").fillers().total()).isZero();
        assertThat(measure("I mean we shipped").fillers().count("I mean")).isEqualTo(1);
    }

    @Test
    void rightIsAFillerOnlyAsATag() {
        assertThat(measure("the right person").fillers().total()).isZero();
        assertThat(measure("right now we ship").fillers().total()).isZero();
        assertThat(measure("we shipped it right").fillers().count("right")).isEqualTo(1);
        assertThat(measure("right (0.5) so we shipped").fillers().count("right")).isEqualTo(1);
        assertThat(measure("it worked right? so").fillers().count("right")).isEqualTo(1);
    }

    @Test
    void kindOfIsAFillerOnlyAsASoftener() {
        assertThat(measure("that kind of thing").fillers().total()).isZero();
        assertThat(measure("the sort of manager who listens").fillers().total()).isZero();
        assertThat(measure("it was kind of hard").fillers().count("kind of")).isEqualTo(1);
    }

    @Test
    void basicallyActuallyAndLiterallyAlwaysCount() {
        SpeechMetrics m = measure("basically it actually literally worked so yeah");

        assertThat(m.fillers().total()).isEqualTo(4);
        assertThat(m.fillers().occurrences()).extracting(Occurrence::wordIndex).containsExactly(0, 2, 3, 5);
    }

    @Test
    void fillersPerMinuteUseSpeakingTime() {
        // Two fillers over exactly 30 s of speech.
        List<Word> words = Takes.lay(3, 0.5, 0, "basically " + "x ".repeat(58) + "actually");
        SpeechMetrics m = measure(new Transcript(words, 40, "test"));

        assertThat(m.fillersPerMinute().getAsDouble()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void anAddedFillerCountsWherever() {
        MetricSettings settings = new MetricSettings(List.of("um"), List.of(), List.of(), List.of());
        SpeechMetrics m = SpeechMetrics.of(Takes.say("um so um"), Optional.empty(), settings);

        assertThat(m.fillers().count("um")).isEqualTo(2);
    }

    @Test
    void hedgesAreCountedWithPositions() {
        SpeechMetrics m = measure("I think maybe we could probably ship");

        assertThat(m.hedges().total()).isEqualTo(3);
        assertThat(m.hedges().count("I think")).isEqualTo(1);
        assertThat(m.hedges().occurrences()).extracting(Occurrence::wordIndex).containsExactly(0, 2, 5);
        assertThat(m.hedges().occurrences().get(0).wordCount()).isEqualTo(2);
    }

    @Test
    void aWordSaidTwiceInARowIsARepeat() {
        SpeechMetrics m = measure("I I went to the The shop");

        assertThat(m.repeats()).extracting(Occurrence::wordIndex).containsExactly(1, 5);
        assertThat(m.repeats()).extracting(Occurrence::phrase).containsExactly("i", "the");
    }

    @Test
    void grammaticalDoublesAreNotRepeats() {
        assertThat(measure("I knew that that was wrong").repeats()).isEmpty();
    }

    @Test
    void aTalkingPointIsCoveredByStemsAndSynonyms() {
        Question q = question("technical", List.of(), "A measurable result");
        PointCoverage point = answer(q, "I measured the outcome").coverage().get(0);

        assertThat(point.covered()).isTrue();
        assertThat(point.contentWords()).containsExactly("measurable", "result");
        assertThat(point.matchedWords()).containsExactly("measured", "outcome");
    }

    @Test
    void aTalkingPointNeedsHalfItsContentWordsRoundedUp() {
        Question q = question("technical", List.of(), "The customer and the deadline and the budget");

        PointCoverage covered = answer(q, "the client set a due date").coverage().get(0);
        assertThat(covered.needed()).isEqualTo(2);
        assertThat(covered.covered()).isTrue();
        assertThat(covered.matchedWords()).containsExactly("client", "due date");

        PointCoverage missed = answer(q, "the client was happy").coverage().get(0);
        assertThat(missed.covered()).isFalse();
        assertThat(missed.matchedWords()).containsExactly("client");
    }

    @Test
    void stopWordsNeverCoverAPoint() {
        Question q = question("technical", List.of(), "What the team learned");
        assertThat(answer(q, "what the").coverage().get(0).covered()).isFalse();
        assertThat(answer(q, "my colleagues and I").coverage().get(0).covered()).isTrue();
    }

    @Test
    void withoutAQuestionThereIsNoCoverageAndNoStar() {
        SpeechMetrics m = measure("when I was at my last job I decided");

        assertThat(m.coverage()).isEmpty();
        assertThat(m.star()).isEmpty();
    }

    @Test
    void starPartsAreReportedForABehaviouralAnswer() {
        Question q = question("Behavioural", List.of());
        StarShape star = answer(q, "at my last job we had a slow release so I decided to split it "
                + "and I talked to the team and we reduced build time by 40%").star().orElseThrow();

        assertThat(star.situation().present()).isTrue();
        assertThat(star.situation().evidence()).containsExactly("at my last job", "we had");
        assertThat(star.action().present()).isTrue();
        assertThat(star.action().evidence()).containsExactly("I decided", "I talked");
        assertThat(star.result().present()).isTrue();
        assertThat(star.result().evidence()).containsExactly("reduced", "40%");
    }

    @Test
    void missingStarPartsAreReportedAbsent() {
        Question q = question("general", List.of("STAR"));
        StarShape star = answer(q, "I think teamwork matters and I decided it matters").star().orElseThrow();

        assertThat(star.situation().present()).isFalse();
        assertThat(star.action().present()).isFalse();
        assertThat(star.action().evidence()).containsExactly("I decided");
        assertThat(star.result().present()).isFalse();
    }

    @Test
    void nonBehaviouralQuestionsGetNoStar() {
        Question q = question("technical", List.of());
        assertThat(answer(q, "when I was there I decided and I built it").star()).isEmpty();
    }

    @Test
    void bitterPhrasingAboutAnEmployerIsFlagged() {
        SpeechMetrics m = measure("my boss never listened it was toxic and I was micromanaged daily");

        assertThat(m.toneCues().occurrences()).extracting(Occurrence::phrase)
                .containsExactly("my boss never", "toxic", "micromanag*");
        assertThat(m.toneCues().occurrences().get(2).wordIndex()).isEqualTo(10);
        assertThat(measure("the team was great").toneCues().total()).isZero();
    }
}
