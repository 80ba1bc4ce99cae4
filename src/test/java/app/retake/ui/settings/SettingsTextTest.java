package app.retake.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import app.retake.speech.MetricSettings;

/** The text typed on the Settings page, read into setting values. */
class SettingsTextTest {

    @Test
    void onePhrasePerLineWithBlankLinesRepeatsAndExtraSpacesDropped() {
        String typed = "  like \r\n\nyou   know\nLIKE\n\t\nmicromanag*\n*\n...\nI mean";
        assertThat(SettingsText.phrases(typed)).containsExactly("like", "you know", "micromanag*", "I mean");
    }

    @Test
    void nothingTypedIsAnEmptyList() {
        assertThat(SettingsText.phrases("")).isEmpty();
        assertThat(SettingsText.phrases(null)).isEmpty();
        assertThat(SettingsText.phrases("\n \n")).isEmpty();
    }

    @Test
    void theDefaultListsSurviveBeingShownAndReadBack() {
        assertThat(SettingsText.phrases(SettingsText.lines(MetricSettings.DEFAULT_FILLERS)))
                .isEqualTo(MetricSettings.DEFAULT_FILLERS);
        assertThat(SettingsText.phrases(SettingsText.lines(MetricSettings.DEFAULT_TONE_CUES)))
                .isEqualTo(MetricSettings.DEFAULT_TONE_CUES);
        assertThat(SettingsText.lines(List.of("a", "b c"))).isEqualTo("a\nb c");
    }

    @Test
    void aTargetIsSecondsOrMinutesAndSecondsAndBlankMeansTheGeneralOne() {
        assertThat(SettingsText.targetSeconds("90")).isEqualTo(OptionalInt.of(90));
        assertThat(SettingsText.targetSeconds(" 150 s ")).isEqualTo(OptionalInt.of(150));
        assertThat(SettingsText.targetSeconds("2:05")).isEqualTo(OptionalInt.of(125));
        assertThat(SettingsText.targetSeconds("  ")).isEmpty();
        assertThat(SettingsText.targetSeconds(null)).isEmpty();
    }

    @Test
    void aTargetThatIsNotATimeOrOutOfRangeIsRefusedWithAReason() {
        assertThatThrownBy(() -> SettingsText.targetSeconds("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"soon\" is not a length of time");
        assertThatThrownBy(() -> SettingsText.targetSeconds("5")).hasMessageContaining("from 15 to 600 seconds");
        assertThatThrownBy(() -> SettingsText.targetSeconds("11:00")).hasMessageContaining("660 seconds");
    }
}
