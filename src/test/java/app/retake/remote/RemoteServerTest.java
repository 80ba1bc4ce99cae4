package app.retake.remote;

import static app.retake.remote.RemoteTesting.await;
import static app.retake.remote.RemoteTesting.json;
import static app.retake.remote.RemoteTesting.question;
import static app.retake.remote.RemoteTesting.rawStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.retake.bank.Question;
import app.retake.history.Rating;
import app.retake.interview.Interview;
import app.retake.interview.Interview.Event;
import app.retake.interview.Interview.Stage;
import app.retake.remote.RemoteTesting.EventStreamReader;
import app.retake.remote.RemoteTesting.MovableClock;
import app.retake.remote.RemoteTesting.Phone;
import app.retake.remote.RemoteTesting.Sse;
import app.retake.review.Flag;
import app.retake.review.FollowUp;
import app.retake.review.Rubric;

/** The phone remote over real HTTP on loopback: pairing, the token, what it serves and what it refuses. */
class RemoteServerTest {

    private final Question conflict = question("beh-conflict", "Tell me about a conflict.");
    private final Question failure = question("beh-failure", "Tell me about a failure.");
    private final MovableClock clock = new MovableClock();
    private final List<Event> heard = new CopyOnWriteArrayList<>();
    private final List<RemoteStatus> statuses = new CopyOnWriteArrayList<>();
    private Interview interview;
    private RemoteServer server;
    private Phone phone;

    @BeforeEach
    void start() throws Exception {
        interview = new Interview("Sam", "alex", List.of(conflict, failure));
        interview.addListener(heard::add);
        // Seeded, so the codes it draws are the same on every run and a new code never happens to equal the old.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(7);
        server = RemoteServer.start(interview, InetAddress.getLoopbackAddress(), 0, clock, random);
        server.addStatusListener(statuses::add);
        phone = new Phone(server.url());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String wrongCode() {
        return String.format("%06d", (Integer.parseInt(server.pairingCode()) + 1) % 1_000_000);
    }

    private Phone pairedPhone() {
        Phone p = new Phone(server.url());
        assertThat(p.pair(server.pairingCode()).statusCode()).isEqualTo(200);
        return p;
    }

    @Test
    void listensWhereItSaysWithASixDigitCode() {
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.address().getPort() + "/");
        assertThat(server.pairingCode()).matches("\\d{6}");
        assertThat(server.status()).isEqualTo(new RemoteStatus(true, false, Optional.empty()));
    }

