package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.federation.StalledSockets.closedWithin;
import static org.parley.federation.StalledSockets.stall;
import static org.parley.federation.TwoParties.freePort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.federation.gate.ConnectionLimits;
import org.parley.wire.EnvelopeCodec;

/**
 * Issue 19, item 1, connection caps: 3,000 sockets from one address (127.0.0.2, on loopback) that
 * stall after one byte take at most the per-address limit of places; every further one is closed at
 * once; a second address (127.0.0.3) still gets in, and the real peer (127.0.0.1) still delivers.
 */
class ConnectionCapsIT {
    private static final int STALLED = 3000;
    private static final Duration AT_ONCE = Duration.ofSeconds(2);
    private static TwoParties parties;

    @BeforeAll
    static void keys() throws IOException {
        parties = TwoParties.create("parley-caps-it");
    }

    @Test
    void connect_3000StalledFromOneAddress_cappedWhileAnotherAddressAndTheRealPeerGetIn() throws Exception {
        int redPort = freePort();
        InetSocketAddress red = new InetSocketAddress(InetAddress.getLoopbackAddress(), redPort);
        InetAddress flooder = InetAddress.getByName("127.0.0.2");
        List<Socket> sockets = new ArrayList<>(STALLED);
        try (Federation redNode = Federation.start(
                config(redPort, freePort()),
                parties.red,
                new MemoryDeliveryStore(),
                TwoParties.CLOCK,
                TwoParties.RANDOM,
                new FederationListener() {})) {
            assertThat(redNode.address().getPort()).isEqualTo(redPort);
            for (int i = 0; i < STALLED; i++) {
                sockets.add(stall(flooder, red));
            }
            // The gate closes a connection over the cap just after accepting it; on a loaded machine
            // the last ones may still be on their way to being closed (the full verify saw 33 once).
            long stillOpen =
                    openAfterSettling(sockets, ConnectionLimits.FEDERATION.perAddress(), Duration.ofSeconds(5));
            assertThat(stillOpen)
                    .as("connections from one address held open")
                    .isLessThanOrEqualTo(ConnectionLimits.FEDERATION.perAddress());

            long start = System.nanoTime();
            try (Socket another = stall(flooder, red)) {
                assertThat(closedWithin(another, AT_ONCE))
                        .as("a further connection from the full address is closed at once")
                        .isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
            try (Socket second = stall(InetAddress.getByName("127.0.0.3"), red)) {
                assertThat(closedWithin(second, Duration.ofMillis(500)))
                        .as("a second address is not locked out by the first")
                        .isFalse();
            }
            Outbound peer = TwoParties.client(parties.blue, config(0, redPort), new MemoryDeliveryStore());
            try {
                Batch.Response response =
                        peer.post(List.of(EnvelopeCodec.frame(parties.blueFlash("through the flood"))));
                assertThat(response.results()).singleElement().isInstanceOf(Batch.Result.Receipt.class);
            } finally {
                peer.close();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static FederationConfig config(int listenPort, int peerPort) {
        return TwoParties.config(listenPort, Duration.ofSeconds(10), peerPort);
    }

    /** How many of {@code sockets} are open, polled until at most {@code cap} are or {@code limit} has passed. */
    private static long openAfterSettling(List<Socket> sockets, int cap, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long open = sockets.stream()
                    .filter(s -> !closedWithin(s, Duration.ofMillis(1)))
                    .count();
            if (open <= cap || System.nanoTime() > deadline) {
                return open;
            }
        }
    }
}
