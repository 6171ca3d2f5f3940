package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.testing.Ports;
import org.parley.wire.Party;

/**
 * {@link HotlineNode#start} on a real SQLite file and real sockets: a step that fails leaves nothing
 * of the earlier steps behind (no thread, no listening socket, no open database file).
 */
class HotlineNodeIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path root;

    private Path database;

    @BeforeEach
    void keys() {
        List<String> hosts = List.of("localhost", "127.0.0.1");
        InstantSource clock = InstantSource.system();
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, RANDOM);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red-keys"), Party.of("RED"), hosts, Optional.empty(), clock, RANDOM);
        blue.pinEachOther(red);
        database = root.resolve("store.db");
    }

    @Test
    void start_operatorPortTaken_failsAndLeavesNoThreadSocketOrDatabaseOpen() throws IOException {
        int federationPort = Ports.freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeConfig config = config(federationPort, taken.getLocalPort());
            Set<Thread> before = Thread.getAllStackTraces().keySet();

            assertThatThrownBy(() -> HotlineNode.start(config, InstantSource.system(), RANDOM))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on");

            assertNothingLeft(before);
            // The federation endpoint (started before the API failed) gave its port back.
            try (ServerSocket again = new ServerSocket(federationPort, 1, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(federationPort);
            }
        }
    }

    @Test
    void start_federationPortTaken_failsAndClosesTheStore() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeConfig config = config(taken.getLocalPort(), 0);
            Set<Thread> before = Thread.getAllStackTraces().keySet();

            assertThatThrownBy(() -> HotlineNode.start(config, InstantSource.system(), RANDOM))
                    .hasMessageContaining("cannot listen on");

            assertNothingLeft(before);
        }
    }

    @Test
    void close_startedNode_leavesNoThreadOrDatabaseOpen() throws IOException {
        NodeConfig config = config(Ports.freePort(), 0);
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        HotlineNode node = HotlineNode.start(config, InstantSource.system(), RANDOM);
        assertThat(openFilesUnder(root))
                .as("a running node holds its database open")
                .isNotEmpty();
        node.close();

        assertNothingLeft(before);
    }

    private void assertNothingLeft(Set<Thread> before) {
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(newThreads(before)).as("threads started by the node").isEmpty();
            assertThat(openFilesUnder(root)).as("files the node left open").isEmpty();
        });
    }

    private NodeConfig config(int federationPort, int operatorPort) throws IOException {
        return NodeConfig.load(NodeConfigFile.of("BLUE", "RED")
                .keys("keys")
                .sqlite(database)
                .federation(federationPort, Ports.freePort())
                .operator(operatorPort)
                .token("t0ken", "alice", "DUTY_OFFICER")
                .write(root.resolve("node.yaml")));
    }

    /** Threads the JDK starts once on first use and keeps for the JVM's life, whoever caused them. */
    private static final Set<String> JVM_WIDE = Set.of("process reaper", "VirtualThread-unblocker");

    /**
     * Platform threads alive now that were not before, leaving out the JDK's own: the carriers of
     * virtual threads and the JVM-wide helpers above.
     */
    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> !name.startsWith("ForkJoinPool") && !JVM_WIDE.contains(name))
                .toList();
    }

    /** Files under {@code dir} this JVM has open, read from /proc/self/fd (Linux). */
    private static List<String> openFilesUnder(Path dir) throws IOException {
        String prefix = dir.toRealPath().toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.flatMap(fd -> {
                        try {
                            return Stream.of(Files.readSymbolicLink(fd).toString());
                        } catch (IOException e) {
                            return Stream.empty(); // closed while we listed
                        }
                    })
                    .filter(target -> target.startsWith(prefix))
                    .toList();
        }
    }
}
