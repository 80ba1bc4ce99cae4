package app.retake.speech;

import static app.retake.speech.VoiceSignals.AH;
import static app.retake.speech.VoiceSignals.EE;
import static app.retake.speech.VoiceSignals.RATE;
import static app.retake.speech.VoiceSignals.SCHWA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FilledPauseDetectorTest {

    private final FilledPauseDetector detector = new FilledPauseDetector(RATE);

    /** A word-like sound: pitch and formants both moving, as in running speech. */
    private static short[] word(double seconds) {
        return VoiceSignals.vowel(130, 170, AH, EE, 0.5, seconds);
    }

    /**
     * Two recognised words, "so" at 0.5-0.9 s and "then" at 2.6-3.0 s, with {@code gap} placed at 1.2 s in the
     * silence between them, and a second of silence after.
     */
    private static short[] take(short[] gap) {
        double gapSeconds = gap.length / (double) RATE;
        return VoiceSignals.concat(VoiceSignals.silence(0.5), word(0.4), VoiceSignals.silence(0.3), gap,
                VoiceSignals.silence(1.4 - gapSeconds), word(0.4), VoiceSignals.silence(1.0));
    }

    private static Transcript heard(Word... middle) {
        List<Word> words = new ArrayList<>();
        words.add(new Word("so", 0.5, 0.9, 0.9));
        words.addAll(List.of(middle));
        words.add(new Word("then", 2.6, 3.0, 0.9));
        return new Transcript(words, 4.0, "test");
    }

    @Test
    void steadyVowelBetweenWordsIsFoundWithItsTiming() {
        short[] audio = take(VoiceSignals.steadyVowel(110, SCHWA, 0.5, 0.6));

        List<FilledPause> found = detector.detect(audio, heard());

        assertThat(found).hasSize(1);
        assertThat(found.get(0).start()).isCloseTo(1.2, within(0.05));
        assertThat(found.get(0).end()).isCloseTo(1.8, within(0.05));
    }

    @Test
    void higherVoiceIsFoundToo() {
        short[] audio = take(VoiceSignals.steadyVowel(210, SCHWA, 0.5, 0.4));

        assertThat(detector.detect(audio, heard())).hasSize(1);
    }

    @Test
    void gentlyFallingPitchStillCounts() {
        // Two semitones over half a second: a filler's usual slow sag, well inside the slope limit.
        short[] audio = take(VoiceSignals.vowel(120, 120 / Math.pow(2, 2 / 12.0), SCHWA, SCHWA, 0.5, 0.5));

        assertThat(detector.detect(audio, heard())).hasSize(1);
    }

    @Test
    void glidingPitchIsNotAFiller() {
        // Same vowel, but the pitch rises a fifth in half a second (14 semitones per second): intonation, not a hold.
        short[] audio = take(VoiceSignals.vowel(120, 120 * Math.pow(2, 7 / 12.0), SCHWA, SCHWA, 0.5, 0.5));

        assertThat(detector.detect(audio, heard())).isEmpty();
        assertThat(detector.candidates(audio, heard())).noneMatch(FilledPauseDetector.Candidate::accepted);
    }

    @Test
    void movingFormantsAtSteadyPitchAreNotAFiller() {
        // "ah" turning into "ee" on one note: the pitch test passes, only the spectral test can reject it.
        short[] audio = take(VoiceSignals.vowel(120, 120, AH, EE, 0.5, 0.6));

        assertThat(detector.detect(audio, heard())).isEmpty();
    }

    @Test
    void noiseIsNotAFiller() {
        short[] audio = take(VoiceSignals.whiteNoise(0.1, 0.6, 7));

        assertThat(detector.detect(audio, heard())).isEmpty();
    }

    @Test
    void silenceIsNotAFiller() {
        short[] audio = take(VoiceSignals.silence(0.6));

        assertThat(detector.detect(audio, heard())).isEmpty();
    }

    @Test
    void steadyVowelUnderANormalLengthWordIsThatWord() {
        short[] audio = take(VoiceSignals.steadyVowel(110, SCHWA, 0.5, 0.6));

        // The model heard "all" for 0.3 s in the middle of the held sound: an ordinary word, so no filler.
        assertThat(detector.detect(audio, heard(new Word("all", 1.35, 1.65, 0.8)))).isEmpty();
        // A short "the" is taken at face value as well.
        assertThat(detector.detect(audio, heard(new Word("the", 1.4, 1.6, 0.8)))).isEmpty();
    }

    @Test
    void longShortWordIsTreatedAsTheModelsStandInForAFiller() {
        short[] audio = take(VoiceSignals.steadyVowel(110, SCHWA, 0.5, 0.6));

        // A 0.6 s "the" is far longer than the word is ever said: the model's guess at an "uhhh".
        List<FilledPause> found = detector.detect(audio, heard(new Word("the", 1.2, 1.8, 0.4)));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).start()).isCloseTo(1.2, within(0.05));
    }

    @Test
    void heldSoundOutsideTheFillerLengthsIsNotCounted() {
        assertThat(detector.detect(take(VoiceSignals.steadyVowel(110, SCHWA, 0.5, 0.15)), heard())).isEmpty();

        short[] twoSeconds = VoiceSignals.concat(VoiceSignals.silence(0.5), word(0.4), VoiceSignals.silence(0.3),
                VoiceSignals.steadyVowel(110, SCHWA, 0.5, 2.0), VoiceSignals.silence(0.3), word(0.4),
                VoiceSignals.silence(1.0));
        Transcript heard = new Transcript(List.of(new Word("so", 0.5, 0.9, 0.9), new Word("then", 3.5, 3.9, 0.9)),
                4.9, "test");
        assertThat(detector.detect(twoSeconds, heard)).isEmpty();
    }

    @Test
    void steadyBackgroundHumFarQuieterThanTheWordsIsNotAFiller() {
        // About 26 dB below the words: a fridge or a fan, not the speaker.
        short[] audio = take(VoiceSignals.steadyVowel(110, SCHWA, 0.025, 0.6));

        assertThat(detector.candidates(audio, heard())).isNotEmpty();
        assertThat(detector.detect(audio, heard())).isEmpty();
    }

    @Test
    void withoutRecognisedWordsNothingIsClaimed() {
        short[] audio = take(VoiceSignals.steadyVowel(110, SCHWA, 0.5, 0.6));

        assertThat(detector.detect(audio, new Transcript(List.of(), 4.0, "test"))).isEmpty();
    }

    @Test
    void runsAFewHundredthsApartAreOneFilledPause() {
        FilledPauseDetector.Candidate vowel = new FilledPauseDetector.Candidate(1.0, 1.4, 110, 0, 0.1, 0.5, 0, 3,
                true);
        FilledPauseDetector.Candidate nasal = new FilledPauseDetector.Candidate(1.5, 1.8, 110, 0, 0.1, 0.5, 0, 3,
                true);
        FilledPauseDetector.Candidate later = new FilledPauseDetector.Candidate(2.5, 2.8, 110, 0, 0.1, 0.5, 0, 3,
                true);
        FilledPauseDetector.Candidate rejected = new FilledPauseDetector.Candidate(3.0, 3.3, 110, 20, 0.1, 0.5, 0,
                3, false);

        assertThat(FilledPauseDetector.pauses(List.of(vowel, nasal, later, rejected)))
                .containsExactly(new FilledPause(1.0, 1.8), new FilledPause(2.5, 2.8));
    }
}
