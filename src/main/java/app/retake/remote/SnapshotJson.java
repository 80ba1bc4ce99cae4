package app.retake.remote;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.InterviewerReview;
import app.retake.review.Rubric;

/**
 * What the paired phone may see of the interview, as JSON: the planned questions with their talking points (the
 * phone is the interviewer's), the question asked now, the stage, and the flags, follow-ups and scores of the take
 * under way. Nothing else leaves the computer: no recordings, transcripts, history or file paths, which is why the
 * fields are picked one by one here instead of serializing the domain records.
 */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static ObjectNode of(Interview.Snapshot s) {
        ObjectNode json = RemoteCommands.JSON.createObjectNode();
        json.put("interviewer", s.interviewer());
        json.put("candidate", s.candidate());
        json.put("stage", s.stage().name());
        json.put("message", s.message());
        if (s.current().isPresent()) {
            Question q = s.current().get();
            ObjectNode current = json.putObject("current");
            current.put("id", q.id());
            current.put("text", q.text());
            current.put("category", q.category());
            strings(current.putArray("talkingPoints"), q.talkingPoints());
            strings(current.putArray("followUps"), q.followUps());
        } else {
            json.putNull("current");
        }
        ArrayNode planned = json.putArray("planned");
        for (Question q : s.planned()) {
            planned.addObject().put("id", q.id()).put("text", q.text()).put("category", q.category())
                    .put("asked", s.askedIds().contains(q.id()));
        }
        InterviewerReview review = s.review();
        ArrayNode flags = json.putArray("flags");
        for (Flag f : review.flags()) {
            flags.addObject().put("at", f.at()).put("kind", f.kind());
        }
        ArrayNode followUps = json.putArray("followUps");
        for (FollowUp f : review.followUps()) {
            followUps.addObject().put("at", f.at()).put("text", f.text());
        }
        if (review.rating().isPresent()) {
            json.put("rating", review.rating().get().grade());
        } else {
            json.putNull("rating");
        }
        ObjectNode rubric = json.putObject("rubric");
        review.rubric().scores().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rubric.put(e.getKey().key(), e.getValue()));
        json.put("feedback", review.feedback());
        strings(json.putArray("standardFlags"), Flag.STANDARD);
        // Labels travel with the data so the page never keeps its own copy that could drift.
        ArrayNode criteria = json.putArray("criteria");
        for (Rubric.Criterion c : Rubric.Criterion.values()) {
            criteria.addObject().put("key", c.key()).put("label", c.label()).put("hint", c.hint());
        }
        ArrayNode ratings = json.putArray("ratings");
        for (Rating r : Rating.values()) {
            ratings.addObject().put("grade", r.grade()).put("label", r.label()).put("meaning", r.meaning());
        }
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
