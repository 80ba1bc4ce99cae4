package app.retake.remote;

import static app.retake.remote.RemoteTesting.await;
import static app.retake.remote.RemoteTesting.json;
import static app.retake.remote.RemoteTesting.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.interview.Interview.Event;
import app.retake.interview.Interview.Stage;
import app.retake.remote.RemoteTesting.Phone;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.Rubric;

/**
 * The phone remote end to end, the way the friend uses it: the real page in a real (headless) Chromium the size of
 * a phone, tapped by id, against a real server, with a stand-in for the candidate's screen listening to the
 * interview.
 *
 * <p>Uses Debian's chromium and chromium-driver (see {@link PhoneBrowsers}).
 * Set {@code -Dretake.screenshots=DIR} to save a picture of the paired page as {@code DIR/remote-phone.png}.
 */
class RemotePhoneBrowserTest {

    private final Question conflict = question("beh-conflict", "Tell me about a conflict with a colleague.");
    private final Question failure = question("beh-failure", "Tell me about a time you failed.");
    private final List<Event> candidateHeard = new CopyOnWriteArrayList<>();
    private final List<WebDriver> browsers = new CopyOnWriteArrayList<>();
    private final ExecutorService candidateScreen = Executors.newSingleThreadExecutor();
    private Interview interview;
    private RemoteServer server;

    @TempDir
    Path profiles;

    @BeforeAll
    static void browserIsInstalled() {
        PhoneBrowsers.requireInstalled();
    }

