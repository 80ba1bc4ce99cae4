package app.retake.review;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quick self-check after an answer, from the usual after-interview advice: each aspect is fine or something to
 * work on, plus a free note.
 */
public record SelfCheck(Map<Aspect, Verdict> verdicts, String note) {

    public enum Aspect {
        APPEARANCE("Appearance", "Dressed for the job, tidy background, good light"),
        BODY_LANGUAGE("Body language", "No fidgeting or crossed arms; eyes on the camera"),
        TONE("Tone", "Friendly and keen; never sarcastic or bitter"),
        PREPARATION("Preparation", "Had a real example ready; knew the company");

        private final String label;
        private final String hint;

        Aspect(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        public String label() {
            return label;
        }

        public String hint() {
            return hint;
        }

        /** The name used in files: {@code body_language}. */
        public String key() {
            return FileKeys.of(this);
        }

        public static Optional<Aspect> parse(String key) {
            return FileKeys.parse(Aspect.class, key);
        }
    }

    public enum Verdict {
        OK("ok"), WORK_ON_IT("work on it");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Verdict> parse(String text) {
            for (Verdict v : values()) {
                if (v.label.equalsIgnoreCase(text == null ? "" : text.strip())
                        || v.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    public static final SelfCheck EMPTY = new SelfCheck(Map.of(), "");

    public SelfCheck {
        verdicts = verdicts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(verdicts));
        note = note == null ? "" : note.strip();
    }

    public boolean isEmpty() {
        return verdicts.isEmpty() && note.isEmpty();
    }

    public SelfCheck with(Aspect aspect, Verdict verdict) {
        Map<Aspect, Verdict> copy = new EnumMap<>(Aspect.class);
        copy.putAll(verdicts);
        if (verdict == null) {
            copy.remove(aspect);
        } else {
            copy.put(aspect, verdict);
        }
        return new SelfCheck(copy, note);
    }

    public SelfCheck withNote(String text) {
        return new SelfCheck(verdicts, text);
    }

    /** The verdicts as attempt-log metrics, {@code check_tone=work on it}. */
    public Map<String, String> asMetrics() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Aspect a : Aspect.values()) {
            Verdict v = verdicts.get(a);
            if (v != null) {
                out.put("check_" + a.key(), v.label());
            }
        }
        return out;
    }
}
