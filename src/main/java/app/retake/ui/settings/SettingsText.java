package app.retake.ui.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.retake.settings.Settings;

/** Reads what was typed on the Settings page into setting values, and writes values back as text. No JavaFX. */
final class SettingsText {

    private static final Pattern SECONDS = Pattern.compile("(\\d{1,4})\\s*(s|sec|secs|seconds?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,2}):([0-5]\\d)");

    private SettingsText() {
    }

    /**
     * The phrases of a word list typed one per line. Blank lines, lines without a letter or digit (they could never
     * match a word) and repeats (ignoring case) are dropped; runs of spaces become one space.
     */
    static List<String> phrases(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> phrases = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String phrase = line.strip().replaceAll("\\s+", " ");
            if (phrase.codePoints().anyMatch(Character::isLetterOrDigit)
                    && seen.add(phrase.toLowerCase(Locale.ROOT))) {
                phrases.add(phrase);
            }
        }
        return List.copyOf(phrases);
    }

    /** A word list as the text area shows it: one phrase per line. */
    static String lines(List<String> phrases) {
        return String.join("\n", phrases);
    }

    /**
     * Days to keep videos as typed: blank, 0 or "forever" keep them forever (0).
     *
     * @throws IllegalArgumentException with a sentence for the user when the text is not a whole number of days
     */
    static int keepDays(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty() || typed.equalsIgnoreCase("forever")) {
            return app.retake.settings.Privacy.FOREVER;
        }
        int days;
        try {
            days = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + typed + "\" is not a number of days; write a whole number "
                    + "such as 30, or leave it empty to keep videos forever.");
        }
        if (days < 0 || days > app.retake.settings.Privacy.MAX_DAYS) {
            throw new IllegalArgumentException("Keep videos for 1 to " + app.retake.settings.Privacy.MAX_DAYS
                    + " days, or leave it empty to keep them forever.");
        }
        return days;
    }

    /**
     * A category's target typed in the table: empty when blank (the general target applies), else seconds written
     * as {@code 90}, {@code 90 s} or {@code 1:30}.
     *
     * @throws IllegalArgumentException with a sentence for the user when the text is not a time or out of range
     */
    static OptionalInt targetSeconds(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return OptionalInt.empty();
        }
        int seconds;
        Matcher plain = SECONDS.matcher(typed);
        Matcher clock = MINUTES.matcher(typed);
        if (plain.matches()) {
            seconds = Integer.parseInt(plain.group(1));
        } else if (clock.matches()) {
            seconds = Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
        } else {
            throw new IllegalArgumentException("\"" + typed + "\" is not a length of time; write seconds such as 90,"
                    + " or minutes and seconds such as 1:30.");
        }
        if (seconds < Settings.MIN_TARGET || seconds > Settings.MAX_TARGET) {
            throw new IllegalArgumentException("A target must be from " + Settings.MIN_TARGET + " to "
                    + Settings.MAX_TARGET + " seconds; " + typed + " is " + seconds + " seconds.");
        }
        return OptionalInt.of(seconds);
    }
}
