package org.parley.track.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.testing.Corpus;
import org.parley.track.PositionReport;
import org.parley.track.adsb.AdsbReports;
import org.parley.track.ais.AisReports;

/** Real sockets on loopback, real receiver data from the shared corpus. */
class LiveFeedIT {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final InstantSource FIXED = InstantSource.fixed(T);
    private static final FeedOptions FAST = FeedOptions.DEFAULTS
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
            .withReadTimeout(Duration.ofSeconds(5));

    private final ConcurrentLinkedQueue<PositionReport> received = new ConcurrentLinkedQueue<>();

    private static FeedSpec spec(String kind, String url) {
        return FeedSpec.parse("test", kind, Optional.of(url), Optional.empty(), 1);
    }

    private static FeedSpec replay(String kind, Path file, double speed) {
        return FeedSpec.parse("replay", kind, Optional.empty(), Optional.of(file.toString()), speed);
    }

    /** What a report says about its target, without its time. */
    private static String where(PositionReport r) {
        return r.target() + " " + r.latitudeDegrees() + " " + r.longitudeDegrees() + " " + r.speedKnots() + " "
                + r.courseDegrees() + " " + r.headingDegrees() + " " + r.altitude() + " "
                + r.verticalRateFeetPerMinute() + " " + r.transponder();
    }

    private static List<String> where(List<PositionReport> reports) {
        return reports.stream().map(LiveFeedIT::where).toList();
    }

    /** The AIS corpus file read line by line through the public AisReports, every position dated T. */
    private static List<PositionReport> offlineAis(String file) {
        AisReports reports = AisReports.create();
        List<PositionReport> out = new ArrayList<>();
        for (String line : Corpus.lines(file)) {
            byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
            reports.offerReceived(b, 0, b.length, T, reason -> {}).ifPresent(out::add);
        }
        return out;
    }

