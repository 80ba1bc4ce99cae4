package app.retake.remote;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the phone remote listens: the address a phone on the same Wi-Fi can reach, and in plain words what that
 * means for the interviewer.
 *
 * @param address       the address to bind
 * @param interfaceName the network interface it belongs to ({@code wlan0}), or {@code lo}
 * @param note          one sentence for the console, such as which network a phone must be on
 */
public record BindAddress(InetAddress address, String interfaceName, String note) {

    private static final Logger LOG = LoggerFactory.getLogger(BindAddress.class);

    /** One address of one interface, as the system lists them; a value so the choice can be tested. */
    record Candidate(String interfaceName, String displayName, boolean up, boolean loopback, InetAddress address) {
    }

    /**
     * The first up, non-loopback, private-range (site-local) IPv4 address, which is what a home or office Wi-Fi
     * hands out; else loopback, which only this computer can reach. Never a public address: the remote is for the
     * room, not the internet.
     */
    public static BindAddress pick() {
        List<Candidate> candidates = new ArrayList<>();
        try {
            // Null on a machine with no interface at all.
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            for (NetworkInterface nif : all == null ? List.<NetworkInterface>of() : Collections.list(all)) {
                boolean up = nif.isUp();
                boolean loopback = nif.isLoopback();
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    candidates.add(new Candidate(nif.getName(), nif.getDisplayName(), up, loopback, a));
                }
            }
        } catch (SocketException e) {
            LOG.warn("Could not list the network interfaces; the remote will listen on this computer only", e);
        }
        return choose(candidates);
    }

    static BindAddress choose(List<Candidate> candidates) {
        Optional<Candidate> lan = candidates.stream()
                .filter(c -> c.up() && !c.loopback() && c.address() instanceof Inet4Address
                        && c.address().isSiteLocalAddress())
                // Container and VM bridges are site-local too, but no phone is on them.
                .sorted(Comparator.comparing(c -> looksVirtual(c.interfaceName())))
                .findFirst();
        if (lan.isPresent()) {
            Candidate c = lan.get();
            return new BindAddress(c.address(), c.interfaceName(), "A phone on the same network as this computer ("
                    + c.interfaceName() + ", " + c.address().getHostAddress() + ") can open the remote.");
        }
        return new BindAddress(InetAddress.getLoopbackAddress(), "lo", "No local network was found, so only this "
                + "computer can reach the remote. Connect to the same Wi-Fi as the phone and turn it on again.");
    }

    private static boolean looksVirtual(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("docker") || n.startsWith("br-") || n.startsWith("veth") || n.startsWith("virbr")
                || n.startsWith("vmnet") || n.startsWith("vboxnet");
    }
}
