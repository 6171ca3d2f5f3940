package org.parley.ais.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.parley.ais.AisDecoder;
import org.parley.testing.Corpus;

/** Real sockets on loopback: a TCP server we connect to, and UDP datagrams we listen for. */
class AisFeedIT {
    private static final List<String> LINES = Corpus.lines("ais/pyais_messages.ais");

    @Test
    void run_tcpServer_decodesEveryLineItSends() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept();
                        OutputStream out = s.getOutputStream()) {
                    out.write((String.join("\r\n", LINES) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Integer> got = new CopyOnWriteArrayList<>();
            try (AisFeed feed = AisFeed.tcp("127.0.0.1", server.getLocalPort(), AisDecoder.create())) {
                feed.run(d -> got.add(d.message().mmsi()));
            }
            sender.join();
            assertThat(got).hasSize(6);
        }
    }

    @Test
    void run_tcpServerSendingGzip_notInflated() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write((String.join("\n", LINES) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept();
                        OutputStream out = s.getOutputStream()) {
                    out.write(zipped.toByteArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Integer> got = new CopyOnWriteArrayList<>();
            try (AisFeed feed = AisFeed.tcp("127.0.0.1", server.getLocalPort(), AisDecoder.create())) {
                feed.run(d -> got.add(d.message().mmsi()));
                assertThat(feed.lineCount()).isPositive();
            }
            sender.join();
            assertThat(got).isEmpty();
        }
    }

    @Test
    void run_udpDatagrams_decodesLinesAndStopsOnClose() throws Exception {
        List<Integer> got = new CopyOnWriteArrayList<>();
        AisFeed feed = AisFeed.udp(0, AisDecoder.create());
        Thread reader =
                Thread.ofVirtual().start(() -> feed.run(d -> got.add(d.message().mmsi())));
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] all = String.join("\n", LINES).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20 && got.size() < 6; i++) {
                got.clear();
                socket.send(new DatagramPacket(all, all.length, InetAddress.getLoopbackAddress(), feed.localPort()));
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        feed.close();
        reader.join(5_000);
        assertThat(got).hasSizeGreaterThanOrEqualTo(6);
        assertThat(reader.isAlive()).isFalse();
    }
}
