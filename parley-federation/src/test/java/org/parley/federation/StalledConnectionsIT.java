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
import org.parley.wire.EnvelopeCodec;

/**
 * Issue 19, item 1: connections that send one byte (a TLS record type, no certificate needed) and
 * stall are closed by the endpoint within its request time; the real peer's POST goes through
 * meanwhile. The stalled sockets come from 127.0.0.2, the peer from 127.0.0.1: the connection gate
 * refuses all but {@code ConnectionLimits.FEDERATION.perAddress()} of them at once (ConnectionCapsIT);
 * those it admits are the ones whose closing is checked here.
 */
class StalledConnectionsIT {
    private static final int STALLED = 3000;
    private static TwoParties parties;

    @BeforeAll
    static void keys() throws IOException {
        parties = TwoParties.create("parley-stalled-it");
    }

    private static FederationConfig config(int listenPort, int peerPort) {
        return TwoParties.config(listenPort, Duration.ofSeconds(10), peerPort);
    }

    @Test
    void connect_3000StalledSockets_closedWithinTheRequestTimeWhileARealPostSucceeds() throws Exception {
        int redPort = freePort();
        InetSocketAddress red = new InetSocketAddress(InetAddress.getLoopbackAddress(), redPort);
        List<Socket> stalled = new ArrayList<>(STALLED);
        try (Federation redNode = Federation.start(
                config(redPort, freePort()),
                parties.red,
                new MemoryDeliveryStore(),
                TwoParties.CLOCK,
                TwoParties.RANDOM,
                new FederationListener() {})) {
            for (int i = 0; i < STALLED; i++) {
                // over the per-address limit, reset at once by the gate (comes back closed)
                stalled.add(stall(InetAddress.getByName("127.0.0.2"), red));
            }
            assertThat(redNode.address().getPort()).isEqualTo(redPort);
            long start = System.nanoTime();

            Outbound peer = TwoParties.client(parties.blue, config(0, redPort), new MemoryDeliveryStore());
            Batch.Response response = peer.post(List.of(EnvelopeCodec.frame(parties.blueFlash("through the flood"))));

            assertThat(response.results()).singleElement().isInstanceOf(Batch.Result.Receipt.class);
            Duration deadline = ServerLimits.REQUEST_TIME.plusSeconds(8);
            List<Socket> open = new ArrayList<>(stalled);
            while (!open.isEmpty()
                    && Duration.ofNanos(System.nanoTime() - start).compareTo(deadline) < 0) {
                open.removeIf(s -> closedWithin(s, Duration.ofMillis(1)));
            }
            assertThat(open)
                    .as("stalled connections still open after %s", deadline)
                    .isEmpty();
            peer.close();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
