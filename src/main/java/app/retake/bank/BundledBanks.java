package app.retake.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.storage.AtomicFiles;

/** The core bank shipped inside the jar, copied out for users who run Retake outside a checkout. */
public final class BundledBanks {

    private static final Logger LOG = LoggerFactory.getLogger(BundledBanks.class);
    static final String CORE = "core.csv";

    private BundledBanks() {
    }

    /** Whether the bank named {@code bankName} (file name without .csv) is the one shipped with Retake. */
    public static boolean isBundled(String bankName) {
        return bankName != null && QuestionBank.nameOf(Path.of(CORE)).equalsIgnoreCase(bankName.strip());
    }

    /** Puts the bundled core bank into {@code banksDir} unless a file of that name is already there. */
    public static void installIfMissing(Path banksDir) {
        Path target = banksDir.resolve(CORE);
        if (Files.exists(target)) {
            return;
        }
        try (InputStream in = BundledBanks.class.getResourceAsStream("/question-banks/" + CORE)) {
            if (in == null) {
                LOG.warn("This build carries no bundled question bank");
                return;
            }
            AtomicFiles.write(target, in.readAllBytes());
            LOG.info("Installed the core question bank at {}", target);
        } catch (IOException e) {
            LOG.error("Could not install the core question bank at {}", target, e);
        }
    }
}
