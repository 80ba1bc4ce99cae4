package app.retake.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The internet sockets (TCP and UDP, IPv4 and IPv6) this process holds open, read from the operating system
 * rather than from Retake's own bookkeeping, so it also sees sockets a library opened behind Retake's back.
 *
 * <p>On Linux: every {@code /proc/self/fd} entry that is {@code socket:[inode]}, matched against
 * {@code /proc/self/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}. Sockets of other kinds (Unix-domain
 * sockets, which a desktop toolkit uses to talk to the display) never leave the machine and are only counted.
 * Elsewhere the answer is "unknown": {@link #list()} is empty.
 */
public final class OpenSockets {

    private static final Path FDS = Path.of("/proc/self/fd");
    private static final Path NET = Path.of("/proc/self/net");
    private static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");

    private OpenSockets() {
    }

    /**
     * One open internet socket.
     *
     * @param protocol tcp, tcp6, udp or udp6
     * @param local    address and port it is bound to, e.g. {@code 127.0.0.1:8765} or {@code [::1]:8765}
     * @param remote   the peer, or {@code *} when not connected
     * @param state    LISTEN, ESTABLISHED… for TCP; UNCONNECTED or CONNECTED for UDP
     * @param inode    the kernel's id for the socket, unique while it is open
     */
    public record IpSocket(String protocol, String local, String remote, String state, long inode) {
        @Override
        public String toString() {
            return protocol + " " + local + " -> " + remote + " " + state;
        }
    }

    /** What the system says this process holds, when it can say. */
    public record Snapshot(List<IpSocket> ip, int otherSockets) {
        public Snapshot {
            ip = List.copyOf(ip);
        }
    }

    /** Whether this system lets the process list its own sockets (Linux with /proc). */
    public static boolean supported() {
        return Files.isDirectory(FDS) && Files.isReadable(NET.resolve("tcp"));
    }

    /** The internet sockets this process holds open now; empty when the system cannot say (not Linux). */
    public static Optional<List<IpSocket>> list() {
        return snapshot().map(Snapshot::ip);
    }

    /** The internet sockets and the count of other sockets; empty when the system cannot say. */
    public static Optional<Snapshot> snapshot() {
        if (!supported()) {
            return Optional.empty();
        }
        try {
            Set<Long> ours = socketInodes();
            List<IpSocket> found = new ArrayList<>();
            Set<Long> matched = new HashSet<>();
            for (String table : TABLES) {
                Path file = NET.resolve(table);
                if (!Files.isReadable(file)) {
                    continue;
                }
                for (IpSocket s : parse(table, Files.readAllLines(file, StandardCharsets.US_ASCII), ours)) {
                    found.add(s);
                    matched.add(s.inode());
                }
            }
            // A socket opened after the fd listing is not in `ours` and shows at the next look.
            return Optional.of(new Snapshot(found, (int) ours.stream().filter(i -> !matched.contains(i)).count()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Inodes of every socket among this process's open file descriptors. */
    private static Set<Long> socketInodes() throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(FDS)) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (NoSuchFileException e) {
                    continue; // closed meanwhile (the listing's own descriptor, for one)
                } catch (IOException e) {
                    continue;
                }
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                }
            }
        }
        return inodes;
    }

    /**
     * The rows of one {@code /proc/net} table whose inode is in {@code ours}.
     *
     * @param table tcp, tcp6, udp or udp6
     * @param lines the table's lines, header first
     */
    static List<IpSocket> parse(String table, List<String> lines, Set<Long> ours) {
        List<IpSocket> sockets = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            long inode;
            try {
                inode = Long.parseLong(f[9]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (!ours.contains(inode)) {
                continue;
            }
            boolean udp = table.startsWith("udp");
            String remote = address(f[2]);
            sockets.add(new IpSocket(table, address(f[1]), remote.endsWith(":0") && isAny(f[2]) ? "*" : remote,
                    state(f[3], udp), inode));
        }
        return sockets;
    }

    private static boolean isAny(String hex) {
        return hex.substring(0, hex.indexOf(':')).chars().allMatch(c -> c == '0');
    }

    /** {@code 0100007F:1F90} → {@code 127.0.0.1:8080}; IPv6 as {@code [addr]:port}. */
    static String address(String hex) {
        int colon = hex.indexOf(':');
        String ip = hex.substring(0, colon);
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        // The kernel prints the address as 32-bit words in the machine's byte order (little-endian on x86 and ARM).
        byte[] bytes = new byte[ip.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(ip.substring(at, at + 2), 16);
            }
        }
        try {
            // Numeric: no name lookup. An IPv4 address mapped into IPv6 (a dual-stack socket) reads as IPv4.
            InetAddress address = InetAddress.getByAddress(bytes);
            return (address instanceof Inet6Address ? "[" + address.getHostAddress() + "]"
                    : address.getHostAddress()) + ":" + port;
        } catch (UnknownHostException e) {
            return hex;
        }
    }

    private static String state(String hex, boolean udp) {
        int code = Integer.parseInt(hex, 16);
        if (udp) {
            return code == 1 ? "CONNECTED" : "UNCONNECTED";
        }
        switch (code) {
            case 0x01: return "ESTABLISHED";
            case 0x02: return "SYN_SENT";
            case 0x03: return "SYN_RECV";
            case 0x04: return "FIN_WAIT1";
            case 0x05: return "FIN_WAIT2";
            case 0x06: return "TIME_WAIT";
            case 0x07: return "CLOSE";
            case 0x08: return "CLOSE_WAIT";
            case 0x09: return "LAST_ACK";
            case 0x0A: return "LISTEN";
            case 0x0B: return "CLOSING";
            default: return "STATE_" + hex;
        }
    }
}
