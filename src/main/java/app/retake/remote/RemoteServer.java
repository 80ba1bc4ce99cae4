package app.retake.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.interview.Interview;

/**
 * The friend's phone remote: a small web server on the local network that serves one page and lets the paired
 * phone run the {@link Interview} — spring or pick questions, start and stop the take, flag moments, send
 * follow-ups and score.
 *
 * <p>It is off unless the interviewer turns it on, listens only while the interview lasts (it stops itself when the
 * interview ends), and serves nothing but its own page and the interview's questions, stage and marks: no
 * recordings, transcripts, history or paths. Every API call but pairing needs the paired phone's token. The JDK's
 * built-in server is enough for one phone, so the remote brings no server library.
 *
 * <p>Pairing and lockout live in {@link Pairing}, the checking of what the phone sends in {@link RemoteCommands},
 * the JSON the phone sees in {@link SnapshotJson}; this class is the HTTP plumbing between them.
 */
public final class RemoteServer {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteServer.class);

    /** The port tried first, so the address stays the same from one interview to the next. */
    public static final int DEFAULT_PORT = 8765;
    /** Largest request body accepted; the largest real command (a score with feedback) fits easily. */
    static final int MAX_BODY = 8 * 1024;
    /** How often an idle event stream says it is still there. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Name of the cookie that carries the session token. */
    static final String COOKIE = "retake_remote";

    private static final String RESOURCES = "/app/retake/remote/";
    /** The only files served, by request path: never a path taken from the request. */
    private static final Map<String, String> PAGES = Map.of("/", "index.html", "/index.html", "index.html",
            "/remote.css", "remote.css", "/remote.js", "remote.js");
    private static final Map<String, String> TYPES = Map.of("index.html", "text/html; charset=utf-8",
            "remote.css", "text/css; charset=utf-8", "remote.js", "text/javascript; charset=utf-8");

    private final Interview interview;
    private final Pairing pairing;
    private final HttpServer http;
    private final ExecutorService workers;
    private final Map<String, byte[]> assets;
    private final Set<String> hosts;
    private final Map<String, EventStream> streams = new ConcurrentHashMap<>();
    private final List<Consumer<RemoteStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final Consumer<Interview.Event> heard = this::heard;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Set once the port is closed: only then does the status say the remote is off. */
    private volatile boolean closed;
    private final Duration heartbeat;

    private RemoteServer(Interview interview, Pairing pairing, HttpServer http, ExecutorService workers,
                         Map<String, byte[]> assets, Duration heartbeat) {
        this.interview = interview;
        this.pairing = pairing;
        this.http = http;
        this.workers = workers;
        this.assets = assets;
        this.heartbeat = heartbeat;
        this.hosts = hostsFor(http.getAddress());
    }

    /** The address to listen on when the interviewer did not choose one: see {@link BindAddress#pick()}. */
    public static BindAddress defaultBind() {
        return BindAddress.pick();
    }

    /** Starts the remote for {@code interview} with a fresh random pairing code; see the full overload. */
    public static RemoteServer start(Interview interview, InetAddress bind, int port, Clock clock)
            throws IOException {
        return start(interview, bind, port, clock, new SecureRandom());
    }

    /**
     * Starts the remote for {@code interview}.
     *
     * @param bind   the address to listen on, usually {@link #defaultBind()}'s
     * @param port   the port to try first, usually {@link #DEFAULT_PORT}; when it is taken a free one is used, and
     *               {@code 0} always picks a free one
     * @param clock  the time pairing lockouts are measured in
     * @param random where pairing codes and tokens come from
     * @throws IOException when no port can be opened on {@code bind}
     */
    public static RemoteServer start(Interview interview, InetAddress bind, int port, Clock clock,
                                     SecureRandom random) throws IOException {
        return start(interview, bind, port, clock, random, HEARTBEAT);
    }

    static RemoteServer start(Interview interview, InetAddress bind, int port, Clock clock, SecureRandom random,
                              Duration heartbeat) throws IOException {
        Objects.requireNonNull(interview);
        Objects.requireNonNull(bind);
        if (interview.stage() == Interview.Stage.ENDED) {
            throw new IllegalStateException("The interview has ended.");
        }
        Map<String, byte[]> assets = loadAssets();
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body then
        // waits for the phone's delayed ACK, some 40 ms per answer. Read once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        } catch (BindException e) {
            if (port == 0) {
                throw e;
            }
            LOG.info("Port {} on {} is taken; the remote uses a free port instead", port, bind.getHostAddress());
            http = HttpServer.create(new InetSocketAddress(bind, 0), 16);
        }
        // A few threads are plenty for one phone; one of them holds the event stream.
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "retake-remote-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RemoteServer server = new RemoteServer(interview, new Pairing(clock, random), http, workers, assets,
                heartbeat);
        http.createContext("/", server::handle);
        http.setExecutor(workers);
        interview.addListener(server.heard);
        http.start();
        LOG.info("Phone remote listening on {}", server.url());
        // It may have ended while the server was being made, before the listener could hear it.
        if (interview.stage() == Interview.Stage.ENDED) {
            server.stop("The interview has ended.");
        }
        return server;
    }

    private static Map<String, byte[]> loadAssets() throws IOException {
        Map<String, byte[]> assets = new HashMap<>();
        for (String name : TYPES.keySet()) {
            try (InputStream in = RemoteServer.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IOException("The phone remote's page (" + name + ") is missing from the application.");
                }
                assets.put(name, in.readAllBytes());
            }
        }
        return Map.copyOf(assets);
    }

    /** The Host headers a request may carry: the address the remote was opened with, never a name. */
    private static Set<String> hostsFor(InetSocketAddress address) {
        int port = address.getPort();
        InetAddress a = address.getAddress();
        List<String> names = new ArrayList<>(List.of(literal(a)));
        if (a.isLoopbackAddress()) {
            names.add("localhost");
        }
        Set<String> hosts = new HashSet<>();
        for (String n : names) {
            hosts.add(n.toLowerCase(Locale.ROOT) + ":" + port);
            if (port == 80) {
                hosts.add(n.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(hosts);
    }

    private static String literal(InetAddress a) {
        String host = a.getHostAddress();
        int scope = host.indexOf('%');
        if (scope >= 0) {
            host = host.substring(0, scope);
        }
        return a instanceof Inet6Address ? "[" + host + "]" : host;
    }

    /** The address to open on the phone (and to put in the QR code). */
    public String url() {
        return "http://" + literal(http.getAddress().getAddress()) + ":" + http.getAddress().getPort() + "/";
    }

    /** The address and port the remote listens on. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The six digits the friend types on the phone to pair it. */
    public String pairingCode() {
        return pairing.code();
    }

    public RemoteStatus status() {
        return new RemoteStatus(!closed, pairing.paired(), pairing.lockedUntil());
    }

    /**
     * Tells {@code listener} whenever {@link #status()} changes: a phone paired, was unpaired, pairing locked, the
     * remote stopped. It is called on whichever thread made the change (often a server thread), so a screen hands
     * it to its own thread; it must not block.
     */
    public void addStatusListener(Consumer<RemoteStatus> listener) {
        statusListeners.add(Objects.requireNonNull(listener));
    }

    public void removeStatusListener(Consumer<RemoteStatus> listener) {
        statusListeners.remove(listener);
    }

    private void statusChanged() {
        RemoteStatus status = status();
        for (Consumer<RemoteStatus> l : statusListeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                LOG.error("A remote status listener failed", e);
            }
        }
    }

    /**
     * Forgets the paired phone and shows a new code: the old phone's token stops working at once and its event
     * stream ends. For a lost phone, or to hand the remote to someone else.
     */
    public void unpair() {
        pairing.unpair();
        closeStreams("This phone was unpaired on the computer.");
        LOG.info("Phone remote unpaired; new pairing code issued");
        statusChanged();
    }

    /**
     * Stops the remote: the port is closed and the phone's event stream ends, telling the page why. Doing it again
     * does nothing. Returns within about half a second even if the phone stopped reading.
     */
    public void stop() {
        stop("The phone remote was turned off on the computer.");
    }

    private void stop(String reason) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        interview.removeListener(heard);
        List<EventStream> open = closeStreams(reason);
        // Give each stream a moment to send its last snapshot and the reason before the connections close.
        for (EventStream s : open) {
            s.awaitDone(Duration.ofMillis(500));
        }
        http.stop(0);
        workers.shutdownNow();
        closed = true;
        LOG.info("Phone remote stopped: {}", reason);
        statusChanged();
    }

    private List<EventStream> closeStreams(String reason) {
        List<EventStream> open = new ArrayList<>(streams.values());
        streams.clear();
        open.forEach(s -> s.close(reason));
        return open;
    }

    /** The interview changed: every open stream sends a fresh snapshot. Runs on the caller's thread; never blocks. */
    private void heard(Interview.Event event) {
        streams.values().forEach(EventStream::changed);
        if (event instanceof Interview.Event.Ended) {
            // Stopping joins the server's threads; the thread that ended the interview must not wait for that.
            Thread t = new Thread(() -> stop("The interview has ended."), "retake-remote-stop");
            t.setDaemon(true);
            t.start();
        }
    }

    // ---- HTTP ----

    /** A request refused with a status and a sentence for the phone; {@code extra} adds fields to the answer. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Map<String, Object> extra;

        Refusal(int status, String message) {
            this(status, message, Map.of());
        }

        Refusal(int status, String message, Map<String, Object> extra) {
            super(message);
            this.status = status;
            this.extra = extra;
        }
    }

    private void handle(HttpExchange ex) {
        try {
            securityHeaders(ex.getResponseHeaders());
            try {
                checkOrigin(ex);
                String path = Objects.requireNonNullElse(ex.getRequestURI().getRawPath(), "");
                if (path.startsWith("/api/")) {
                    api(ex, path.substring("/api/".length()));
                } else {
                    page(ex, path);
                }
            } catch (Refusal r) {
                ObjectNode body = RemoteCommands.JSON.createObjectNode().put("error", r.getMessage());
                r.extra.forEach((k, v) -> body.set(k, RemoteCommands.JSON.valueToTree(v)));
                sendJson(ex, r.status, body.toString());
            }
        } catch (IOException e) {
            LOG.debug("The phone went away during a request: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("The phone remote failed on a request", e);
            try {
                sendJson(ex, 500, "{\"error\":\"Something went wrong on the computer.\"}");
            } catch (IOException | RuntimeException ignored) {
                // the answer may already be under way; the connection is closed below
            }
        } finally {
            ex.close();
        }
    }

    /** Sent with every answer: the page runs only its own script, is never framed, cached or told where it came from. */
    private static void securityHeaders(Headers h) {
        h.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-store");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
    }

    /**
     * Refuses requests that name another host (a web page elsewhere resolving its own name to this computer) or come
     * from another site's script. The cookie is SameSite=Strict already; this closes the gap for Bearer tokens and
     * pairing.
     */
    private void checkOrigin(HttpExchange ex) throws Refusal {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
            throw new Refusal(403, "Open the remote with the address shown on the computer.");
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.strip().equalsIgnoreCase("http://" + host.strip())) {
            throw new Refusal(403, "Requests from other pages are refused.");
        }
    }

    private void page(HttpExchange ex, String path) throws IOException, Refusal {
        String name = PAGES.get(path);
        if (name == null) {
            throw new Refusal(404, "There is nothing here.");
        }
        requireGet(ex);
        byte[] bytes = assets.get(name);
        ex.getResponseHeaders().set("Content-Type", TYPES.get(name));
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void api(HttpExchange ex, String name) throws IOException, Refusal {
        if (name.equals("pair")) {
            requirePost(ex);
            pair(ex, jsonBody(ex));
        } else if (name.equals("state")) {
            requireGet(ex);
            authorized(ex);
            sendJson(ex, 200, snapshot());
        } else if (name.equals("events")) {
            requireGet(ex);
            events(ex, authorized(ex));
        } else if (RemoteCommands.NAMES.contains(name)) {
            requirePost(ex);
            authorized(ex);
            command(ex, name);
        } else {
            throw new Refusal(404, "There is nothing here.");
        }
    }

    private static void requireGet(HttpExchange ex) throws Refusal {
        if (!"GET".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "GET");
            throw new Refusal(405, "Only GET works here.");
        }
    }

    private static void requirePost(HttpExchange ex) throws Refusal {
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "POST");
            throw new Refusal(405, "Commands are sent with POST.");
        }
    }

    private void command(HttpExchange ex, String name) throws IOException, Refusal {
        RemoteCommands.Command command;
        try {
            command = RemoteCommands.parse(name, jsonBody(ex), interview.planned());
        } catch (RemoteCommands.BadRequest e) {
            throw new Refusal(400, e.getMessage());
        }
        try {
            command.applyTo(interview);
        } catch (IllegalStateException e) {
            throw new Refusal(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, e.getMessage());
        }
        LOG.debug("Phone remote: {}", name);
        sendJson(ex, 200, snapshot());
    }

    private void pair(HttpExchange ex, byte[] body) throws IOException, Refusal {
        String code;
        try {
            ObjectNode json = RemoteCommands.object(body);
            RemoteCommands.fields(json, "code");
            code = RemoteCommands.text(json, "code", 20);
        } catch (RemoteCommands.BadRequest e) {
            throw new Refusal(400, e.getMessage());
        }
        Pairing.Outcome outcome = pairing.pair(code);
        if (outcome instanceof Pairing.Outcome.Paired) {
            String token = ((Pairing.Outcome.Paired) outcome).token();
            LOG.info("A phone paired with the remote");
            ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            statusChanged();
            sendJson(ex, 200, RemoteCommands.JSON.createObjectNode().put("token", token).toString());
        } else if (outcome instanceof Pairing.Outcome.WrongCode) {
            int left = ((Pairing.Outcome.WrongCode) outcome).attemptsLeft();
            LOG.info("Wrong pairing code; {} tries left", left);
            throw new Refusal(403, "That code is not right. " + left + (left == 1 ? " try" : " tries")
                    + " left before pairing locks for a minute.", Map.of("attemptsLeft", left));
        } else if (outcome instanceof Pairing.Outcome.Locked) {
            long seconds = ((Pairing.Outcome.Locked) outcome).secondsLeft();
            LOG.info("Pairing locked after too many wrong codes ({} s left)", seconds);
            statusChanged();
            ex.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            throw new Refusal(429, "Too many wrong codes: pairing is locked. Try again in " + seconds + " seconds.",
                    Map.of("secondsLeft", seconds));
        } else {
            throw new Refusal(409, "Another phone is already paired. Unpair it on the computer first.");
        }
    }

    /** The paired phone's token from the Authorization header or the cookie, or 401. */
    private String authorized(HttpExchange ex) throws Refusal {
        for (String token : presentedTokens(ex.getRequestHeaders())) {
            if (pairing.authorizes(token)) {
                return token;
            }
        }
        throw new Refusal(401, "This phone is not paired. Type the code shown on the computer.");
    }

    private static List<String> presentedTokens(Headers headers) {
        List<String> tokens = new ArrayList<>();
        String auth = headers.getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.add(auth.substring(7).strip());
        }
        for (String cookies : headers.getOrDefault("Cookie", List.of())) {
            for (String cookie : cookies.split(";")) {
                int eq = cookie.indexOf('=');
                if (eq > 0 && cookie.substring(0, eq).strip().equals(COOKIE)) {
                    tokens.add(cookie.substring(eq + 1).strip());
                }
            }
        }
        return tokens;
    }

    /** The request body, refused unless it is JSON and small. */
    private static byte[] jsonBody(HttpExchange ex) throws IOException, Refusal {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.split(";", 2)[0].strip().equalsIgnoreCase("application/json")) {
            throw new Refusal(415, "Send the command as application/json.");
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new Refusal(400, "The request's length is not a number.");
            }
            if (declared > MAX_BODY) {
                throw new Refusal(413, "The request is too large.");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new Refusal(413, "The request is too large.");
            }
            return body;
        }
    }

    private String snapshot() {
        return SnapshotJson.of(interview.snapshot()).toString();
    }

    /** Streams a snapshot now and after every change, until the phone leaves, is unpaired or the remote stops. */
    private void events(HttpExchange ex, String token) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        EventStream stream = new EventStream();
        // One stream per phone: a reload or reconnect replaces the old one instead of piling up threads.
        EventStream old = streams.put(token, stream);
        if (old != null) {
            old.close("This page was opened again.");
        }
        // Stopping or unpairing may have swept the streams just before this one was added.
        if (stopped.get()) {
            stream.close("The phone remote was turned off on the computer.");
        } else if (!pairing.authorizes(token)) {
            stream.close("This phone was unpaired on the computer.");
        }
        try (OutputStream out = ex.getResponseBody()) {
            stream.pump(out, this::snapshot, heartbeat);
        } finally {
            streams.remove(token, stream);
        }
    }

    private static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