    private static void await(BooleanSupplier done, Duration timeout, LiveFeed feed) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + "; " + feed.stats());
            }
            Thread.sleep(10);
        }
    }

    @Test
    void tcpAis_corpusFile_samePositionsAsOfflineDatedByClock() throws Exception {
        byte[] file = Corpus.bytes("ais/amsa_ais.part1.txt"); // AMSA's network feed, 29,799 lines
        List<PositionReport> expected = offlineAis("ais/amsa_ais.part1.txt");
        try (FeedServer server = new FeedServer((i, s, out) -> {
                    if (i == 0) {
                        out.write(file);
                    }
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(spec("ais", server.url()), FIXED, received::add, FAST)) {
            await(
                    () -> received.size() >= expected.size() && feed.stats().messages() >= 1121,
                    Duration.ofSeconds(10),
                    feed);

            assertThat(expected).hasSizeGreaterThan(100);
            assertThat(where(List.copyOf(received))).containsExactlyElementsOf(where(expected));
            assertThat(received).allSatisfy(r -> assertThat(r.time()).isEqualTo(T));
            FeedStats stats = feed.stats();
            assertThat(stats.connected()).isTrue();
            assertThat(stats.connects()).isEqualTo(1);
            assertThat(stats.positions()).isEqualTo(expected.size());
            assertThat(stats.lastMessageAt()).contains(T);
            assertThat(stats.messages()).isEqualTo(29_799);
            assertThat(stats.rejected("NOT_AIS")).isPositive(); // the feed's $GPRMC, $BSALR, ... sentences
        }
    }

    @Test
    void tcpAis_garbageHugeLineAndDropsEverySecond_countedReconnectedHeapBounded() throws Exception {
        byte[] good = Corpus.bytes("ais/dma_ais250.txt");
        int perChunk = offlineAis("ais/dma_ais250.txt").size();
        CountDownLatch measured = new CountDownLatch(1);
        FeedServer.Script script = (i, socket, out) -> {
            switch (i) {
                case 0 ->
                    out.write("hello\n!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*00\n\0\1\2\3\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                case 1 -> sendHugeLine(out, 10 << 20);
                default -> {}
            }
            out.write(good);
            out.flush();
            if (i == 1) {
                measured.await(10, TimeUnit.SECONDS); // hold the connection while the test weighs the heap
            }
            Thread.sleep(i < 3 ? 700 : 10_000); // drop the connection within a second, three times
        };
        long baseline = usedHeapAfterGc();
        try (FeedServer server = new FeedServer(script);
                LiveFeed feed = LiveFeed.start(spec("ais", server.url()), FIXED, received::add, FAST)) {
            await(() -> received.size() >= 2L * perChunk, Duration.ofSeconds(20), feed);
            long held = usedHeapAfterGc() - baseline;
            measured.countDown();
            await(() -> received.size() >= 4L * perChunk, Duration.ofSeconds(20), feed);

            FeedStats stats = feed.stats();
            assertThat(held).as("heap held while a 10 MB line went by").isLessThan(6L << 20);
            assertThat(stats.rejected("OVERLONG_LINE")).isEqualTo(1);
            assertThat(stats.rejected("BAD_CHECKSUM")).isEqualTo(1);
            assertThat(stats.rejected("NOT_AIS")).isGreaterThanOrEqualTo(2);
            assertThat(stats.connects()).isEqualTo(4);
            assertThat(stats.disconnects()).isEqualTo(3);
            assertThat(stats.connected()).isTrue();
            assertThat(received).hasSize(4 * perChunk);
            assertThat(where(List.copyOf(received)).subList(3 * perChunk, 4 * perChunk))
                    .containsExactlyElementsOf(where(offlineAis("ais/dma_ais250.txt")));
        }
    }

    private static void sendHugeLine(OutputStream out, int bytes) throws IOException {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, (byte) 'A');
        for (int sent = 0; sent < bytes; sent += chunk.length) {
            out.write(chunk);
        }
        out.write('\n');
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void twoFeedsOneSink_hostileFeedBeside_goodFeedUnaffected() throws Exception {
        byte[] good = Corpus.bytes("ais/amsa_ais.part1.txt");
        int expected = offlineAis("ais/amsa_ais.part1.txt").size();
        byte[] junk = new byte[1 << 16];
        new java.util.SplittableRandom(17).nextBytes(junk);
        try (FeedServer calm = new FeedServer((i, s, out) -> {
                    out.write(good);
                    Thread.sleep(10_000);
                });
                FeedServer hostile = new FeedServer((i, s, out) -> {
                    out.write(junk);
                    Thread.sleep(100); // and hang up
                });
                LiveFeed bad = LiveFeed.start(
                        FeedSpec.parse("bad", "ais", Optional.of(hostile.url()), Optional.empty(), 1),
                        FIXED,
                        received::add,
                        FAST);
                LiveFeed feed = LiveFeed.start(spec("ais", calm.url()), FIXED, received::add, FAST)) {
            await(
                    () -> feed.stats().positions() >= expected && bad.stats().connects() >= 3,
                    Duration.ofSeconds(20),
                    feed);

            assertThat(received).hasSize(expected);
            assertThat(bad.stats().positions()).isZero();
            assertThat(bad.stats().rejected()).isPositive();
        }
    }

    @Test
    void tcp_silentReceiver_droppedAfterReadTimeoutAndReconnected() throws Exception {
        FeedOptions impatient = FAST.withReadTimeout(Duration.ofMillis(300));
        try (FeedServer server = new FeedServer((i, s, out) -> Thread.sleep(10_000));
                LiveFeed feed = LiveFeed.start(spec("ais", server.url()), FIXED, received::add, impatient)) {
            // The feed counts a connect when its connect returns, the server when its accept thread
            // has run: wait for both (the full verify once saw the feed's third before the server's).
            await(() -> feed.stats().connects() >= 3 && server.accepted() >= 3, Duration.ofSeconds(5), feed);

            assertThat(feed.stats().disconnects()).isGreaterThanOrEqualTo(2);
            assertThat(server.accepted()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void tcp_noServerYet_retriesUntilItListens() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        byte[] good = Corpus.bytes("ais/dma_ais250.txt");
        int expected = offlineAis("ais/dma_ais250.txt").size();
        try (LiveFeed feed = LiveFeed.start(spec("ais", "tcp://127.0.0.1:" + port), FIXED, received::add, FAST)) {
            Thread.sleep(700); // several refused attempts
            assertThat(feed.stats().connects()).isZero();
            assertThat(feed.stats().connected()).isFalse();
            try (var server = new java.net.ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                try (var socket = server.accept()) {
                    socket.getOutputStream().write(good);
                    await(() -> received.size() >= expected, Duration.ofSeconds(5), feed);
                }
            }
            assertThat(feed.stats().connects()).isEqualTo(1);
        }
    }

    @Test
    void tcp_gzipOnSocket_notDecompressed() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(Corpus.bytes("ais/dma_ais250.txt"));
        }
        try (FeedServer server = new FeedServer((i, s, out) -> {
                    out.write(zipped.toByteArray());
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(spec("ais", server.url()), FIXED, received::add, FAST)) {
            await(() -> feed.stats().messages() > 0, Duration.ofSeconds(5), feed);
            Thread.sleep(200);

            assertThat(received).isEmpty();
            assertThat(feed.stats().rejected()).isEqualTo(feed.stats().messages());
        }
    }

    @Test
    void udpAis_severalLinesPerDatagram_samePositionsAsOffline() throws Exception {
        List<String> lines = Corpus.lines("ais/gpsd_sample.aivdm");
        List<PositionReport> expected = offlineAis("ais/gpsd_sample.aivdm");
        try (LiveFeed feed = LiveFeed.start(spec("ais", "udp://127.0.0.1:0"), FIXED, received::add, FAST);
                DatagramSocket sender = new DatagramSocket()) {
            await(() -> feed.localPort().isPresent(), Duration.ofSeconds(5), feed);
            InetSocketAddress to = new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), feed.localPort().getAsInt());
            for (int i = 0; i < lines.size(); i += 5) {
                // CR LF between lines, none after the last: as AIS forwarders send them
                byte[] datagram = String.join("\r\n", lines.subList(i, Math.min(i + 5, lines.size())))
                        .getBytes(StandardCharsets.ISO_8859_1);
                sender.send(new DatagramPacket(datagram, datagram.length, to));
                Thread.sleep(1);
            }
            await(() -> received.size() >= expected.size(), Duration.ofSeconds(10), feed);

            assertThat(where(List.copyOf(received))).containsExactlyElementsOf(where(expected));
            assertThat(feed.stats().messages()).isEqualTo(lines.size());
        }
    }

    @Test
    void tcpBeast_dump1090Capture_samePositionsAsOfflineAdsbFeed() throws Exception {
        byte[] capture = Corpus.bytes("adsb/traffic_sample_dump1090.bin");
        List<PositionReport> expected = new ArrayList<>();
        AdsbReports offline = new AdsbReports(AdsbDecoder.create());
        AdsbFeed.decode(
                new java.io.ByteArrayInputStream(capture),
                FeedFormat.BEAST,
                offline.decoder(),
                ts -> T,
                new AdsbFeed.Listener() {
                    @Override
                    public void result(AdsbResult result) {
                        offline.accept(result).ifPresent(expected::add);
                    }

                    @Override
                    public void record(FeedRecord record) {}
                });
        try (FeedServer server = new FeedServer((i, s, out) -> {
                    // in pieces, so that frames straddle reads
                    for (int from = 0; from < capture.length; from += 333) {
                        out.write(capture, from, Math.min(333, capture.length - from));
                        out.flush();
                    }
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(spec("beast", server.url()), FIXED, received::add, FAST)) {
            await(() -> received.size() >= expected.size(), Duration.ofSeconds(10), feed);
            Thread.sleep(100);

            assertThat(expected).isNotEmpty();
            assertThat(List.copyOf(received)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void tcpBeast_textGarbageThenCapture_garbageCountedCaptureDecoded() throws Exception {
        byte[] capture = Corpus.bytes("adsb/traffic_sample_dump1090.bin");
        List<PositionReport> expected = new ArrayList<>();
        try (FeedServer clean = new FeedServer((i, s, out) -> {
                    out.write(capture);
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(spec("beast", clean.url()), FIXED, expected::add, FAST)) {
            await(() -> feed.stats().messages() > 0 && !expected.isEmpty(), Duration.ofSeconds(10), feed);
            Thread.sleep(300);
        }
        byte[] garbage = "MSG,3,not,beast\r\n".repeat(1000).getBytes(StandardCharsets.ISO_8859_1);
        try (FeedServer server = new FeedServer((i, s, out) -> {
                    out.write(garbage);
                    out.write(capture);
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(spec("beast", server.url()), FIXED, received::add, FAST)) {
            await(() -> received.size() >= expected.size(), Duration.ofSeconds(10), feed);

            assertThat(feed.stats().rejected("BEAST_BYTES_SKIPPED")).isEqualTo(1);
            assertThat(List.copyOf(received)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void tcpSbs_baseStationLines_samePositionsAsOffline() throws Exception {
        byte[] lines = Corpus.bytes("adsb/nodesbs1_msgs.txt");
        List<PositionReport> expected = new ArrayList<>();
        AdsbReports offline = new AdsbReports(AdsbDecoder.create());
        AdsbFeed.read(new java.io.ByteArrayInputStream(lines), FeedFormat.SBS, r -> {
            if (r instanceof FeedRecord.BaseStationReport b) {
                offline.accept(b, T).ifPresent(expected::add);
            }
        });
        try (FeedServer server = new FeedServer((i, s, out) -> {
                    out.write(lines);
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(spec("sbs", server.url()), FIXED, received::add, FAST)) {
            await(() -> received.size() >= expected.size(), Duration.ofSeconds(10), feed);
            Thread.sleep(100);

            assertThat(List.copyOf(received)).containsExactlyElementsOf(expected);
            // The file's first line: MSG,3,,,4B1908,,,,,,,2525,,,33.96693,-118.25598,,,0,0,0,0
            PositionReport first = received.peek();
            assertThat(first.target()).hasToString("ICAO 4B1908");
            assertThat(first.latitudeDegrees()).isEqualTo(33.96693);
            assertThat(first.longitudeDegrees()).isEqualTo(-118.25598);
            assertThat(first.altitude().orElseThrow().altitudeFeet()).isEqualTo(2525);
            assertThat(feed.stats().messages()).isEqualTo(4184);
        }
    }

    @Test
    void tcpSbs_tenMegabyteLineFirst_countedOnceThenLinesDecoded() throws Exception {
        byte[] lines = Corpus.bytes("adsb/nodesbs1_msgs.txt");
        List<PositionReport> expected = new ArrayList<>();
        AdsbReports offline = new AdsbReports(AdsbDecoder.create());
        AdsbFeed.read(new java.io.ByteArrayInputStream(lines), FeedFormat.SBS, r -> {
            if (r instanceof FeedRecord.BaseStationReport b) {
                offline.accept(b, T).ifPresent(expected::add);
            }
        });
        try (FeedServer server = new FeedServer((i, s, out) -> {
                    sendHugeLine(out, 10 << 20);
                    out.write(lines);
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(spec("sbs", server.url()), FIXED, received::add, FAST)) {
            await(() -> received.size() >= expected.size(), Duration.ofSeconds(10), feed);

            assertThat(feed.stats().rejected("OVERLONG_LINE")).isEqualTo(1);
            assertThat(List.copyOf(received)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void replayAis_speed200_pacedByFileTimesAndRestamped() throws Exception {
        Path file = Corpus.file("ais/amsa_exact-earth-augmented.txt");
        AisReports dated = AisReports.create();
        List<PositionReport> inFile = new ArrayList<>();
        for (String line : Corpus.lines("ais/amsa_exact-earth-augmented.txt")) {
            byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
            dated.offerDated(b, 0, b.length, reason -> {}).ifPresent(inFile::add);
        }
        Instant first = inFile.get(0).time();
        Instant last = inFile.stream()
                .map(PositionReport::time)
                .max(Instant::compareTo)
                .orElseThrow();
        Duration expected = Duration.between(first, last).dividedBy(200); // 180 s of positions: 0.9 s
        InstantSource system = InstantSource.system();

        Instant started = system.instant();
        long t0 = System.nanoTime();
        try (LiveFeed feed = LiveFeed.start(replay("ais", file, 200), system, received::add, FAST)) {
            assertThat(feed.awaitFinished(expected.plusSeconds(20))).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(expected).isGreaterThan(Duration.ofMillis(500));
            assertThat(took).isBetween(expected.multipliedBy(8).dividedBy(10), expected.plusSeconds(10));
            assertThat(where(List.copyOf(received))).containsExactlyElementsOf(where(inFile));
            assertThat(received).allSatisfy(r -> assertThat(r.time()).isBetween(started, system.instant()));
            assertThat(feed.stats().finished()).isTrue();
            assertThat(feed.stats().connected()).isFalse();
        }
    }

    @Test
    void replayAis_gzipFileWithoutTimes_pacedLineByLineSamePositions(@TempDir Path dir) throws Exception {
        Path zipped = dir.resolve("dma.nmea.gz");
        try (InputStream in = Files.newInputStream(Corpus.file("ais/dma_ais250.txt"));
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            in.transferTo(out);
        }
        List<PositionReport> expected = offlineAis("ais/dma_ais250.txt");
        // 242 lines at 100 ms of file time each, 100x: about 0.24 s
        long t0 = System.nanoTime();
        try (LiveFeed feed = LiveFeed.start(replay("ais", zipped, 100), FIXED, received::add, FAST)) {
            assertThat(feed.awaitFinished(Duration.ofSeconds(20))).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(took).isBetween(Duration.ofMillis(190), Duration.ofSeconds(10));
            assertThat(where(List.copyOf(received))).containsExactlyElementsOf(where(expected));
            assertThat(feed.stats().finished()).isTrue();
        }
    }

    @Test
    void replayBeast_capture_positionsOfFileTimeDecodeRestamped() throws Exception {
        Path file = Corpus.file("adsb/traffic_sample_dump1090.bin");
        List<String> expected = new ArrayList<>();
        AdsbReports offline = new AdsbReports(AdsbDecoder.create());
        long[] firstTs = {-1};
        AdsbFeed.decode(
                Files.newInputStream(file),
                FeedFormat.BEAST,
                offline.decoder(),
                ts -> {
                    if (firstTs[0] < 0) {
                        firstTs[0] = ts;
                    }
                    return T.plusNanos((ts - firstTs[0]) * 1000 / 12);
                },
                new AdsbFeed.Listener() {
                    @Override
                    public void result(AdsbResult result) {
                        offline.accept(result).map(LiveFeedIT::where).ifPresent(expected::add);
                    }

                    @Override
                    public void record(FeedRecord record) {}
                });
        try (LiveFeed feed = LiveFeed.start(replay("beast", file, 1000), FIXED, received::add, FAST)) {
            assertThat(feed.awaitFinished(Duration.ofSeconds(20))).isTrue();

            assertThat(expected).isNotEmpty();
            assertThat(where(List.copyOf(received))).containsExactlyElementsOf(expected);
            assertThat(received).allSatisfy(r -> assertThat(r.time()).isEqualTo(T));
        }
    }

    @Test
    void replay_missingFile_finishedAndCounted(@TempDir Path dir) throws Exception {
        try (LiveFeed feed = LiveFeed.start(replay("ais", dir.resolve("none.nmea"), 1), FIXED, received::add, FAST)) {
            assertThat(feed.awaitFinished(Duration.ofSeconds(5))).isTrue();

            assertThat(feed.stats().rejected("FILE_UNREADABLE")).isEqualTo(1);
            assertThat(feed.stats().finished()).isTrue();
        }
    }

    @Test
    void sinkThatThrows_countedAndFeedGoesOn() throws Exception {
        byte[] good = Corpus.bytes("ais/dma_ais250.txt");
        int expected = offlineAis("ais/dma_ais250.txt").size();
        try (FeedServer server = new FeedServer((i, s, out) -> {
                    out.write(good);
                    Thread.sleep(10_000);
                });
                LiveFeed feed = LiveFeed.start(
                        spec("ais", server.url()),
                        FIXED,
                        r -> {
                            throw new IllegalStateException("sink broken");
                        },
                        FAST)) {
            await(() -> feed.stats().positions() >= expected, Duration.ofSeconds(5), feed);

            assertThat(feed.stats().rejected("SINK_FAILED")).isEqualTo(expected);
            assertThat(feed.stats().connects()).isEqualTo(1);
        }
    }

    @Test
    void close_connectedFeed_stopsAndSaysFinished() throws Exception {
        try (FeedServer server = new FeedServer((i, s, out) -> Thread.sleep(10_000))) {
            LiveFeed feed = LiveFeed.start(spec("ais", server.url()), FIXED, received::add, FAST);
            await(() -> feed.stats().connected(), Duration.ofSeconds(5), feed);

            feed.close();

            assertThat(feed.awaitFinished(Duration.ZERO)).isTrue();
            assertThat(feed.stats().connected()).isFalse();
            assertThat(feed.stats().finished()).isTrue();
        }
    }
}
