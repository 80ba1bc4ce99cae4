package app.retake.cli;

/** Lets tests in other packages run the command line the way CliTest does. */
public final class CliTestAccess {

    private CliTestAccess() {
    }

    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }
}
