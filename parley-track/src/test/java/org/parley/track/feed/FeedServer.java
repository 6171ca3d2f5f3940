package org.parley.track.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback TCP server that plays one script per accepted connection, as a receiver would. */
final class FeedServer implements AutoCloseable {
    /** What the server does with its {@code index}-th connection (0-based). */
    @FunctionalInterface
    interface Script {
        void play(int index, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();

    FeedServer(Script script) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("feed-server").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    int index = accepted.getAndIncrement();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            script.play(index, socket, socket.getOutputStream());
                        } catch (IOException | InterruptedException e) {
                            // the feed hung up or the test ended
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
