package app.retake.app;

import java.nio.file.Path;

import org.slf4j.Logger;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import app.retake.bank.BundledBanks;
import app.retake.cli.ChecksDataFolder;
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
        // JavaCV's notes ("Info: … rejected some options") belong in the log file, not on the user's terminal.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
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
        ParseResult last = parseResult;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        prepare(root.locations(), !(last.commandSpec().userObject() instanceof ChecksDataFolder));
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Creates the data root and sets up logging there; on failure, logs go to the temp folder instead. */
    private static void prepare(Locations locations, boolean sayDataProblem) {
        Path logDir = locations.logDir();
        // Trying to write is the only sure test: permissions do not stop an administrator, a read-only disk does.
        String problem = Locations.unwritable(logDir).orElse(null);
        if (problem != null) {
            logDir = Path.of(System.getProperty("java.io.tmpdir"));
            if (sayDataProblem) {
                System.err.println("Retake cannot use the data folder " + locations.dataRoot() + " (" + problem
                        + "). Choose another with --data DIR. Logging to " + logDir + " meanwhile.");
            }
        }
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        reconfigureLogging();
        // JavaFX and the sound system log through java.util.logging; send that to the log file, not the terminal.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger(Launcher.class);
        log.info("Retake starting: data root {}, banks {}, model {}", locations.dataRoot(), locations.banksDir(),
                locations.modelDir());
        if (locations.checkout().isEmpty()) {
            BundledBanks.installIfMissing(locations.banksDir());
        }
    }

    // A class that made its logger before the folder was known started Logback with the fallback folder;
    // reading the configuration again puts the log file where the property now says.
    private static void reconfigureLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                System.err.println("Retake could not set up its log file: " + e.getMessage());
            }
        }
    }

    private static Path logFile() {
        return Path.of(System.getProperty(LOG_DIR_PROPERTY, System.getProperty("java.io.tmpdir")), "retake.log");
    }
}
