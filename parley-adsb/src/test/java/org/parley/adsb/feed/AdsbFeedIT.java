package org.parley.adsb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;

/** A receiver's Beast port on loopback, read through {@link AdsbFeed#connect}. */
class AdsbFeedIT {
    @Test
    void connect_beastPortOnLoopback_readsEveryFrame() throws Exception {
        byte[] capture = Files.readAllBytes(Corpus.file("adsb/traffic_sample_dump1090.bin"));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sender = pool.submit(() -> {
                try (Socket client = server.accept();
                        OutputStream out = client.getOutputStream()) {
                    // Dribble the stream in small writes so frames straddle reads.
                    for (int i = 0; i < capture.length; i += 97) {
                        out.write(capture, i, Math.min(97, capture.length - i));
                        out.flush();
                    }
                }
                return null;
            });
            List<FeedRecord> records = new ArrayList<>();
            try (Socket socket = AdsbFeed.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5))) {
                socket.setSoTimeout(10_000);
                AdsbFeed.read(socket.getInputStream(), FeedFormat.BEAST, records::add);
            } catch (IOException e) {
                throw new AssertionError("reading the loopback feed failed", e);
            }
            sender.get();
            assertThat(records).hasSize(239).allSatisfy(r -> assertThat(r).isInstanceOf(FeedRecord.Frame.class));
        }
    }
}
