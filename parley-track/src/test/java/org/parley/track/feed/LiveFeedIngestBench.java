package org.parley.track.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a test: AIS ingest through {@link LiveFeed} over loopback TCP into a counting sink, the rate
 * issue 17 asks of the watch (150,000 position reports/s). Run by {@code bench/feed-ingest.sh}.
 *
 * <p>Each of {@code feeds} servers sends an AIS recording {@code repeats} times over its own
 * connection; each feed decodes with its own decoder on its own virtual thread. Prints wall time,
 * lines and positions per second, and the process's CPU seconds (the senders, in this JVM, are
 * included: they only copy the same buffer to the socket).
 *
 * <p>Arguments: {@code file repeats feeds} (defaults: the AMSA network feed from the corpus, 100, 1).
 */
public final class LiveFeedIngestBench {
    private LiveFeedIngestBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/ais/amsa_ais.part1.txt");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int feeds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        byte[] recording = Files.readAllBytes(file);
        long linesPerCopy = recording.length == 0 ? 0 : countLines(recording);

        // Warm-up: one feed, 20 copies, so that the measured run sees compiled code.
        run(recording, 20, 1);
        System.gc();
        Result r = run(recording, repeats, feeds);
        double seconds = r.wall().toNanos() / 1e9;
        long lines = linesPerCopy * repeats * feeds;
        System.out.printf(
                "feed-ingest: %d feed(s) x %d copies of %s (%d lines, %d bytes each)%n",
                feeds, repeats, file.getFileName(), linesPerCopy, recording.length);
        System.out.printf(
                "  %,d lines, %,d positions in %.2f s wall: %,.0f lines/s, %,.0f positions/s%n",
                lines, r.positions(), seconds, lines / seconds, r.positions() / seconds);
        System.out.printf(
                "  process CPU %.2f s: %,.0f positions per CPU-second; load %.1f%n",
                r.cpuNanos() / 1e9,
                r.positions() / (r.cpuNanos() / 1e9),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private record Result(Duration wall, long positions, long cpuNanos) {}

    private static Result run(byte[] recording, int repeats, int feeds) throws Exception {
        LongAdder positions = new LongAdder();
        List<ServerSocket> servers = new ArrayList<>();
        List<LiveFeed> running = new ArrayList<>();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < feeds; i++) {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            servers.add(server);
            Thread.ofVirtual().start(() -> serve(server, recording, repeats));
            FeedSpec spec = FeedSpec.parse(
                    "bench" + i, "ais", Optional.of("tcp://127.0.0.1:" + server.getLocalPort()), Optional.empty(), 1);
            running.add(LiveFeed.start(spec, InstantSource.system(), report -> positions.increment()));
        }
        // A feed whose server has sent everything and hung up has disconnected at least once.
        for (LiveFeed feed : running) {
            while (feed.stats().disconnects() == 0) {
                Thread.sleep(5);
            }
        }
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        for (LiveFeed feed : running) {
            feed.close();
        }
        for (ServerSocket server : servers) {
            server.close();
        }
        return new Result(Duration.ofNanos(wall), positions.sum(), cpu);
    }

    private static void serve(ServerSocket server, byte[] recording, int repeats) {
        try (Socket socket = server.accept();
                OutputStream out = socket.getOutputStream()) {
            for (int i = 0; i < repeats; i++) {
                out.write(recording);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long countLines(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return b[b.length - 1] == '\n' ? n : n + 1;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
