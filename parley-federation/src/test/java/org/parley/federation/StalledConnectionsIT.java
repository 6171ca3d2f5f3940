package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Issue 19, item 1: connections that send one byte (a TLS record type, no certificate needed) and
 * stall are closed by the endpoint within its request time; the real peer's POST goes through
 * meanwhile. The stalled sockets come from 127.0.0.2, the peer from 127.0.0.1: the connection gate
 * refuses all but {@code ConnectionLimits.FEDERATION.perAddress()} of them at once (ConnectionCapsIT);
 * those it admits are the ones whose closing is checked here.
 */
class StalledConnectionsIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InstantSource CLOCK = InstantSource.system();
    private static final int STALLED = 3000;
    private static PartyIdentity blue;
    private static PartyIdentity red;

    @BeforeAll
    static void keys() throws IOException {
        Path root = Files.createTempDirectory("parley-stalled-it");
        List<String> hosts = List.of("localhost", "127.0.0.1");
        blue = PartyIdentity.init(root.resolve("blue"), Party.of("BLUE"), hosts, Optional.empty(), CLOCK, RANDOM);
        red = PartyIdentity.init(root.resolve("red"), Party.of("RED"), hosts, Optional.empty(), CLOCK, RANDOM);
        blue.pinEachOther(red);
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static FederationConfig config(int listenPort, int peerPort) {
        return FederationConfig.defaults(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort),
                        List.of(URI.create("https://127.0.0.1:" + peerPort)))
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    @Test
    void connect_3000StalledSockets_closedWithinTheRequestTimeWhileARealPostSucceeds() throws Exception {
        int redPort = freePort();
        List<Socket> stalled = new ArrayList<>(STALLED);
        try (Federation redNode = Federation.start(
                config(redPort, freePort()),
                red,
                new MemoryDeliveryStore(),
                CLOCK,
                RANDOM,
                new FederationListener() {})) {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), redPort), 5000);
                    socket.getOutputStream().write(0x16); // the first byte of a TLS handshake record, then nothing
                } catch (SocketException e) {
                    socket.close(); // reset at once by the gate (over the per-address limit)
                }
                stalled.add(socket);
            }
            assertThat(redNode.address().getPort()).isEqualTo(redPort);
            long start = System.nanoTime();

            Outbound peer = new Outbound(
                    config(0, redPort),
                    blue.sslContext(),
                    blue.signer(),
                    List.of(blue.signer().certificatePem()),
                    blue.verifier(),
                    new MemoryDeliveryStore(),
                    CLOCK,
                    RANDOM,
                    new FederationListener() {},
                    new CryptoPool(1),
                    new OutboxSignal());
            Batch.Response response = peer.post(List.of(EnvelopeCodec.frame(flash())));

            assertThat(response.results()).singleElement().isInstanceOf(Batch.Result.Receipt.class);
            Duration deadline = ServerLimits.REQUEST_TIME.plusSeconds(8);
            List<Socket> open = new ArrayList<>(stalled);
            while (!open.isEmpty()
                    && Duration.ofNanos(System.nanoTime() - start).compareTo(deadline) < 0) {
                open.removeIf(StalledConnectionsIT::closedByServer);
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

    private static org.parley.wire.SignedEnvelope flash() {
        Envelope envelope = Envelope.builder(CLOCK, RANDOM)
                .from(blue.party())
                .to(red.party())
                .precedence(Precedence.FLASH)
                .category(Category.SAFETY)
                .payload(new Payload.Text("through the flood"))
                .signer(blue.signer().keyId())
                .build();
        return blue.signer().sign(envelope);
    }

    /** Whether the server has closed this connection (end of stream or reset); waits at most 1 ms. */
    private static boolean closedByServer(Socket socket) {
        if (socket.isClosed()) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        } catch (IOException e) {
            return true;
        }
    }
}
