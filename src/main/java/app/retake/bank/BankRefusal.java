package app.retake.bank;

import java.util.List;

import app.retake.storage.FileProblem;

/** A change to the banks that Retake will not make, with a sentence for the user saying why. */
public final class BankRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the change was turned down. */
    public enum Reason {
        /** What the user typed is not a valid question (empty text, bad id, …). */
        INVALID,
        /** The bank ships with Retake; the user works on a copy in their own bank instead. */
        READ_ONLY,
        /** The bank or the question is no longer where it was when the page was loaded. */
        NOT_FOUND,
        /** The file cannot be changed without losing rows, or cannot be imported as it is. */
        UNSAFE
    }

    private final Reason reason;
    private final transient List<FileProblem> problems;

    public BankRefusal(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public BankRefusal(Reason reason, String message, List<FileProblem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public Reason reason() {
        return reason;
    }

    /** The problems behind the refusal, each pinned to a line, when there are any. */
    public List<FileProblem> problems() {
        return problems;
    }
}