    @BeforeEach
    void start() throws IOException {
        interview = new Interview("Sam", "alex", List.of(conflict, failure));
        // The candidate's screen: it hears everything, and carries out start and stop on its own thread, the way
        // the real screen hops to the FX thread and opens the devices.
        long started = System.nanoTime();
        interview.addListener(e -> {
            candidateHeard.add(e);
            if (e instanceof Event.TakeWanted) {
                boolean start = ((Event.TakeWanted) e).start();
                candidateScreen.execute(() -> {
                    if (start) {
                        interview.takeStarted(() -> (System.nanoTime() - started) / 1e9);
                    } else {
                        interview.takeSaved();
                    }
                });
            }
        });
        server = RemoteServer.start(interview, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (WebDriver browser : browsers) {
            browser.quit();
        }
        server.stop();
        candidateScreen.shutdownNow();
        candidateScreen.awaitTermination(5, TimeUnit.SECONDS);
    }

    private WebDriver phoneBrowser(String profile) throws IOException {
        WebDriver browser = PhoneBrowsers.open(profiles.resolve(profile));
        browsers.add(browser);
        return browser;
    }

    private static WebElement byId(WebDriver browser, String id) {
        return browser.findElement(By.id(id));
    }

    private static void awaitText(WebDriver browser, String id, String expected) {
        await("#" + id + " to say \"" + expected + "\"", () -> byId(browser, id).getText().contains(expected));
    }

    private static void awaitEnabled(WebDriver browser, String id) {
        await("#" + id + " to be enabled", () -> byId(browser, id).isEnabled());
    }

    private String wrongCode() {
        return String.format("%06d", (Integer.parseInt(server.pairingCode()) + 1) % 1_000_000);
    }

    private static void typeCode(WebDriver browser, String code) {
        WebElement input = byId(browser, "pair-code");
        input.clear();
        input.sendKeys(code);
        byId(browser, "pair-submit").click();
    }

    @Test
    void theFriendPairsAndRunsTheInterviewFromThePhone() throws IOException {
        WebDriver phone = phoneBrowser("friend");
        phone.get(server.url());
        await("the pairing screen", () -> byId(phone, "pair-code").isDisplayed());
        assertThat(byId(phone, "console").isDisplayed()).isFalse();

        typeCode(phone, wrongCode());
        awaitText(phone, "pair-error", "not right");
        assertThat(byId(phone, "pair-error").getText()).contains("4 tries left");
        assertThat(server.status().paired()).isFalse();

        typeCode(phone, server.pairingCode());
        await("the console after pairing", () -> byId(phone, "console").isDisplayed());
        assertThat(byId(phone, "pairing").isDisplayed()).isFalse();
        assertThat(server.status().paired()).isTrue();
        awaitText(phone, "stage", "No question asked yet");
        assertThat(byId(phone, "flag-2").getText()).isEqualTo(Flag.STANDARD.get(1));
        assertThat(byId(phone, "flag-2").isEnabled()).isFalse();

        // Spring: the candidate's screen is told the first planned question; the phone shows it with the notes.
        byId(phone, "spring").click();
        await("the candidate's screen to be asked the first planned question",
                () -> candidateHeard.contains(new Event.Asked(conflict)));
        awaitText(phone, "question", conflict.text());
        assertThat(byId(phone, "talking-points").getText()).contains("Situation").contains("Result");
        assertThat(byId(phone, "suggested-1").getText()).isEqualTo("And then what?");
        assertThat(byId(phone, "planned-1").getText()).contains("asked");

        // Start: the candidate's screen starts recording, and flags open up on the phone.
        byId(phone, "take").click();
        await("the take to be recording", () -> interview.stage() == Stage.RECORDING);
        assertThat(candidateHeard).contains(new Event.TakeWanted(true));
        awaitText(phone, "take", "Stop");
        awaitEnabled(phone, "flag-2");

        byId(phone, "flag-2").click();
        await("the flag to land on the take",
                () -> interview.review().flags().stream().anyMatch(f -> f.kind().equals("rambling")));
        awaitText(phone, "take-log", "rambling");

        byId(phone, "followup-text").sendKeys("What would you do differently?");
        byId(phone, "followup-send").click();
        await("the candidate's screen to get the follow-up", () -> candidateHeard.stream()
                .anyMatch(e -> e instanceof Event.FollowedUp
                        && ((Event.FollowedUp) e).followUp().text().equals("What would you do differently?")));
        awaitText(phone, "take-log", "What would you do differently?");
        assertThat(byId(phone, "followup-text").getAttribute("value")).isEmpty();

        // Tapping a suggested follow-up sends it as it is.
        byId(phone, "suggested-1").click();
        await("the suggested follow-up to reach the candidate", () -> interview.review().followUps().stream()
                .map(FollowUp::text).anyMatch("And then what?"::equals));

        saveScreenshot(phone);

        // Stop, then score on the phone.
        byId(phone, "take").click();
        await("the take to be saved", () -> interview.stage() == Stage.SCORING);
        awaitEnabled(phone, "score-save");
        byId(phone, "rubric-structure-4").click();
        byId(phone, "rubric-body_language-2").click();
        byId(phone, "rating-3").click();
        byId(phone, "feedback").sendKeys("Lead with the result.");
        byId(phone, "score-save").click();
        await("the score to land on the take", () -> interview.review().rating().isPresent());
        assertThat(interview.review().rating()).contains(Rating.GOOD);
        assertThat(interview.review().rubric().scores()).containsEntry(Rubric.Criterion.STRUCTURE, 4)
                .containsEntry(Rubric.Criterion.BODY_LANGUAGE, 2);
        assertThat(interview.review().feedback()).isEqualTo("Lead with the result.");
        assertThat(interview.review().flags()).extracting(Flag::kind).containsExactly("rambling");
        awaitText(phone, "score-note", "Saved");

        // Ending the interview on the computer closes the remote, and the phone says why.
        interview.end();
        awaitText(phone, "gone-reason", "interview has ended");
    }

    @Test
    void fiveWrongCodesLockPairingAndThePageSaysSo() throws IOException {
        Phone stranger = new Phone(server.url());
        for (int i = 0; i < 4; i++) {
            assertThat(stranger.pair(wrongCode()).statusCode()).isEqualTo(403);
        }
        WebDriver phone = phoneBrowser("stranger");
        phone.get(server.url());
        await("the pairing screen", () -> byId(phone, "pair-code").isDisplayed());
        typeCode(phone, wrongCode());
        awaitText(phone, "pair-error", "locked");
        assertThat(byId(phone, "pair-submit").isEnabled()).isFalse();

        HttpResponse<String> locked = stranger.pair(server.pairingCode());
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(json(locked).path("secondsLeft").asLong()).isPositive();
        assertThat(server.status().paired()).isFalse();

        // And nothing works without a token meanwhile.
        assertThat(stranger.get("/api/state").statusCode()).isEqualTo(401);
        assertThat(stranger.post("/api/spring", "{}").statusCode()).isEqualTo(401);
        assertThat(candidateHeard).isEmpty();
    }

    /** Saves what the friend sees mid-take, for the docs, when asked to with {@code -Dretake.screenshots=DIR}. */
    private static void saveScreenshot(WebDriver phone) throws IOException {
        String dir = System.getProperty("retake.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        ((org.openqa.selenium.JavascriptExecutor) phone).executeScript("window.scrollTo(0, 0)");
        byte[] png = ((org.openqa.selenium.TakesScreenshot) phone).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of(dir).resolve("remote-phone.png");
        Files.createDirectories(target.getParent());
        Files.write(target, png);
    }
}
