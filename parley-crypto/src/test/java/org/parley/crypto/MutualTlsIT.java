package org.parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.TestClock;
import org.parley.wire.Party;

/** Real TLS 1.3 sockets on loopback between two parties' contexts. */
class MutualTlsIT {

    private record Handshake(String protocol, Party peerSeenByServer, Party peerSeenByClient, String cipherSuite) {}

    private static Handshake handshake(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket)
                server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSSLParameters(PartyIdentity.sslParameters());
            listener.setSoTimeout(10_000);
            CompletableFuture<Party> serverSide = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                    Party peer = PartyIdentity.peerPartyOf(accepted.getSession());
                    accepted.getOutputStream().write(1);
                    return peer;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket)
                    client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                javax.net.ssl.SSLParameters parameters = PartyIdentity.sslParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                int read = socket.getInputStream().read();
                assertThat(read).isEqualTo(1);
                return new Handshake(
                        socket.getSession().getProtocol(),
                        serverSide.get(10, TimeUnit.SECONDS),
                        PartyIdentity.peerPartyOf(socket.getSession()),
                        socket.getSession().getCipherSuite());
            }
        }
    }

    @Test
    void handshake_pinnedPeers_negotiateTls13AndSeeEachOthersParty() throws Exception {
        Handshake result =
                handshake(Fixtures.blue().sslContext(), Fixtures.red().sslContext());

        assertThat(result.protocol()).isEqualTo("TLSv1.3");
        assertThat(result.peerSeenByServer()).isEqualTo(Fixtures.RED);
        assertThat(result.peerSeenByClient()).isEqualTo(Fixtures.BLUE);
        assertThat(result.cipherSuite()).startsWith("TLS_");
    }

    @Test
    void handshake_clientOfAnUnpinnedCa_isRefused(@TempDir Path dir) throws Exception {
        // GREEN pins BLUE's CA, but BLUE has pinned RED only: BLUE's server must refuse GREEN.
        PartyIdentity green = PartyIdentity.init(
                dir.resolve("g"),
                Party.of("GREEN"),
                List.of("localhost"),
                Optional.empty(),
                new TestClock(Fixtures.NOW),
                Fixtures.RANDOM);
        green.trustPeerCa(Files.readAllBytes(Fixtures.blue().directory().resolve("ca.crt")));

        assertThatThrownBy(() -> handshake(Fixtures.blue().sslContext(), green.sslContext()))
                .isInstanceOfAny(IOException.class, java.util.concurrent.ExecutionException.class);
    }

    @Test
    void handshake_clientCertificateFromPinnedCaButWrongParty_isRefused() throws Exception {
        // BLUE's own CA issues a node certificate naming GREEN: right CA, wrong party.
        Path blueDir = Fixtures.blue().directory();
        X509Certificate blueCa = KeyFiles.readCertificate(blueDir.resolve("ca.crt"));
        KeyPair node = Certificates.p256(Fixtures.RANDOM);
        X509Certificate wrongParty = Certificates.issueTls(
                Party.of("GREEN"),
                node.getPublic(),
                blueCa,
                KeyFiles.readPrivateKey(blueDir.resolve("ca.key"), Optional.empty()),
                List.of("localhost"),
                java.time.Instant.now(),
                Fixtures.RANDOM);
        SSLContext client = MutualTls.context(
                node.getPrivate(),
                wrongParty,
                blueCa,
                KeyFiles.readCertificate(Fixtures.red().directory().resolve("ca.crt")),
                Fixtures.RED,
                Fixtures.RANDOM);

        assertThatThrownBy(() -> handshake(Fixtures.red().sslContext(), client))
                .isInstanceOfAny(IOException.class, java.util.concurrent.ExecutionException.class);
    }

    @Test
    void handshake_expiredClientCertificate_isRefused(@TempDir Path dir) throws Exception {
        // Keys made three years ago: the CA (10 years) is still valid, the node certificate (2 years) is not.
        TestClock past = new TestClock(java.time.Instant.now().minus(java.time.Duration.ofDays(3 * 365)));
        PartyIdentity oldBlue = PartyIdentity.init(
                dir.resolve("old-blue"),
                Party.of("BLUE"),
                List.of("localhost"),
                Optional.empty(),
                past,
                Fixtures.RANDOM);
        PartyIdentity red = PartyIdentity.init(
                dir.resolve("red"),
                Party.of("RED"),
                List.of("localhost"),
                Optional.empty(),
                new TestClock(java.time.Instant.now()),
                Fixtures.RANDOM);
        oldBlue.pinEachOther(red);

        assertThatThrownBy(() -> handshake(red.sslContext(), oldBlue.sslContext()))
                .isInstanceOfAny(IOException.class, java.util.concurrent.ExecutionException.class);
    }
}
