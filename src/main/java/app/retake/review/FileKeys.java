package app.retake.review;

import java.util.Locale;
import java.util.Optional;

/** How the review file names enum constants: {@code BODY_LANGUAGE} is {@code body_language}. */
final class FileKeys {

    private FileKeys() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose key is {@code key}, ignoring case and surrounding spaces. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String key) {
        String wanted = key == null ? "" : key.strip();
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equalsIgnoreCase(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
