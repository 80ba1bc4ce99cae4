package app.retake.remote;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A phone's browser for tests: Debian's headless Chromium at a phone's size, driven by Selenium. Named explicitly so
 * Selenium never tries to download a browser or a driver.
 */
public final class PhoneBrowsers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Selenium warns on every start that it has no DevTools binding for this Chromium; the tests drive pages
     * through WebDriver only. Held here so the setting is not collected with the logger.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private PhoneBrowsers() {
    }

    /** Fails under CI, and skips elsewhere, when Chromium or its driver is not installed. */
    public static void requireInstalled() {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "The phone remote's browser tests need Debian's chromium and chromium-driver packages "
                + "(/usr/bin/chromium and /usr/bin/chromedriver): install chromium and chromium-driver.";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.assumeTrue(false, why);
    }

    /** A new browser with its own empty profile in {@code profileDir}; the caller quits it. */
    public static WebDriver open(Path profileDir) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createDirectories(profileDir),
                "--window-size=390,844");
        // A desktop window is at least 500 px wide; a phone's viewport (390 x 844, as an iPhone 14) needs emulating.
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true, "mobile", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
