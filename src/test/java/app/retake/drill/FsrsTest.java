package app.retake.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FsrsTest {

    @Test
    void recallIsNinetyPercentWhenElapsedTimeEqualsStability() {
        assertThat(Fsrs.retrievability(7, 7)).isCloseTo(0.9, within(1e-12));
        assertThat(Fsrs.retrievability(0, 7)).isEqualTo(1.0);
        assertThat(Fsrs.retrievability(30, 7)).isLessThan(Fsrs.retrievability(10, 7));
    }

    @Test
    void firstReviewUsesThePublishedInitialValues() {
        assertThat(Fsrs.first(1).stability()).isEqualTo(0.40255);
        assertThat(Fsrs.first(4).stability()).isEqualTo(15.69105);
        // D0(3) = w4 - e^(2·w5) + 1
        assertThat(Fsrs.first(3).difficulty()).isCloseTo(7.1949 - Math.exp(2 * 0.5345) + 1, within(1e-9));
    }

    @Test
    void successGrowsStabilityMoreForBetterGradesAndFailureShrinksIt() {
        Fsrs.State good = Fsrs.first(3);
        double again = Fsrs.review(good, 5, 1).stability();
        double hard = Fsrs.review(good, 5, 2).stability();
        double ok = Fsrs.review(good, 5, 3).stability();
        double easy = Fsrs.review(good, 5, 4).stability();
        assertThat(again).isLessThan(good.stability());
        assertThat(hard).isGreaterThan(good.stability()).isLessThan(ok);
        assertThat(easy).isGreaterThan(ok);
        assertThat(Fsrs.review(good, 5, 1).difficulty()).isGreaterThan(good.difficulty());
        assertThat(Fsrs.review(good, 5, 4).difficulty()).isLessThan(good.difficulty());
    }

    @Test
    void aLateSuccessStrengthensMemoryMoreThanAnEarlyOne() {
        Fsrs.State s = Fsrs.first(3);
        assertThat(Fsrs.review(s, 10, 3).stability()).isGreaterThan(Fsrs.review(s, 2, 3).stability());
    }
}
