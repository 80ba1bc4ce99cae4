package app.retake.review;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import app.retake.history.Rating;

/**
 * What the friend who ran the interview said about one take: their rating, the rubric, written feedback, and
 * the flags and follow-ups they gave while the candidate talked (both in time order).
 *
 * @param interviewer the friend's name or profile, as they gave it
 */
public record InterviewerReview(String interviewer, Optional<Rating> rating, Rubric rubric, String feedback,
                                List<Flag> flags, List<FollowUp> followUps) {

    /** Longest written feedback accepted. */
    public static final int MAX_FEEDBACK = 5000;
    /** Longest name accepted. */
    public static final int MAX_NAME = 60;

    public static final InterviewerReview NONE = new InterviewerReview("", Optional.empty(), Rubric.EMPTY, "",
            List.of(), List.of());

    public InterviewerReview {
        interviewer = interviewer == null ? "" : interviewer.strip();
        feedback = feedback == null ? "" : feedback.strip();
        if (interviewer.length() > MAX_NAME) {
            throw new IllegalArgumentException("an interviewer's name is at most " + MAX_NAME + " characters");
        }
        if (feedback.length() > MAX_FEEDBACK) {
            throw new IllegalArgumentException("feedback is at most " + MAX_FEEDBACK + " characters");
        }
        rubric = rubric == null ? Rubric.EMPTY : rubric;
        flags = flags.stream().sorted(Comparator.comparingDouble(Flag::at)).toList();
        followUps = followUps.stream().sorted(Comparator.comparingDouble(FollowUp::at)).toList();
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public InterviewerReview withFlag(Flag flag) {
        List<Flag> more = new java.util.ArrayList<>(flags);
        more.add(flag);
        return new InterviewerReview(interviewer, rating, rubric, feedback, more, followUps);
    }

    public InterviewerReview withFollowUp(FollowUp followUp) {
        List<FollowUp> more = new java.util.ArrayList<>(followUps);
        more.add(followUp);
        return new InterviewerReview(interviewer, rating, rubric, feedback, flags, more);
    }

    public InterviewerReview withScores(Optional<Rating> rating, Rubric rubric, String feedback) {
        return new InterviewerReview(interviewer, rating, rubric, feedback, flags, followUps);
    }
}
