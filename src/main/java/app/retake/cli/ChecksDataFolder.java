package app.retake.cli;

/**
 * A command that checks the data folder itself and says, in one line of its own, what is wrong with it; the
 * launcher then does not say it first.
 */
public interface ChecksDataFolder {
}
