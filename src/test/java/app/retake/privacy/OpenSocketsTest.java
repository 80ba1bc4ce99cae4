package app.retake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The socket check reads what the operating system says, so it sees sockets however they were opened. */
class OpenSocketsTest {

    @Test
    void procTableRowsAreDecodedIntoAddressesAndStates() {
        List<String> tcp = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:2231 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1",
                "   1: 0100007F:A1B2 0100007F:2231 01 00000000:00000000 00:00000000 00000000     0        0 4243 1",
                "   2: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 999 1");
        List<OpenSockets.IpSocket> ours = OpenSockets.parse("tcp", tcp, Set.of(4242L, 4243L));
        assertThat(ours).extracting(Object::toString).containsExactly(
                "tcp 127.0.0.1:8753 -> * LISTEN", "tcp 127.0.0.1:41394 -> 127.0.0.1:8753 ESTABLISHED");
        List<String> tcp6 = List.of("header",
                "   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 0:0 0:0 0 0 0 "
                        + "77 1");
        assertThat(OpenSockets.parse("tcp6", tcp6, Set.of(77L))).extracting(OpenSockets.IpSocket::local)
                .containsExactly("[0:0:0:0:0:0:0:1]:8080");
        List<String> udp = List.of("header",
                "  12: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 55 2");
        assertThat(OpenSockets.parse("udp", udp, Set.of(55L))).extracting(OpenSockets.IpSocket::state)
                .containsExactly("UNCONNECTED");
    }

    @Test
    void aListeningSocketAConnectionAndAUdpSocketAreSeenAndGoneOnceClosed() throws Exception {
        Assumptions.assumeTrue(OpenSockets.supported(), "listing a process's sockets needs Linux");
        int port;
        int udpPort;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = server.getLocalPort();
            udpPort = udp.getLocalPort();
            List<OpenSockets.IpSocket> open = OpenSockets.list().orElseThrow();
            assertThat(open).anyMatch(s -> s.state().equals("LISTEN") && s.local().endsWith(":" + port));
            assertThat(open).anyMatch(s -> s.state().equals("ESTABLISHED") && s.remote().endsWith(":" + port));
            assertThat(open).anyMatch(s -> s.protocol().startsWith("udp") && s.local().endsWith(":" + udpPort));
        }
        assertThat(OpenSockets.list().orElseThrow()).noneMatch(s -> s.local().endsWith(":" + port)
                || s.remote().endsWith(":" + port) || s.local().endsWith(":" + udpPort));
    }

    @Test
    void theWatchReportsASocketOpenedWhileItRunsWithTheStep() throws Exception {
        Assumptions.assumeTrue(OpenSockets.supported(), "listing a process's sockets needs Linux");
        try (NetworkWatch watch = NetworkWatch.start(Duration.ofMillis(5)).orElseThrow()) {
            assertThat(watch.check("quiet")).isEmpty();
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                assertThat(watch.check("opening a port")).hasSize(1);
                assertThat(watch.sightings()).singleElement().satisfies(s -> {
                    assertThat(s.step()).isEqualTo("opening a port");
                    assertThat(s.socket().local()).endsWith(":" + server.getLocalPort());
                });
            }
            assertThat(watch.check("closed")).isEmpty();
            assertThat(watch.looks()).isGreaterThanOrEqualTo(3);
        }
    }
}
