package app.retake.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import app.retake.storage.Locations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code retake} command: without a subcommand it opens the window. */
@Command(name = "retake", mixinStandardHelpOptions = true, versionProvider = RetakeCommand.Version.class,
        description = {"Mock-interview trainer: springs the questions you are weakest at, records and measures "
                + "your answers.", "Without a command, opens the Retake window."},
        subcommands = {DoctorCommand.class, BankCommand.class, SpringCommand.class, StatsCommand.class,
                SimulateCommand.class, DebriefCommand.class, RecordCommand.class, TranscribeCommand.class,
                ExportCommand.class, PackCommand.class, BenchCommand.class, FaultsCommand.class,
                RetentionCommand.class, DeleteProfileCommand.class,
                CommandLine.HelpCommand.class})
public final class RetakeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            converter = RetakeCommand.Folder.class,
            description = "Data root: attempt log, recordings, settings, log file "
                    + "(default: recordings/ in a checkout, else ~/Retake).")
    Path data;

    @Option(names = "--banks", paramLabel = "DIR", scope = ScopeType.INHERIT,
            converter = RetakeCommand.Folder.class,
            description = "Question bank folder (default: question-banks/ in a checkout, else question-banks/ "
                    + "under the data root).")
    Path banks;

    @Option(names = "--model", paramLabel = "DIR", scope = ScopeType.INHERIT,
            converter = RetakeCommand.Folder.class,
            description = "Vosk speech model folder (default: $" + Locations.MODEL_ENV
                    + ", else models/" + Locations.MODEL_FOLDER + " next to Retake).")
    Path model;

    @Option(names = "--exit-when-shown", hidden = true,
            description = "Open the window, report the start-up time on stdout and exit (used by bench startup).")
    boolean exitWhenShown;

    @Option(names = "--ambush",
            description = "Open the window minimised with ambush mode on: at random moments within the allowed "
                    + "hours (weekdays 09:00-18:00) a question pops up and you have 10 seconds to start answering.")
    boolean ambush;

    private final GuiStarter gui;

    public RetakeCommand(GuiStarter gui) {
        this.gui = gui;
    }

    /** Opens windows for the GUI and for the benchmarks that need one. */
    GuiStarter gui() {
        return gui;
    }

    /** Where things live, as the global options say. */
    public Locations locations() {
        return Locations.resolve(data, banks, model);
    }

    @Override
    public Integer call() {
        return gui.start(locations(), exitWhenShown, ambush);
    }

    /** Builds the command line with the given window starter; subcommands are created by picocli. */
    public static CommandLine commandLine(GuiStarter gui) {
        CommandLine cli = new CommandLine(new RetakeCommand(gui));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /**
     * A folder option. A name the system cannot encode (non-ASCII letters under a non-UTF-8 language setting) is
     * refused with a sentence saying why and what to do, rather than the JDK's exception.
     */
    static final class Folder implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            try {
                return Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                String reason = String.valueOf(e.getReason());
                throw new CommandLine.TypeConversionException("this system cannot use the folder name \"" + value
                        + "\": " + (reason.contains("unmappable") || reason.contains("Malformed")
                        ? "its language setting (" + System.getProperty("sun.jnu.encoding") + ") has no letters for "
                        + "some of it. Start Retake with a UTF-8 setting, e.g. LANG=C.UTF-8."
                        : reason.toLowerCase(java.util.Locale.ROOT) + "."));
            }
        }
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RetakeCommand.class.getPackage().getImplementationVersion();
            return new String[]{"Retake " + (version == null ? "(development build)" : version)};
        }
    }
}
