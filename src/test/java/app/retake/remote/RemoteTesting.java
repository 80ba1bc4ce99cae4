package app.retake.remote;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;

/** What the remote's tests share: questions, a clock they can move, a phone made of an HTTP client, waiting. */
final class RemoteTesting {

    /** Long enough for a loaded CI machine; the waits end as soon as the condition holds. */
    static final Duration PATIENCE = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();

    private RemoteTesting() {
    }

    static Question question(String id, String text) {
        return new Question(id, "behavioural", text, List.of("Situation", "Result"), List.of("And then what?"),
                List.of(), Difficulty.MEDIUM, "", Map.of(), "core", 2);
    }

    /** Waits, bounded, until {@code condition} holds; fails naming {@code what} otherwise. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Gave up waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for: " + what);
            }
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The friend's phone as far as the server can tell: an HTTP client that keeps the token it was given. */
    static final class Phone {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PATIENCE).build();
        final URI base;
        String token;

        Phone(String url) {
            this.base = URI.create(url);
        }

        HttpResponse<String> pair(String code) {
            HttpResponse<String> r = post("/api/pair", JSON.createObjectNode().put("code", code).toString());
            if (r.statusCode() == 200) {
                token = json(r).path("token").asText();
            }
            return r;
        }

        HttpResponse<String> post(String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(PATIENCE);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b;
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Opens the event stream with this phone's token. */
        EventStreamReader events() {
            try {
                HttpResponse<Stream<String>> r = client.send(request("/api/events").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                return new EventStreamReader(r);
            } catch (IOException e) {
                throw new AssertionError("could not open the event stream: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** One server-sent event: its name ("message" when none was given) and data. */
    record Sse(String name, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }
    }

    /** Reads an event stream on its own thread, so a test can wait for the next event with a bound. */
    static final class EventStreamReader implements AutoCloseable {
        private static final Sse END = new Sse("", "");
        final int status;
        private final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        /** Comment lines seen: the server's sign of life on an idle stream. */
        final AtomicInteger comments = new AtomicInteger();
        private final Stream<String> lines;

        EventStreamReader(HttpResponse<Stream<String>> response) {
            this.status = response.statusCode();
            this.lines = response.body();
            Thread t = new Thread(this::read, "test-event-stream");
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            String name = "message";
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Sse(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.startsWith(":")) {
                        comments.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                // the connection was closed
            } finally {
                events.add(END);
            }
        }

        /** The next event, or empty when the stream ended; fails when none comes within the patience. */
        Optional<Sse> next() {
            try {
                Sse e = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (e == null) {
                    fail("no event arrived on the stream");
                }
                if (e == END) {
                    events.add(END);
                    return Optional.empty();
                }
                return Optional.of(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Skips snapshots until one satisfies {@code wanted}. */
        JsonNode nextSnapshotWhere(java.util.function.Predicate<JsonNode> wanted) {
            while (true) {
                Sse e = next().orElseThrow(() -> new AssertionError("the stream ended"));
                if (e.name().equals("message") && wanted.test(e.json())) {
                    return e.json();
                }
            }
        }

        /** Skips snapshots until the server says the stream is closing, and returns that event. */
        Sse nextClosing() {
            while (true) {
                Sse e = next().orElseThrow(() -> new AssertionError("the stream ended without saying why"));
                if (e.name().equals("closed")) {
                    return e;
                }
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    /**
     * Sends a request exactly as written, for what an HTTP client would tidy up first (a path with {@code ..}, a
     * forged Host header), and returns the status code.
     */
    static int rawStatus(int port, String requestLine, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String[] status = response.split("\r\n", 2)[0].split(" ");
            return Integer.parseInt(status[1]);
        }
    }
}
