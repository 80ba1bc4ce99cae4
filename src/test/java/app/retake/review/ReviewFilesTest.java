package app.retake.review;

import app.retake.history.Rating;

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

    @Test
    void theInterviewersPartSurvivesAWriteAndLeavesTheCandidatesPartAlone() throws Exception {
        Path file = dir.resolve("take-03.review.json");
        SelfCheck check = SelfCheck.EMPTY.with(SelfCheck.Aspect.TONE, SelfCheck.Verdict.OK);
        ReviewFiles.write(file, Optional.of(Rating.GOOD), check);
        InterviewerReview said = InterviewerReview.NONE.withFlag(new Flag(42.5, "rambling"))
                .withFlag(new Flag(12.25, "no example")).withFollowUp(new FollowUp(30, "What would you change?"))
                .withScores(Optional.of(Rating.SHAKY), Rubric.EMPTY.with(Rubric.Criterion.STRUCTURE, 2)
                        .with(Rubric.Criterion.TONE, 5), "Lead with the result.");
        ReviewFiles.writeInterviewer(file, said);

        InterviewerReview read = ReviewFiles.readInterviewer(file);
        assertThat(read).isEqualTo(said);
        assertThat(read.flags()).extracting(Flag::kind).containsExactly("no example", "rambling");
        assertThat(read.rubric().mean()).contains(3.5);
        ReviewFiles.Review candidate = ReviewFiles.read(file);
        assertThat(candidate.rating()).contains(Rating.GOOD);
        assertThat(candidate.selfCheck()).isEqualTo(check);

        ReviewFiles.write(file, Optional.of(Rating.NAILED), SelfCheck.EMPTY);
        assertThat(ReviewFiles.readInterviewer(file)).as("a later self-rating keeps the friend's part")
                .isEqualTo(said);
    }

    @Test
    void entriesBeyondTheLimitsAreLeftOutWhenRead() throws Exception {
        Path file = dir.resolve("take-04.review.json");
        Files.writeString(file, "{\"interviewer\": {\"name\": \"Sam\", \"rubric\": {\"structure\": 7, "
                + "\"tone\": 4}, \"flags\": [{\"at\": -3, \"kind\": \"rambling\"}, {\"at\": 5, \"kind\": \""
                + "x".repeat(Flag.MAX_KIND + 1) + "\"}, {\"at\": 8, \"kind\": \"fidgeting\"}]}}");
        InterviewerReview read = ReviewFiles.readInterviewer(file);
        assertThat(read.interviewer()).isEqualTo("Sam");
        assertThat(read.rubric().scores()).containsOnlyKeys(Rubric.Criterion.TONE);
        assertThat(read.flags()).containsExactly(new Flag(8, "fidgeting"));
        assertThat(ReviewFiles.readInterviewer(dir.resolve("missing.review.json"))).isEqualTo(InterviewerReview.NONE);
    }

    @Test
    void limitsAreEnforcedWhereInputIsMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Flag(1, " "))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FollowUp(1, "y".repeat(FollowUp.MAX_TEXT + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rubric.EMPTY.with(Rubric.Criterion.CONTENT, 0))
                .hasMessageContaining("Content is scored 1 to 5");
        assertThat(new Flag(3, "  lost   eye contact ").kind()).isEqualTo("lost eye contact");
    }

    @Test
    void aReviewThatIsNotUtf8IsNamedAndSetAsideWhenRatedAgain() throws Exception {
        Path file = dir.resolve("take-03.review.json");
        byte[] latin1 = "{\"note\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        assertThatThrownBy(() -> ReviewFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a valid review file");
        ReviewFiles.write(file, Optional.of(Rating.NAILED), SelfCheck.EMPTY);
        assertThat(ReviewFiles.read(file).rating()).contains(Rating.NAILED);
        assertThat(dir.resolve("take-03.review.json.damaged")).hasBinaryContent(latin1);
    }

    @Test
    void aReviewNestedTooDeepIsReportedNotThrownAsAnyOtherError() throws Exception {
        Path file = dir.resolve("take-04.review.json");
        Files.writeString(file, "[".repeat(5_000));
        assertThatThrownBy(() -> ReviewFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a valid review file");
        assertThatThrownBy(() -> ReviewFiles.readInterviewer(file)).isInstanceOf(IOException.class);
    }

    @Test
    void aReviewOfAnotherShapeIsKeptAsideWhenRatedAgain() throws Exception {
        Path file = dir.resolve("take-05.review.json");
        Files.writeString(file, "[\"good\", \"slow start\"]");
        ReviewFiles.writeInterviewer(file, InterviewerReview.NONE);
        assertThat(dir.resolve("take-05.review.json.damaged")).hasContent("[\"good\", \"slow start\"]");
        assertThat(ReviewFiles.read(file)).isEqualTo(ReviewFiles.Review.NONE);
    }
}
