package org.parley.ais.feed;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Lines from UDP datagrams; one datagram may carry several lines (common for AIS forwarders). */
final class DatagramSource implements LineSource {
    private final DatagramSocket socket;
    private final byte[] buffer = new byte[65_535];
    private final Deque<String> pending = new ArrayDeque<>();

    DatagramSource(DatagramSocket socket) {
        this.socket = socket;
    }

    @Override
    public @Nullable String next() throws IOException {
        while (pending.isEmpty()) {
            if (socket.isClosed()) {
                return null;
            }
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return null;
                }
                throw e;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            text.lines().forEach(pending::add);
        }
        return pending.poll();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
