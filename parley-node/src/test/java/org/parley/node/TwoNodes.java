package org.parley.node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Party;

/** BLUE and RED nodes in this JVM over real mutual TLS on loopback, with SQLite stores. */
final class TwoNodes implements AutoCloseable {
    static final String BLUE_OFFICER = "blue-officer";
    static final String BLUE_ADMIN = "blue-admin";
    static final String RED_OFFICER = "red-officer";
    static final String RED_SUPERVISOR = "red-supervisor";

    HotlineNode blue;
    HotlineNode red;
    final Path root;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    TwoNodes(Path root, InstantSource clock, String immediateDeadline) throws IOException {
        this.root = root;
        this.clock = clock;
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity b =
                PartyIdentity.init(root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, random);
        PartyIdentity r =
                PartyIdentity.init(root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), clock, random);
        b.trustPeerCa(Files.readAllBytes(r.directory().resolve("ca.crt")));
        r.trustPeerCa(Files.readAllBytes(b.directory().resolve("ca.crt")));
        int blueFed = DemoRun.freePort();
        int redFed = DemoRun.freePort();
        String blueTokens = "\"" + BLUE_OFFICER + "\": { operator: alice, role: DUTY_OFFICER }, \"" + BLUE_ADMIN
                + "\": { operator: root, role: ADMIN }";
        String redTokens = "\"" + RED_OFFICER + "\": { operator: li, role: DUTY_OFFICER }, \"" + RED_SUPERVISOR
                + "\": { operator: wang, role: WATCH_SUPERVISOR }";
        blue = HotlineNode.start(
                NodeConfig.load(config("blue", "BLUE", "RED", blueFed, redFed, blueTokens, immediateDeadline)),
                clock,
                random);
        red = HotlineNode.start(
                NodeConfig.load(config("red", "RED", "BLUE", redFed, blueFed, redTokens, immediateDeadline)),
                clock,
                random);
    }

    private Path config(String name, String party, String peer, int fed, int peerFed, String tokens, String deadline)
            throws IOException {
        String yaml =
                """
                party: %s
                keys: %s/keys
                store: jdbc:sqlite:%s
                federation:
                  listen: 127.0.0.1:%d
                  peer: %s
                  endpoints: [https://127.0.0.1:%d]
                operator:
                  listen: 127.0.0.1:0
                  tokens: { %s }
                linkTest: { interval: PT1H }
                ack:
                  deadlines: { IMMEDIATE: %s }
                """.formatted(party, name, root.resolve(name + "/store.db"), fed, peer, peerFed, tokens, deadline);
        Path file = root.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    OperatorClient client(HotlineNode node, String token) {
        return new OperatorClient(
                URI.create("https://127.0.0.1:" + node.operatorPort() + "/"),
                token,
                node.keysDir().resolve("ca.crt"));
    }

    /** Stops both nodes and starts them again on the same keys, stores and ports, as after a reboot. */
    void restart() {
        close();
        blue = HotlineNode.start(NodeConfig.load(root.resolve("blue.yaml")), clock, random);
        red = HotlineNode.start(NodeConfig.load(root.resolve("red.yaml")), clock, random);
    }

    @Override
    public void close() {
        red.close();
        blue.close();
    }
}
