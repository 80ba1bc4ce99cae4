package app.retake.speech;

import java.util.List;

/**
 * Which parts of a situation-task-action-result answer were heard; a description, not a grade.
 *
 * <p>Task is not reported: nothing in the words tells a task apart from the situation reliably.
 */
public record StarShape(Part situation, Part action, Part result) {

    /** One part: whether it was heard, and the words that showed it. */
    public record Part(boolean present, List<String> evidence) {

        public Part {
            evidence = List.copyOf(evidence);
        }

        static Part of(List<String> evidence) {
            return new Part(!evidence.isEmpty(), evidence);
        }
    }
}
