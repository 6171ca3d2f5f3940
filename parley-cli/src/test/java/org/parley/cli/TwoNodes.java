package org.parley.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Ports;
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
        b.pinEachOther(r);
        int blueFed = Ports.freePort();
        int redFed = Ports.freePort();
        Path blueConfig = NodeConfigFile.of("BLUE", "RED")
                .keys("blue/keys")
                .sqlite(root.resolve("blue/store.db"))
                .federation(blueFed, redFed)
                .token(BLUE_OFFICER, "alice", "DUTY_OFFICER")
                .token(BLUE_ADMIN, "root", "ADMIN")
                .immediateDeadline(immediateDeadline)
                .write(root.resolve("blue.yaml"));
        Path redConfig = NodeConfigFile.of("RED", "BLUE")
                .keys("red/keys")
                .sqlite(root.resolve("red/store.db"))
                .federation(redFed, blueFed)
                .token(RED_OFFICER, "li", "DUTY_OFFICER")
                .token(RED_SUPERVISOR, "wang", "WATCH_SUPERVISOR")
                .immediateDeadline(immediateDeadline)
                .write(root.resolve("red.yaml"));
        blue = HotlineNode.start(NodeConfig.load(blueConfig), clock, random);
        red = HotlineNode.start(NodeConfig.load(redConfig), clock, random);
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

    /** Stops RED alone (BLUE keeps running and keeps trying to deliver to it). */
    void stopRed() {
        red.close();
    }

    /** Starts RED again on the same keys, store and ports, after {@link #stopRed}. */
    void startRed() {
        red = HotlineNode.start(NodeConfig.load(root.resolve("red.yaml")), clock, random);
    }

    @Override
    public void close() {
        red.close();
        blue.close();
    }
}