    @Test
    void aWrongCodeIsRefusedWithTheTriesLeft() {
        HttpResponse<String> r = phone.pair(wrongCode());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).path("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(json(r).path("error").asText()).contains("not right").contains("4 tries left");
        assertThat(phone.token).isNull();
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void fiveWrongCodesLockPairingForAMinuteEvenForTheRightCode() {
        for (int left = 4; left >= 1; left--) {
            HttpResponse<String> r = phone.pair(wrongCode());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(json(r).path("attemptsLeft").asInt()).isEqualTo(left);
        }
        HttpResponse<String> fifth = phone.pair(wrongCode());
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(json(fifth).path("secondsLeft").asLong()).isEqualTo(60);
        assertThat(json(fifth).path("error").asText()).contains("locked");
        assertThat(fifth.headers().firstValue("Retry-After")).contains("60");
        assertThat(server.status().lockedUntil()).contains(clock.instant().plusSeconds(60));
        assertThat(statuses).anySatisfy(s -> assertThat(s.lockedUntil()).isPresent());

        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> stillLocked = phone.pair(server.pairingCode());
        assertThat(stillLocked.statusCode()).isEqualTo(429);
        assertThat(json(stillLocked).path("secondsLeft").asLong()).isEqualTo(30);
        assertThat(server.status().describe(clock.instant())).contains("locked for 30 more seconds");
        assertThat(phone.token).isNull();

        clock.advance(Duration.ofSeconds(31));
        assertThat(server.status().lockedUntil()).isEmpty();
        assertThat(phone.pair(server.pairingCode()).statusCode()).isEqualTo(200);
        assertThat(phone.get("/api/state").statusCode()).isEqualTo(200);
    }

    @Test
    void theRightCodeGivesATokenInAStrictHttpOnlyCookieAndTheBody() {
        HttpResponse<String> r = phone.pair(server.pairingCode());
        assertThat(r.statusCode()).isEqualTo(200);
        String token = json(r).path("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, base64url without padding
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(RemoteServer.COOKIE + "=" + token + ";").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/");
        assertThat(server.status().paired()).isTrue();
        assertThat(server.status().describe(clock.instant())).isEqualTo("Phone paired.");
        assertThat(statuses).anySatisfy(s -> assertThat(s.paired()).isTrue());

        // Either way of presenting the token works: the page's cookie, or a header.
        Phone byCookie = new Phone(server.url());
        HttpResponse<String> viaCookie = byCookie.send(byCookie.request("/api/state")
                .header("Cookie", "other=1; " + RemoteServer.COOKIE + "=" + token).GET());
        assertThat(viaCookie.statusCode()).isEqualTo(200);
        assertThat(json(viaCookie).path("stage").asText()).isEqualTo("WAITING");
        assertThat(phone.get("/api/state").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheRightTokenNothingButPairingWorks() {
        assertThat(phone.get("/api/state").statusCode()).isEqualTo(401);
        assertThat(phone.get("/api/events").statusCode()).isEqualTo(401);
        HttpResponse<String> spring = phone.post("/api/spring", "{}");
        assertThat(spring.statusCode()).isEqualTo(401);
        assertThat(json(spring).path("error").asText()).contains("not paired");

        pairedPhone();
        phone.token = "A".repeat(43);
        assertThat(phone.get("/api/state").statusCode()).isEqualTo(401);
        assertThat(phone.post("/api/spring", "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> badCookie = phone.send(phone.request("/api/state")
                .header("Cookie", RemoteServer.COOKIE + "=not-the-token").GET());
        assertThat(badCookie.statusCode()).isEqualTo(401);
        assertThat(heard).isEmpty();
        assertThat(interview.stage()).isEqualTo(Stage.WAITING);
    }

    @Test
    void aSecondPhoneCannotPairWhileOneIs() {
        Phone first = pairedPhone();
        HttpResponse<String> second = phone.pair(server.pairingCode());
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).path("error").asText()).contains("Another phone is already paired");
        assertThat(phone.token).isNull();
        assertThat(first.get("/api/state").statusCode()).isEqualTo(200);
    }

    @Test
    void unpairingEndsTheOldPhonesTokenAndStreamAndChangesTheCode() {
        Phone first = pairedPhone();
        String oldCode = server.pairingCode();
        try (EventStreamReader stream = first.events()) {
            assertThat(stream.next()).isPresent(); // the snapshot on connecting
            server.unpair();
            Sse closed = stream.nextClosing();
            assertThat(closed.name()).isEqualTo("closed");
            assertThat(closed.json().path("reason").asText()).contains("unpaired");
        }
        assertThat(first.get("/api/state").statusCode()).isEqualTo(401);
        assertThat(server.status().paired()).isFalse();
        assertThat(statuses.get(statuses.size() - 1).paired()).isFalse();
        assertThat(server.pairingCode()).isNotEqualTo(oldCode);
        assertThat(phone.pair(oldCode).statusCode()).isEqualTo(403);
        assertThat(phone.pair(server.pairingCode()).statusCode()).isEqualTo(200);
    }

    @Test
    void commandsFromThePhoneRunTheInterview() {
        Phone p = pairedPhone();
        HttpResponse<String> sprung = p.post("/api/spring", "");
        assertThat(sprung.statusCode()).isEqualTo(200);
        assertThat(json(sprung).path("current").path("id").asText()).isEqualTo("beh-conflict");
        assertThat(heard).containsExactly(new Event.Asked(conflict));

        assertThat(p.post("/api/ask", "{\"id\":\"beh-failure\"}").statusCode()).isEqualTo(200);
        assertThat(interview.current()).contains(failure);
        assertThat(heard).endsWith(new Event.Asked(failure));

        heard.clear();
        assertThat(p.post("/api/take", "{\"start\":true}").statusCode()).isEqualTo(200);
        assertThat(heard).containsExactly(new Event.TakeWanted(true), new Event.StageChanged(Stage.STARTING, ""));
        AtomicReference<Double> seconds = new AtomicReference<>(12.5);
        interview.takeStarted(seconds::get); // the candidate's screen started recording

        assertThat(p.post("/api/flag", "{\"kind\":\"rambling\"}").statusCode()).isEqualTo(200);
        seconds.set(20.0);
        HttpResponse<String> followed = p.post("/api/followup", "{\"text\":\"  What would you change?  \"}");
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(heard).contains(new Event.Flagged(new Flag(12.5, "rambling")),
                new Event.FollowedUp(new FollowUp(20.0, "What would you change?")));
        JsonNode state = json(followed);
        assertThat(state.path("stage").asText()).isEqualTo("RECORDING");
        assertThat(state.path("flags").get(0).path("kind").asText()).isEqualTo("rambling");
        assertThat(state.path("flags").get(0).path("at").asDouble()).isEqualTo(12.5);
        assertThat(state.path("followUps").get(0).path("text").asText()).isEqualTo("What would you change?");

        assertThat(p.post("/api/take", "{\"start\":false}").statusCode()).isEqualTo(200);
        assertThat(heard).contains(new Event.TakeWanted(false));
        interview.takeSaved();
        HttpResponse<String> scored = p.post("/api/score",
                "{\"rating\":3,\"rubric\":{\"structure\":4,\"body_language\":2},\"feedback\":\"More numbers.\"}");
        assertThat(scored.statusCode()).isEqualTo(200);
        assertThat(interview.review().rating()).contains(Rating.GOOD);
        assertThat(interview.review().rubric().scores()).containsEntry(Rubric.Criterion.STRUCTURE, 4)
                .containsEntry(Rubric.Criterion.BODY_LANGUAGE, 2).hasSize(2);
        assertThat(interview.review().feedback()).isEqualTo("More numbers.");
        assertThat(json(scored).path("rating").asInt()).isEqualTo(3);
        assertThat(json(scored).path("rubric").path("body_language").asInt()).isEqualTo(2);

        assertThat(p.post("/api/score", "{\"rating\":null,\"rubric\":{}}").statusCode()).isEqualTo(200);
        assertThat(interview.review().rating()).isEmpty();

        heard.clear();
        assertThat(p.post("/api/finish", "{}").statusCode()).isEqualTo(200);
        assertThat(heard.get(0)).isInstanceOf(Event.TakeClosed.class);
        assertThat(interview.stage()).isEqualTo(Stage.ASKED);
    }

    @Test
    void commandsThatDoNotFitTheMomentAreRefusedWithTheInterviewsReason() {
        Phone p = pairedPhone();
        HttpResponse<String> flag = p.post("/api/flag", "{\"kind\":\"rambling\"}");
        assertThat(flag.statusCode()).isEqualTo(409);
        assertThat(json(flag).path("error").asText()).contains("start recording first");
        assertThat(p.post("/api/take", "{\"start\":true}").statusCode()).isEqualTo(409);
        p.post("/api/spring", "{}");
        p.post("/api/spring", "{}");
        HttpResponse<String> none = p.post("/api/spring", "{}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(json(none).path("error").asText()).contains("Every planned question has been asked");
        assertThat(interview.review().flags()).isEmpty();
    }

    @Test
    void malformedOrOversizedRequestsAreRefusedBeforeTheInterviewSeesThem() {
        Phone p = pairedPhone();
        assertThat(p.get("/api/spring").statusCode()).isEqualTo(405);
        assertThat(p.get("/api/spring").headers().firstValue("Allow")).contains("POST");
        assertThat(p.post("/api/state", "{}").statusCode()).isEqualTo(405);
        assertThat(p.get("/api/pair").statusCode()).isEqualTo(405);
        assertThat(p.send(p.request("/").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
                .isEqualTo(405);

        assertThat(p.send(p.request("/api/spring").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(415);
        assertThat(p.send(p.request("/api/spring").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
                .isEqualTo(415);
        String big = "{\"text\":\"" + "x".repeat(RemoteServer.MAX_BODY) + "\"}";
        assertThat(p.post("/api/followup", big).statusCode()).isEqualTo(413);
        assertThat(p.post("/api/pair", big).statusCode()).isEqualTo(413);

        String tooLongFlag = "x".repeat(Flag.MAX_KIND + 1);
        String tooLongFollowUp = "x".repeat(FollowUp.MAX_TEXT + 1);
        List<String[]> bad = List.of(
                new String[] {"/api/spring", "not json"},
                new String[] {"/api/spring", "[]"},
                new String[] {"/api/spring", "{\"extra\":1}"},
                new String[] {"/api/ask", "{}"},
                new String[] {"/api/ask", "{\"id\":5}"},
                new String[] {"/api/ask", "{\"id\":\"../../attempts.csv\"}"},
                new String[] {"/api/ask", "{\"id\":\"beh-conflict\",\"id\":\"beh-failure\"}"},
                new String[] {"/api/take", "{\"start\":\"yes\"}"},
                new String[] {"/api/flag", "{\"kind\":\"" + tooLongFlag + "\"}"},
                new String[] {"/api/flag", "{\"kind\":\"   \"}"},
                new String[] {"/api/followup", "{\"text\":\"" + tooLongFollowUp + "\"}"},
                new String[] {"/api/followup", "{\"text\":null}"},
                new String[] {"/api/score", "{\"rating\":5}"},
                new String[] {"/api/score", "{\"rating\":2.5}"},
                new String[] {"/api/score", "{\"rating\":\"good\"}"},
                new String[] {"/api/score", "{\"rubric\":{\"structure\":6}}"},
                new String[] {"/api/score", "{\"rubric\":{\"structure\":0}}"},
                new String[] {"/api/score", "{\"rubric\":{\"charisma\":3}}"},
                new String[] {"/api/score", "{\"rubric\":[4]}"},
                new String[] {"/api/score", "{\"feedback\":7}"},
                new String[] {"/api/pair", "{\"code\":123456}"},
                new String[] {"/api/pair", "{\"code\":\"123456\"} trailing"});
        for (String[] request : bad) {
            HttpResponse<String> r = p.post(request[0], request[1]);
            assertThat(r.statusCode()).as(request[0] + " " + request[1]).isEqualTo(400);
            assertThat(json(r).path("error").asText()).as(request[1]).isNotBlank();
        }
        assertThat(heard).isEmpty();
        assertThat(interview.stage()).isEqualTo(Stage.WAITING);
    }

    @Test
    void onlyThePageAndItsOwnFilesAreServed() throws IOException {
        HttpResponse<String> page = phone.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(page.body()).contains("id=\"pair-code\"").contains("src=\"/remote.js\"").doesNotContain("<script>");
        assertThat(phone.get("/remote.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(phone.get("/remote.css").statusCode()).isEqualTo(200);

        Phone p = pairedPhone();
        for (String path : List.of("/api/recordings", "/api/history", "/api/transcript", "/pom.xml",
                "/app/retake/remote/remote.js", "/remote.js/", "/index.htm", "/api/", "/api/events/x")) {
            assertThat(p.get(path).statusCode()).as(path).isEqualTo(404);
        }
        int port = server.address().getPort();
        String host = "127.0.0.1:" + port;
        assertThat(rawStatus(port, "GET /../pom.xml HTTP/1.1", host)).isEqualTo(404);
        assertThat(rawStatus(port, "GET /%2e%2e/%2e%2e/pom.xml HTTP/1.1", host)).isEqualTo(404);
        assertThat(rawStatus(port, "GET /../../../../etc/passwd HTTP/1.1", host)).isEqualTo(404);
        assertThat(rawStatus(port, "GET /remote.js HTTP/1.1", host)).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Phone p = pairedPhone();
        for (HttpResponse<String> r : List.of(phone.get("/"), phone.get("/remote.js"), phone.get("/nothing"),
                phone.get("/api/state"), p.get("/api/state"), p.post("/api/flag", "{}"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'")
                            .doesNotContain("unsafe-inline"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void requestsForAnotherHostOrFromAnotherSiteAreRefused() throws IOException {
        int port = server.address().getPort();
        assertThat(rawStatus(port, "GET / HTTP/1.1", "evil.example:" + port)).isEqualTo(403);
        assertThat(rawStatus(port, "GET / HTTP/1.1", "localhost:" + port)).isEqualTo(200);
        HttpResponse<String> crossSite = phone.send(phone.request("/api/pair").header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + server.pairingCode() + "\"}")));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(server.status().paired()).isFalse();
    }

    @Test
    void theEventStreamSendsTheStateOnConnectingAndAfterEveryChange() {
        Phone p = pairedPhone();
        try (EventStreamReader stream = p.events()) {
            assertThat(stream.status).isEqualTo(200);
            JsonNode first = stream.nextSnapshotWhere(s -> true);
            assertThat(first.path("stage").asText()).isEqualTo("WAITING");
            assertThat(first.path("current").isNull()).isTrue();
            assertThat(first.path("planned")).hasSize(2);
            assertThat(first.path("planned").get(0).path("asked").asBoolean()).isFalse();
            assertThat(first.path("standardFlags")).hasSize(Flag.STANDARD.size());

            assertThat(p.post("/api/spring", "{}").statusCode()).isEqualTo(200);
            JsonNode asked = stream.nextSnapshotWhere(s -> s.path("stage").asText().equals("ASKED"));
            JsonNode current = asked.path("current");
            assertThat(current.path("id").asText()).isEqualTo("beh-conflict");
            assertThat(current.path("text").asText()).isEqualTo("Tell me about a conflict.");
            assertThat(current.path("talkingPoints").get(0).asText()).isEqualTo("Situation");
            assertThat(current.path("followUps").get(0).asText()).isEqualTo("And then what?");
            assertThat(asked.path("planned").get(0).path("asked").asBoolean()).isTrue();
            // Only what the interviewer's console shows: nothing about files, recordings or history.
            assertThat(current.has("bank") || current.has("line") || current.has("source") || current.has("extra"))
                    .isFalse();

            // A change made on the computer reaches the phone too.
            interview.ask(failure);
            stream.nextSnapshotWhere(s -> s.path("current").path("id").asText().equals("beh-failure"));
        }
    }

    @Test
    void anIdleStreamKeepsSayingItIsStillThere() throws Exception {
        Interview quiet = new Interview("Sam", "alex", List.of(conflict));
        RemoteServer idle = RemoteServer.start(quiet, InetAddress.getLoopbackAddress(), 0, clock, new SecureRandom(),
                Duration.ofMillis(20));
        try {
            Phone p = new Phone(idle.url());
            p.pair(idle.pairingCode());
            try (EventStreamReader stream = p.events()) {
                assertThat(stream.next()).isPresent();
                await("two keep-alive comments on an idle stream", () -> stream.comments.get() >= 2);
            }
        } finally {
            idle.stop();
        }
    }

    @Test
    void stoppingClosesThePortAndEndsTheStream() throws IOException {
        Phone p = pairedPhone();
        int port = server.address().getPort();
        try (EventStreamReader stream = p.events()) {
            assertThat(stream.next()).isPresent();
            server.stop();
            Sse closed = stream.nextClosing();
            assertThat(closed.name()).isEqualTo("closed");
            assertThat(closed.json().path("reason").asText()).contains("turned off");
            assertThat(stream.next()).isEmpty();
        }
        server.stop(); // again: nothing happens
        assertThat(server.status().running()).isFalse();
        assertThat(statuses).last().satisfies(s -> assertThat(s.running()).isFalse());
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void endingTheInterviewStopsTheRemote() {
        Phone p = pairedPhone();
        int port = server.address().getPort();
        try (EventStreamReader stream = p.events()) {
            interview.end();
            Sse closed = stream.nextClosing();
            assertThat(closed.json().path("reason").asText()).contains("interview has ended");
        }
        await("the remote to stop after the interview ended", () -> !server.status().running());
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortFallsBackToAFreeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Interview other = new Interview("Sam", "alex", List.of(conflict));
            RemoteServer second = RemoteServer.start(other, InetAddress.getLoopbackAddress(), taken.getLocalPort(),
                    clock);
            try {
                assertThat(second.address().getPort()).isNotEqualTo(taken.getLocalPort()).isPositive();
                assertThat(new Phone(second.url()).get("/").statusCode()).isEqualTo(200);
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void theDefaultAddressIsTheFirstPrivateLanAddressElseLoopback() throws IOException {
        InetAddress docker = InetAddress.getByAddress(new byte[] {(byte) 172, 17, 0, 1});
        InetAddress wifi = InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 12});
        InetAddress down = InetAddress.getByAddress(new byte[] {10, 0, 0, 5});
        InetAddress publicIp = InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34});
        InetAddress v6 = InetAddress.getByName("fe80::1");
        BindAddress chosen = BindAddress.choose(List.of(
                new BindAddress.Candidate("lo", "lo", true, true, InetAddress.getLoopbackAddress()),
                new BindAddress.Candidate("eth1", "eth1", false, false, down),
                new BindAddress.Candidate("eth2", "eth2", true, false, publicIp),
                new BindAddress.Candidate("docker0", "docker0", true, false, docker),
                new BindAddress.Candidate("wlan0", "wlan0", true, false, v6),
                new BindAddress.Candidate("wlan0", "wlan0", true, false, wifi)));
        assertThat(chosen.address()).isEqualTo(wifi);
        assertThat(chosen.interfaceName()).isEqualTo("wlan0");
        assertThat(chosen.note()).contains("wlan0").contains("192.168.1.12");

        BindAddress none = BindAddress.choose(List.of(
                new BindAddress.Candidate("lo", "lo", true, true, InetAddress.getLoopbackAddress()),
                new BindAddress.Candidate("eth2", "eth2", true, false, publicIp)));
        assertThat(none.address().isLoopbackAddress()).isTrue();
        assertThat(none.note()).contains("only this computer");
        assertThat(RemoteServer.defaultBind().address()).isNotNull();
    }
}
