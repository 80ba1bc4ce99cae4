package app.retake.ui.interview;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.retake.interview.Interview;
import app.retake.remote.BindAddress;
import app.retake.remote.QrCode;
import app.retake.remote.RemoteServer;
import app.retake.remote.RemoteStatus;
import app.retake.ui.common.FxTasks;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The phone remote as the console shows it: off by default; when the interviewer turns it on, a server starts on
 * the local network for the running interview, and the console shows its address, a QR code of it and the pairing
 * code. It stops when turned off, when the interview ends, or when the app closes.
 *
 * <p>Touch on the FX thread only; starting and stopping the server run on the executor.
 */
public final class RemoteModel {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteModel.class);

    /** Starts a server; the app's is {@link RemoteServer#start}, on the network address a phone can reach. */
    public interface Starter {
        RemoteServer start(Interview interview) throws java.io.IOException;
    }

    private final Starter starter;
    private final Executor io;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper paired = new ReadOnlyBooleanWrapper(false);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Phone remote off.");
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<boolean[][]> qr = new SimpleObjectProperty<>();
    private RemoteServer server;
    private RemoteStatus lastStatus;
    private final Consumer<RemoteStatus> statusListener = s -> Platform.runLater(() -> statusChanged(s));

    /** The app's remote: listens on the address {@link BindAddress#pick()} chooses, on the usual port if free. */
    public static Starter onLocalNetwork(Clock clock) {
        return interview -> {
            BindAddress bind = BindAddress.pick();
            RemoteServer server = RemoteServer.start(interview, bind.address(), RemoteServer.DEFAULT_PORT, clock);
            LOG.info("Phone remote on {} ({})", server.url(), bind.interfaceName());
            return server;
        };
    }

    public RemoteModel(Starter starter, Executor io, Clock clock) {
        this.starter = Objects.requireNonNull(starter);
        this.io = Objects.requireNonNull(io);
        this.clock = Objects.requireNonNull(clock);
    }

    public ReadOnlyBooleanProperty on() {
        return on.getReadOnlyProperty();
    }

    /** Whether a phone is paired now. */
    public ReadOnlyBooleanProperty paired() {
        return paired.getReadOnlyProperty();
    }

    public BooleanProperty busy() {
        return busy;
    }

    public StringProperty url() {
        return url;
    }

    public StringProperty code() {
        return code;
    }

    /** "Waiting for a phone to pair.", "Phone paired.", the lock-out countdown, or what went wrong. */
    public StringProperty status() {
        return status;
    }

    /** Which network the remote listens on, and what that means. */
    public StringProperty note() {
        return note;
    }

    /** The QR code of the address, dark modules {@code true}; null while off. */
    public ObjectProperty<boolean[][]> qr() {
        return qr;
    }

    /** The running server, for tests and for stopping it at exit. */
    public Optional<RemoteServer> server() {
        return Optional.ofNullable(server);
    }

    /** Turns the remote on for {@code interview}; does nothing when it is on already. */
    public void turnOn(Interview interview) {
        if (server != null || busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Starting the phone remote…");
        FxTasks.supply(io, () -> {
            try {
                RemoteServer started = starter.start(interview);
                return new Started(started, QrCode.matrix(started.url()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, started -> {
            busy.set(false);
            server = started.server();
            server.addStatusListener(statusListener);
            url.set(server.url());
            code.set(server.pairingCode());
            qr.set(started.qr());
            note.set(server.address().getAddress().isLoopbackAddress()
                    ? "No local network was found: only this computer can open the remote."
                    : "The phone must be on the same Wi-Fi. The remote serves only this interview's questions "
                    + "and controls, never recordings or history.");
            on.set(true);
            statusChanged(server.status());
        }, e -> {
            busy.set(false);
            status.set("The phone remote could not start: " + e.getMessage());
        });
    }

    private record Started(RemoteServer server, boolean[][] qr) {
    }

    /** Turns the remote off; the phone is told and its page stops. */
    public void turnOff() {
        RemoteServer running = server;
        if (running == null) {
            return;
        }
        running.removeStatusListener(statusListener);
        server = null;
        cleared();
        io.execute(running::stop);
    }

    /** Forgets the paired phone and shows a new code. */
    public void unpair() {
        RemoteServer running = server;
        if (running == null) {
            return;
        }
        FxTasks.supply(io, () -> {
            running.unpair();
            return running.pairingCode();
        }, code::set, e -> status.set("Could not unpair: " + e.getMessage()));
    }

    /** Refreshes the lock-out countdown; the view calls it every second while on. */
    public void tick() {
        if (lastStatus != null && server != null) {
            status.set(lastStatus.describe(clock.instant()));
        }
    }

    private void statusChanged(RemoteStatus s) {
        if (server == null) {
            return;
        }
        lastStatus = s;
        if (!s.running()) {
            // The interview ended, so the server stopped itself.
            server.removeStatusListener(statusListener);
            server = null;
            cleared();
            return;
        }
        status.set(s.describe(clock.instant()));
        code.set(server.pairingCode());
        paired.set(s.paired());
    }

    private void cleared() {
        on.set(false);
        paired.set(false);
        url.set("");
        code.set("");
        qr.set(null);
        note.set("");
        lastStatus = null;
        status.set("Phone remote off.");
    }
}
