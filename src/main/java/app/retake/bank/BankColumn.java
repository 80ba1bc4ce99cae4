package app.retake.bank;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns Retake understands in a bank file; any other column is carried along untouched. */
public enum BankColumn {
    ID("id", true),
    CATEGORY("category", true),
    QUESTION("question", true),
    TALKING_POINTS("talking_points", false),
    FOLLOW_UPS("follow_ups", false),
    TAGS("tags", false),
    DIFFICULTY("difficulty", false),
    SOURCE("source", false);

    /** Separator between items of a list inside one cell. */
    public static final String LIST_SEPARATOR = " | ";

    private final String header;
    private final boolean required;

    BankColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** The canonical header name. */
    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    /** The standard header row for a new bank. */
    public static List<String> standardHeader() {
        return java.util.Arrays.stream(values()).map(BankColumn::header).toList();
    }

    /**
     * Matches a header cell as a spreadsheet user might type it: "Talking points", "talking-points" and
     * "TALKING_POINTS" all mean {@link #TALKING_POINTS}.
     */
    public static Optional<BankColumn> match(String headerCell) {
        String key = normalise(headerCell);
        for (BankColumn c : values()) {
            if (c.header.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String normalise(String headerCell) {
        return headerCell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
