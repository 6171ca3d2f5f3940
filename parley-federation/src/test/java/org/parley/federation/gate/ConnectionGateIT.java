package org.parley.federation.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gate holds the limits it is given, not fixed ones (node.yaml {@code federation.connections},
 * {@code operator.connections}): real sockets on loopback, a backend that greets each relayed
 * connection, so an admitted client reads the greeting and a refused one reads a reset or the end.
 */
class ConnectionGateIT {
    private final List<Socket> clients = new ArrayList<>();
    private final List<Socket> accepted = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void open_configuredLimits_admitsUpToThemAndResetsTheRest() throws Exception {
        try (ServerSocket backend = greetingBackend();
                ConnectionGate gate = ConnectionGate.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        (InetSocketAddress) backend.getLocalSocketAddress(),
                        ConnectionLimits.of("x.perPort", 3, "x.perAddress", 2),
                        "test")) {
            assertThat(admitted(gate, "127.0.0.1")).isTrue();
            assertThat(admitted(gate, "127.0.0.1")).isTrue();
            assertThat(admitted(gate, "127.0.0.1"))
                    .as("third from one address, perAddress 2")
                    .isFalse();
            assertThat(admitted(gate, "127.0.0.2"))
                    .as("another address has its own count")
                    .isTrue();
            assertThat(admitted(gate, "127.0.0.3")).as("perPort 3 reached").isFalse();

            assertThat(gate.openConnections()).isEqualTo(3);
            assertThat(gate.refusedConnections()).isEqualTo(2);
        }
    }

    private boolean admitted(ConnectionGate gate, String from) throws IOException {
        Socket client = new Socket();
        clients.add(client);
        client.bind(new InetSocketAddress(from, 0));
        try {
            // The gate's reset can reach the client before its connect has returned (seen under load).
            client.connect(gate.address(), 5_000);
            client.setSoTimeout(5_000);
            return client.getInputStream().read() == 'h';
        } catch (java.net.SocketException reset) {
            return false;
        }
    }

    private ServerSocket greetingBackend() throws IOException {
        ServerSocket backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!backend.isClosed()) {
                try {
                    Socket s = backend.accept();
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("hello".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        });
        return backend;
    }
}
