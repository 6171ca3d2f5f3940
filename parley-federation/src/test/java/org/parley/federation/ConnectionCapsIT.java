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
import org.parley.federation.gate.ConnectionLimits;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Issue 19, item 1, connection caps: 3,000 sockets from one address (127.0.0.2, on loopback) that
 * stall after one byte take at most the per-address limit of places; every further one is closed at
 * once; a second address (127.0.0.3) still gets in, and the real peer (127.0.0.1) still delivers.
 */
class ConnectionCapsIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InstantSource CLOCK = InstantSource.system();
    private static final int STALLED = 3000;
    private static final Duration AT_ONCE = Duration.ofSeconds(2);
    private static PartyIdentity blue;
    private static PartyIdentity red;

    @BeforeAll
    static void keys() throws IOException {
        Path root = Files.createTempDirectory("parley-caps-it");
        List<String> hosts = List.of("localhost", "127.0.0.1");
        blue = PartyIdentity.init(root.resolve("blue"), Party.of("BLUE"), hosts, Optional.empty(), CLOCK, RANDOM);
        red = PartyIdentity.init(root.resolve("red"), Party.of("RED"), hosts, Optional.empty(), CLOCK, RANDOM);
        blue.pinEachOther(red);
    }

    @Test
    void connect_3000StalledFromOneAddress_cappedWhileAnotherAddressAndTheRealPeerGetIn() throws Exception {
        int redPort = freePort();
        InetSocketAddress red = new InetSocketAddress(InetAddress.getLoopbackAddress(), redPort);
        InetAddress flooder = InetAddress.getByName("127.0.0.2");
        List<Socket> sockets = new ArrayList<>(STALLED);
        try (Federation redNode = Federation.start(
                config(redPort, freePort()),
                ConnectionCapsIT.red,
                new MemoryDeliveryStore(),
                CLOCK,
                RANDOM,
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
            Outbound peer = peer(redPort);
            try {
                Batch.Response response = peer.post(List.of(EnvelopeCodec.frame(flash())));
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

    private static Socket stall(InetAddress from, InetSocketAddress to) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        try {
            socket.connect(to, 5000);
            socket.getOutputStream().write(0x16); // the first byte of a TLS handshake record, then nothing
        } catch (SocketException e) {
            // reset by the gate, even before connect() returned: closed() says so below
            socket.close();
        }
        return socket;
    }

    private static Outbound peer(int redPort) {
        return new Outbound(
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
    }

    private static FederationConfig config(int listenPort, int peerPort) {
        return FederationConfig.defaults(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort),
                        List.of(URI.create("https://127.0.0.1:" + peerPort)))
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(10));
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

    /** Whether the server closes this connection (end of stream or reset) within {@code wait}. */
    private static boolean closedWithin(Socket socket, Duration wait) {
        if (socket.isClosed()) {
            return true;
        }
        try {
            socket.setSoTimeout((int) wait.toMillis());
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        } catch (IOException e) {
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
