package org.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Scanner;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsIT {
    @Test
    void freePort_manyCalls_distinctBindablePortsBelowTheEphemeralRange() throws IOException {
        int ephemeralLow;
        try (Scanner range =
                new Scanner(Path.of("/proc/sys/net/ipv4/ip_local_port_range"), StandardCharsets.US_ASCII)) {
            ephemeralLow = range.nextInt();
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.freePort();
            assertThat(port).isBetween(10_000, ephemeralLow - 1);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void freePort_whileOutgoingConnectionsTakeEphemeralPorts_neverReturnsOneOfThem() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Set<Integer> sourcePorts = new HashSet<>();
            java.util.List<java.net.Socket> clients = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    java.net.Socket client =
                            new java.net.Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    clients.add(client);
                    sourcePorts.add(client.getLocalPort());
                }
                for (int i = 0; i < 50; i++) {
                    assertThat(sourcePorts).doesNotContain(Ports.freePort());
                }
            } finally {
                for (java.net.Socket client : clients) {
                    client.close();
                }
            }
        }
    }
}
