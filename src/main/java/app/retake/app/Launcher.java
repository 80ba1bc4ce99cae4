package app.retake.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.bank.BundledBanks;
import app.retake.cli.RetakeCommand;
import app.retake.storage.Locations;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point: with no command it opens the window, otherwise it runs a headless command. */
public final class Launcher {

    /** System property the logging configuration reads the log folder from. */
    static final String LOG_DIR_PROPERTY = "retake.log.dir";

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = RetakeCommand.commandLine(new RetakeGui());
        cli.setExecutionStrategy(Launcher::execute);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            LoggerFactory.getLogger(Launcher.class).error("Command failed", e);
            commandLine.getErr().println("Retake stopped on an unexpected error: " + e
                    + "\nDetails are in " + logFile() + ".");
            return 2;
        });
        return cli.execute(args);
    }

    private static int execute(ParseResult parseResult) {
        if (CommandLine.printHelpIfRequested(parseResult)) {
            return 0;
        }
        RetakeCommand root = parseResult.commandSpec().commandLine().getCommand();
        prepare(root.locations());
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Creates the data root and sets up logging there; on failure, logs go to the temp folder instead. */
    private static void prepare(Locations locations) {
        Path logDir = locations.logDir();
        String problem = null;
        try {
            Files.createDirectories(logDir);
            if (!Files.isWritable(logDir)) {
                problem = "it is not writable";
            }
        } catch (IOException | SecurityException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            logDir = Path.of(System.getProperty("java.io.tmpdir"));
            System.err.println("Retake cannot use the data folder " + locations.dataRoot() + " (" + problem
                    + "). Choose another with --data DIR. Logging to " + logDir + " meanwhile.");
        }
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        Logger log = LoggerFactory.getLogger(Launcher.class);
        log.info("Retake starting: data root {}, banks {}, model {}", locations.dataRoot(), locations.banksDir(),
                locations.modelDir());
        if (locations.checkout().isEmpty()) {
            BundledBanks.installIfMissing(locations.banksDir());
        }
    }

    private static Path logFile() {
        return Path.of(System.getProperty(LOG_DIR_PROPERTY, System.getProperty("java.io.tmpdir")), "retake.log");
    }
}
