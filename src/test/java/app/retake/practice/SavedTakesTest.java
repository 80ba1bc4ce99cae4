package app.retake.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.progress.ComparisonFixtures;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.InterviewerReview;
import app.retake.review.ReviewFiles;
import app.retake.review.Rubric;
import app.retake.review.SelfCheck;
import app.retake.speech.MetricSettings;
import app.retake.speech.TranscriptFiles;

class SavedTakesTest {

    @TempDir
    Path data;

    private TakeFiles take() throws Exception {
        TakeFiles files = TakeFiles.of(data, LocalDate.of(2026, 3, 8), "s1", "take-01");
        Files.createDirectories(files.dir());
        Files.writeString(files.transcript(), TranscriptFiles.json(ComparisonFixtures.transcript(1.0,
                ComparisonFixtures.LATEST_ANSWER)));
        return files;
    }

    private SavedTakes.Opened open(TakeFiles files) {
        return SavedTakes.open(files, Optional.of(ComparisonFixtures.QUESTION), MetricSettings.defaults());
    }

    @Test
    void aTakeAFriendInterviewedOpensWithTheirFlagsRubricAndFeedbackBesideTheCandidatesRating() throws Exception {
        TakeFiles files = take();
        ReviewFiles.write(files.review(), Optional.of(Rating.GOOD), SelfCheck.EMPTY);
        InterviewerReview said = new InterviewerReview("Sam", Optional.of(Rating.SHAKY),
                Rubric.EMPTY.with(Rubric.Criterion.STRUCTURE, 2).with(Rubric.Criterion.TONE, 5),
                "Lead with the result.", java.util.List.of(new Flag(4.5, "rambling"), new Flag(1.25, "no example")),
                java.util.List.of(new FollowUp(3, "What would you change?")));
        ReviewFiles.writeInterviewer(files.review(), said);

        SavedTakes.Opened opened = open(files);

        assertThat(opened.interviewer()).isEqualTo(said);
        assertThat(opened.interviewer().flags()).extracting(Flag::kind).containsExactly("no example", "rambling");
        assertThat(opened.review().rating()).contains(Rating.GOOD);
        assertThat(opened.take().transcript()).isPresent();
    }

    @Test
    void aSoloTakeHasNoInterviewerAndNothingToSayAboutIt() throws Exception {
        TakeFiles files = take();
        assertThat(open(files).interviewer()).as("no review file yet").isSameAs(InterviewerReview.NONE);
        ReviewFiles.write(files.review(), Optional.of(Rating.NAILED), SelfCheck.EMPTY);

        SavedTakes.Opened opened = open(files);

        assertThat(opened.interviewer()).isSameAs(InterviewerReview.NONE);
        assertThat(opened.review().rating()).contains(Rating.NAILED);
        assertThat(opened.take().notes()).noneMatch(n -> n.contains("review"));
    }

    @Test
    void aDamagedReviewFileStillOpensTheTakeWithNoInterviewerAndSaysSoOnce() throws Exception {
        TakeFiles files = take();
        Files.writeString(files.review(), "{\"interviewer\": {\"name\": \"Sam\",\n oops");

        SavedTakes.Opened opened = open(files);

        assertThat(opened.interviewer()).isSameAs(InterviewerReview.NONE);
        assertThat(opened.review()).isEqualTo(ReviewFiles.Review.NONE);
        assertThat(opened.take().transcript()).isPresent();
        assertThat(opened.take().notes()).filteredOn(n -> n.contains("not a valid review file")).hasSize(1);
        assertThat(files.review()).as("reading never sets the file aside").exists();
    }

    @Test
    void aRecordingWhoseSoundCannotBeReadIsNamedAndTheRestStillOpens() throws Exception {
        TakeFiles files = take();
        Files.write(files.video(), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        ReviewFiles.write(files.review(), Optional.of(Rating.GOOD), SelfCheck.EMPTY);

        SavedTakes.Opened opened = open(files);

        assertThat(opened.take().transcript()).isPresent();
        assertThat(opened.take().metrics()).isPresent();
        assertThat(opened.review().rating()).contains(Rating.GOOD);
        assertThat(opened.take().notes()).anyMatch(n -> n.contains(files.video().toString()) && n.contains("damaged"));
    }
}
