package org.parley.cli.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A peer endpoint that is up at the TCP level but useless: it accepts connections and then either
 * never sends a byte, or trickles a plausible TLS record header one byte at a time (so the client's
 * TLS engine keeps waiting for more instead of failing at once).
 */
final class StalledPeer implements AutoCloseable {
    /** A TLS handshake record header (type 22, TLS 1.2 record version, length 16384), then zeros. */
    private static final byte[] TRICKLE = {0x16, 0x03, 0x03, 0x40, 0x00};

    private final ServerSocket server;
    private final Duration byteEvery;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** {@code byteEvery} zero: never answer; else one byte each {@code byteEvery}. */
    StalledPeer(String host, Duration byteEvery) throws IOException {
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(host, 0));
        this.byteEvery = byteEvery;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return accepted.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.add(s);
                if (!byteEvery.isZero()) {
                    Thread.ofVirtual().start(() -> trickle(s));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void trickle(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            for (int i = 0; !s.isClosed(); i++) {
                Thread.sleep(byteEvery);
                out.write(i < TRICKLE.length ? TRICKLE[i] : 0);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up on us: that is the point
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
