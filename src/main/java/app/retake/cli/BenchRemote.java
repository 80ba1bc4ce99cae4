package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.interview.Interview;
import app.retake.remote.RemoteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code retake bench remote}: how long a command from the phone takes to reach the candidate's screen. */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = {"Runs a mock interview with the phone remote on loopback, pairs the way a phone does, opens "
                + "the event stream and sends --count follow-ups one after another. Each is timed from sending the "
                + "POST to (a) the interview's listener hearing it, which is where the candidate's screen takes it "
                + "in, and (b) the snapshot reaching the phone's event stream. Target: 200 ms.",
                "The candidate screen's hop onto the JavaFX thread and the Wi-Fi between phone and computer are not "
                        + "included."})
final class BenchRemote implements Callable<Integer> {

    private static final double TARGET_MS = 200;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "200", description = "Timed commands (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--warmup", defaultValue = "20",
            description = "Untimed commands first, so the JIT has compiled the path (default ${DEFAULT-VALUE}).")
    int warmup;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (count < 1 || warmup < 0) {
            out.println("FAILED: --count must be at least 1 and --warmup at least 0.");
            return 2;
        }
        Question question = new Question("bench-remote", "behavioural", "Tell me about a time you changed your mind.",
                List.of("Situation", "What changed it", "Result"), List.of("What would you do now?"), List.of(),
                Difficulty.MEDIUM, "", Map.of(), "bench", 0);
        Interview interview = new Interview("Bench", "candidate", List.of(question));
        Map<String, Long> heardAt = new ConcurrentHashMap<>();
        interview.addListener(e -> {
            if (e instanceof Interview.Event.FollowedUp) {
                heardAt.putIfAbsent(((Interview.Event.FollowedUp) e).followUp().text(), System.nanoTime());
            }
        });
        interview.ask(question);
        recordTake(interview);

        RemoteServer server = RemoteServer.start(interview, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(WAIT).build();
        URI base = URI.create(server.url());
        Map<String, Long> streamedAt = new ConcurrentHashMap<>();
        BlockingQueue<Boolean> snapshots = new LinkedBlockingQueue<>();
        Thread reader = null;
        try {
            String token = pair(client, base, server.pairingCode());
            HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(base.resolve("/api/events"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (stream.statusCode() != 200) {
                out.println("FAILED: the event stream answered " + stream.statusCode());
                return 1;
            }
            reader = new Thread(() -> read(stream.body(), streamedAt, snapshots), "bench-remote-events");
            reader.setDaemon(true);
            reader.start();
            if (snapshots.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS) == null) {
                out.println("FAILED: no snapshot on connecting to the event stream");
                return 1;
            }

            List<Double> toAnswer = new ArrayList<>();
            List<Double> toListener = new ArrayList<>();
            List<Double> toStream = new ArrayList<>();
            for (int i = 0; i < warmup + count; i++) {
                if (i % 10 == 0 && i > 0) {
                    // A real take holds a handful of follow-ups: start a fresh one so snapshots stay that size.
                    interview.wantTake(false);
                    interview.takeSaved();
                    recordTake(interview);
                }
                String text = "Follow-up number " + i + "?";
                long sent = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/api/followup"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("text", text)
                                        .toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (r.statusCode() != 200) {
                    out.println("FAILED: follow-up " + i + " answered " + r.statusCode() + ": " + r.body());
                    return 1;
                }
                Long heard = waitFor(heardAt, text);
                Long streamed = waitFor(streamedAt, text);
                if (heard == null || streamed == null) {
                    out.println("FAILED: follow-up " + i + " did not arrive within " + WAIT.toSeconds() + " s ("
                            + (heard == null ? "interview listener" : "event stream") + ")");
                    return 1;
                }
                if (i >= warmup) {
                    toAnswer.add((answered - sent) / 1e6);
                    toListener.add((heard - sent) / 1e6);
                    toStream.add((streamed - sent) / 1e6);
                }
            }
            out.printf(Locale.ROOT, "remote: %d follow-ups sent over loopback after %d untimed%n", count, warmup);
            print(out, "POST -> interview listener (candidate screen's input)", toListener);
            print(out, "POST -> phone's event stream (SSE)", toStream);
            print(out, "POST -> answer to the POST", toAnswer);
            double p95 = percentile(toListener, 0.95);
            out.printf(Locale.ROOT, "target: <= %.0f ms from tap to candidate screen: p95 %.2f ms, %s "
                    + "(the FX-thread hop on the candidate's screen is not included)%n", TARGET_MS, p95,
                    p95 <= TARGET_MS ? "met" : "MISSED");
            out.flush();
            return 0;
        } finally {
            server.stop();
            interview.end();
            if (reader != null) {
                reader.join(WAIT.toMillis());
            }
        }
    }

    /** The candidate screen's side of starting a take, done at once: the bench times the remote, not devices. */
    private static void recordTake(Interview interview) {
        interview.wantTake(true);
        long started = System.nanoTime();
        interview.takeStarted(() -> (System.nanoTime() - started) / 1e9);
    }

    private String pair(HttpClient client, URI base, String code) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/api/pair"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("code", code).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("pairing answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body()).path("token").asText();
    }

    /** Notes when each follow-up first shows up in a snapshot on the stream. */
    private void read(Stream<String> lines, Map<String, Long> streamedAt, BlockingQueue<Boolean> snapshots) {
        try (lines) {
            lines.forEach(line -> {
                if (!line.startsWith("data: ")) {
                    return;
                }
                long now = System.nanoTime();
                try {
                    JsonNode snapshot = json.readTree(line.substring("data: ".length()));
                    for (JsonNode f : snapshot.path("followUps")) {
                        streamedAt.putIfAbsent(f.path("text").asText(), now);
                    }
                } catch (IOException e) {
                    return; // the closing event's data, or a line this bench does not read
                }
                snapshots.add(Boolean.TRUE);
            });
        } catch (RuntimeException e) {
            // the stream ends when the server stops
        }
    }

    private static Long waitFor(Map<String, Long> times, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Long t;
        while ((t = times.get(text)) == null && System.nanoTime() < deadline) {
            // The times are taken where the events land, so this wait only needs to be cheap, not prompt.
            LockSupport.parkNanos(200_000);
        }
        return t;
    }

    private static void print(PrintWriter out, String what, List<Double> ms) {
        out.printf(Locale.ROOT, "%-55s median %.2f ms, p95 %.2f ms, max %.2f ms%n", what + ":",
                BenchCommand.median(ms), percentile(ms, 0.95), ms.stream().mapToDouble(Double::doubleValue).max()
                        .orElse(0));
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
