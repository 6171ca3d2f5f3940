package org.parley.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLServerSocket;
import org.parley.crypto.PartyIdentity;

/**
 * A peer endpoint over real mutual TLS that reads a request and then answers as a test tells it to
 * (headers and a withheld body, an endless body, a huge error), to test the sending side's bounds.
 */
final class HostilePeer implements AutoCloseable {
    /** What the peer does once it has read a whole request. */
    @FunctionalInterface
    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final SSLServerSocket server;
    private final Thread acceptor;

    HostilePeer(PartyIdentity who, Answer answer) throws IOException {
        server = (SSLServerSocket)
                who.sslContext().getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSSLParameters(PartyIdentity.sslParameters());
        server.setNeedClientAuth(true);
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket, answer));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private static void serve(Socket socket, Answer answer) {
        try (socket) {
            InputStream in = socket.getInputStream();
            in.readNBytes(contentLength(in));
            answer.write(socket.getOutputStream());
        } catch (IOException e) {
            // the client gave up: what the tests want
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the request head and returns its Content-Length. */
    private static int contentLength(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended inside its head");
            }
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int from = at + "\r\ncontent-length:".length();
        return Integer.parseInt(
                lower.substring(from, lower.indexOf("\r\n", from)).trim());
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
