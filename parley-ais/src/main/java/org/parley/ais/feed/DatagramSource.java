package org.parley.ais.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;

/** Lines from UDP datagrams; one datagram may carry several lines (common for AIS forwarders). */
final class DatagramSource implements LineSource {
    private final DatagramSocket socket;
    private final byte[] buffer = new byte[65_535];

    DatagramSource(DatagramSocket socket) {
        this.socket = socket;
    }

    @Override
    public void run(LineFramer framer, LineFramer.LineSink sink) throws IOException {
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                throw e;
            }
            // One datagram may hold several lines, the last without a terminator.
            framer.frame(new ByteArrayInputStream(packet.getData(), 0, packet.getLength()), packet.getLength(), sink);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
