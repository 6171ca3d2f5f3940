package org.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for tests that must name a port before the server behind it starts. */
public final class Ports {
    private Ports() {}

    /**
     * A port that was free a moment ago (the kernel's pick for port 0). Another process can take it
     * before the test binds it; tests that can bind port 0 themselves should.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        }
    }
}
