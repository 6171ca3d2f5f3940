package org.parley.track.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;
import org.parley.track.PositionReport;

/**
 * A UDP feed with {@code allowFrom} reads its receivers and drops everyone else: real datagram
 * sockets on loopback, senders bound to different 127.0.0.0/8 addresses, real AIS lines.
 */
class UdpAllowFromIT {
    private static final InstantSource FIXED = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

    private final ConcurrentLinkedQueue<PositionReport> received = new ConcurrentLinkedQueue<>();

    @Test
    void udpFeed_senderOutsideAllowFrom_droppedAndCountedWhileAllowedSenderIsRead() throws Exception {
        List<String> lines = Corpus.lines("ais/gpsd_sample.aivdm").subList(0, 40);
        FeedSpec spec = FeedSpec.parse("ais-udp", "ais", Optional.of("udp://127.0.0.1:0"), Optional.empty(), 1)
                .withAllowFrom(List.of("127.0.0.4/30"));
        try (LiveFeed feed = LiveFeed.start(spec, FIXED, received::add);
                DatagramSocket stranger = new DatagramSocket(loopback(1));
                DatagramSocket receiver = new DatagramSocket(loopback(5))) {
            await(() -> feed.localPort().isPresent(), feed);
            InetSocketAddress to = new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), feed.localPort().getAsInt());
            byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);

            for (int i = 0; i < 5; i++) {
                stranger.send(new DatagramPacket(all, all.length, to));
            }
            await(() -> feed.stats().rejected(LiveFeed.SENDER_NOT_ALLOWED) == 5, feed);
            assertThat(received).as("nothing from 127.0.0.1").isEmpty();
            assertThat(feed.stats().messages())
                    .as("a dropped datagram is not a message")
                    .isZero();
            assertThat(feed.stats().lastMessageAt()).isEmpty();

            receiver.send(new DatagramPacket(all, all.length, to));
            await(() -> !received.isEmpty(), feed);
            assertThat(feed.stats().messages()).isPositive();
            assertThat(feed.stats().rejected(LiveFeed.SENDER_NOT_ALLOWED)).isEqualTo(5);
        }
    }

    @Test
    void udpFeed_noAllowFrom_readsAnySender() throws Exception {
        List<String> lines = Corpus.lines("ais/gpsd_sample.aivdm").subList(0, 40);
        FeedSpec spec = FeedSpec.parse("ais-udp", "ais", Optional.of("udp://127.0.0.1:0"), Optional.empty(), 1);
        try (LiveFeed feed = LiveFeed.start(spec, FIXED, received::add);
                DatagramSocket anyone = new DatagramSocket(loopback(9))) {
            await(() -> feed.localPort().isPresent(), feed);
            byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
            anyone.send(new DatagramPacket(
                    all,
                    all.length,
                    new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), feed.localPort().getAsInt())));

            await(() -> !received.isEmpty(), feed);
            assertThat(feed.stats().rejected(LiveFeed.SENDER_NOT_ALLOWED)).isZero();
        }
    }

    /** 127.0.0.{@code last}, any port: Linux answers the whole 127.0.0.0/8 on loopback. */
    private static InetSocketAddress loopback(int last) throws java.net.UnknownHostException {
        return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last}), 0);
    }

    private static void await(BooleanSupplier done, LiveFeed feed) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out; " + feed.stats());
            }
            Thread.sleep(10);
        }
    }
}
