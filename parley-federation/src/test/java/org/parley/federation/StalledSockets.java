package org.parley.federation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Connections that send one byte and stall, and a check that the server closed them, for the gate ITs. */
final class StalledSockets {
    private StalledSockets() {}

    /**
     * Connects from {@code from} to {@code to} and sends the first byte of a TLS handshake record,
     * then nothing. A connection the gate resets, even before connect() returned, comes back closed.
     */
    static Socket stall(InetAddress from, InetSocketAddress to) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        try {
            socket.connect(to, 5000);
            socket.getOutputStream().write(0x16);
        } catch (SocketException e) {
            socket.close(); // reset by the gate: closedWithin() says so
        }
        return socket;
    }

    /** Whether the server closes this connection (end of stream or reset) within {@code wait}. */
    static boolean closedWithin(Socket socket, Duration wait) {
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
}
