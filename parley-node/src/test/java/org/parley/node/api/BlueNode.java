package org.parley.node.api;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.parley.crypto.PartyIdentity;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Ports;
import org.parley.testing.TestClock;
import org.parley.wire.Party;

/**
 * The operator API ITs' node: BLUE on SQLite with RED's CA trusted (no RED runs; its federation
 * endpoint is a free port nobody answers), and an HTTPS client that trusts BLUE's party CA.
 */
record BlueNode(NodeConfig config, HotlineNode node, HttpClient http) implements AutoCloseable {

    /** Starts BLUE in {@code root} on {@code clock}; {@code tokens} adds its operator tokens to node.yaml. */
    static BlueNode start(Path root, TestClock clock, UnaryOperator<NodeConfigFile> tokens) throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, random);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), clock, random);
        blue.trustPeerCa(Files.readAllBytes(red.directory().resolve("ca.crt")));
        Path file = tokens.apply(NodeConfigFile.of("BLUE", "RED")
                        .keys("blue/keys")
                        .sqlite(root.resolve("blue/store.db"))
                        .federation(Ports.freePort(), Ports.freePort()))
                .write(root.resolve("blue.yaml"));
        NodeConfig config = NodeConfig.load(file);
        HotlineNode node = HotlineNode.start(config, clock, random);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trusting(node.keysDir().resolve("ca.crt")))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new BlueNode(config, node, http);
    }

    @Override
    public void close() {
        node.close();
    }

    /** A TLS 1.3 context that trusts only this CA certificate. */
    private static SSLContext trusting(Path caCertificate) throws Exception {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(
                    "party-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        }
    }
}
