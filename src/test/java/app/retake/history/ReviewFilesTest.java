package app.retake.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewFilesTest {

    @TempDir
    Path dir;

    @Test
    void ratingAndSelfCheckSurviveAWriteAndARead() throws Exception {
        Path file = dir.resolve("take-01.review.json");
        SelfCheck check = SelfCheck.EMPTY.with(SelfCheck.Aspect.TONE, SelfCheck.Verdict.WORK_ON_IT)
                .with(SelfCheck.Aspect.APPEARANCE, SelfCheck.Verdict.OK).withNote("Slow down at the start");
        ReviewFiles.write(file, Optional.of(Rating.SHAKY), check);
        ReviewFiles.Review read = ReviewFiles.read(file);
        assertThat(read.rating()).contains(Rating.SHAKY);
        assertThat(read.selfCheck()).isEqualTo(check);
        assertThat(check.asMetrics()).containsEntry("check_tone", "work on it").containsEntry("check_appearance", "ok")
                .hasSize(2);
    }

    @Test
    void fieldsWrittenByOtherFeaturesAreKept() throws Exception {
        Path file = dir.resolve("take-01.review.json");
        Files.writeString(file, "{\"flags\": [{\"at\": 12.5, \"kind\": \"rambling\"}], \"rating\": \"good\"}");
        ReviewFiles.write(file, Optional.of(Rating.NAILED), SelfCheck.EMPTY);
        String json = Files.readString(file);
        assertThat(json).contains("\"rambling\"").contains("\"nailed\"").doesNotContain("\"good\"");
    }

    @Test
    void aMissingFileIsAnEmptyReviewAndADamagedOneIsNamedAndSetAsideOnWrite() throws Exception {
        assertThat(ReviewFiles.read(dir.resolve("none.review.json"))).isEqualTo(ReviewFiles.Review.NONE);
        Path file = dir.resolve("take-02.review.json");
        Files.writeString(file, "{\"rating\": \"good\",\n oops");
        assertThatThrownBy(() -> ReviewFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ":2: not a valid review file");
        ReviewFiles.write(file, Optional.of(Rating.GOOD), SelfCheck.EMPTY);
        assertThat(dir.resolve("take-02.review.json.damaged")).hasContent("{\"rating\": \"good\",\n oops");
        assertThat(ReviewFiles.read(file).rating()).contains(Rating.GOOD);
    }
}
