package app.retake.doctor;

import java.util.List;

/**
 * One line of what this machine offers Retake, in plain words.
 *
 * @param summary what was found and what it means for the user, one sentence
 * @param details further facts (device names, paths), one per line
 */
public record Finding(Subject subject, Level level, String summary, List<String> details) {

    public Finding {
        details = List.copyOf(details);
    }

    /** What a finding is about. */
    public enum Subject {
        CAMERA("Camera"), MICROPHONE("Microphone"), SPEECH_MODEL("Speech model"), DATA("Data");

        private final String label;

        Subject(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the user should read it. */
    public enum Level {
        /** Works. */
        OK,
        /** Still being checked. */
        PENDING,
        /** Missing, Retake works without it. */
        LIMITED,
        /** Broken and needs the user's action. */
        PROBLEM
    }
}
