package app.retake.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemmerTest {

    @Test
    void formsOfOneWordShareAStem() {
        assertThat(Stemmer.stem("measured")).isEqualTo(Stemmer.stem("measurable"))
                .isEqualTo(Stemmer.stem("measurement")).isEqualTo(Stemmer.stem("measure")).isEqualTo("measur");
        assertThat(Stemmer.stem("improving")).isEqualTo(Stemmer.stem("improvement")).isEqualTo("improv");
        assertThat(Stemmer.stem("colleagues")).isEqualTo(Stemmer.stem("colleague"));
        assertThat(Stemmer.stem("companies")).isEqualTo("company");
    }

    @Test
    void doubledConsonantsAreUndoubled() {
        assertThat(Stemmer.stem("planned")).isEqualTo("plan");
        assertThat(Stemmer.stem("running")).isEqualTo("run");
    }

    @Test
    void wordsThatOnlyLookPluralKeepTheirEnding() {
        assertThat(Stemmer.stem("process")).isEqualTo("process");
        assertThat(Stemmer.stem("status")).isEqualTo("status");
        assertThat(Stemmer.stem("analysis")).isEqualTo("analysis");
        assertThat(Stemmer.stem("was")).isEqualTo("was");
    }
}
