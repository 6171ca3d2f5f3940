package org.parley.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.encode.AisEncoder;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Ports;
import org.parley.wire.Party;

/**
 * The live watch measured (issue 17.6); run by {@code bench/watch-latency.sh}. Two modes:
 *
 * <p>{@code latency PAIRS}: two nodes on loopback (SQLite); BLUE's watch reads an AIS feed over TCP
 * carrying real AIS background (a shared corpus file, looped at about 2,000 lines/s) and {@code PAIRS}
 * bow crossings (US destroyer northbound at 15 kn, Chinese destroyer westbound at 20 kn, 150 yd
 * ahead), started 2 s apart at different places. For each, the latency is RED's receive time of
 * the HOTLINE FLASH minus the time of BLUE's HOTLINE change, which is the arrival time of the report
 * that confirmed HOTLINE (live reports are dated on arrival by the node's clock).
 *
 * <p>{@code ingest SHIPS SECONDS}: one node's watch fed as fast as loopback TCP goes with a fleet of
 * {@code SHIPS} ships spread over the oceans, each report a Class A position moving at 5 kn; prints
 * reports applied per second, the feed lag and the process CPU.
 */
public final class WatchBench {
    private static final String TOKEN = "bench-token";
    private static final double KNOT = 1852.0 / 3600;
    private static final double METRES_PER_DEGREE = 111_320;

    private WatchBench() {}

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("watch-bench");
        String mode = args.length > 0 ? args[0] : "latency";
        switch (mode) {
            case "latency" -> latency(root, args.length > 1 ? Integer.parseInt(args[1]) : 30, Path.of(args[2]));
            case "ingest" -> ingest(root, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("mode is latency or ingest: " + mode);
        }
        System.exit(0);
    }

    // --- latency -----------------------------------------------------------------------

    private static void latency(Path root, int pairs, Path background) throws Exception {
        List<String> lines = Files.readAllLines(background).stream()
                .filter(l -> l.startsWith("!AIVDM"))
                .toList();
        Instant start = Instant.now().plusSeconds(10);
        try (Server server = new Server(out -> latencyStream(out, lines, pairs, start))) {
            Nodes nodes = new Nodes(root, server.port());
            try (nodes) {
                Duration run = Duration.ofSeconds(2L * pairs + 120);
                Thread.sleep(run.toMillis());
                List<Double> latencies = new ArrayList<>();
                for (JsonNode i :
                        nodes.blue().get("api/v1/incidents?limit=1000").path("incidents")) {
                    JsonNode detail =
                            nodes.blue().get("api/v1/incidents/" + i.path("id").asText());
                    Optional<Instant> hotlineAt = changeTime(detail, "HOTLINE");
                    Optional<String> envelope = envelope(detail, "HOTLINE");
                    if (hotlineAt.isPresent() && envelope.isPresent()) {
                        JsonNode atRed = nodes.red().get("api/v1/messages/" + envelope.get());
                        Instant received =
                                Instant.parse(atRed.path("receivedAt").asText());
                        latencies.add(
                                Duration.between(hotlineAt.get(), received).toNanos() / 1e6);
                    }
                }
                report(pairs, latencies);
            }
        }
    }

    private static Optional<Instant> changeTime(JsonNode incident, String level) {
        for (JsonNode c : incident.path("changes")) {
            if (c.path("level").asText().equals(level)) {
                return Optional.of(Instant.parse(c.path("time").asText()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> envelope(JsonNode incident, String level) {
        for (JsonNode n : incident.path("notices")) {
            if (n.path("level").asText().equals(level) && n.has("envelope")) {
                return Optional.of(n.path("envelope").asText());
            }
        }
        return Optional.empty();
    }

    private static void report(int pairs, List<Double> latencies) {
        latencies.sort(Double::compare);
        System.out.printf(Locale.ROOT, "bow crossings: %d, HOTLINE FLASH stored at RED: %d%n", pairs, latencies.size());
        if (latencies.isEmpty()) {
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "report-to-FLASH-at-RED ms: min %.1f p50 %.1f p90 %.1f p99 %.1f max %.1f%n",
                latencies.get(0),
                pct(latencies, 50),
                pct(latencies, 90),
                pct(latencies, 99),
                latencies.get(latencies.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Background lines every 50 ms (about 2,000 a second), and each crossing's two ships every 2 s. */
    private static void latencyStream(OutputStream out, List<String> background, int pairs, Instant start)
            throws IOException, InterruptedException {
        int next = 0;
        Instant nextReports = Instant.now();
        while (true) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                batch.append(background.get(next)).append("\r\n");
                next = (next + 1) % background.size();
            }
            Instant now = Instant.now();
            if (!now.isBefore(nextReports)) {
                for (int p = 0; p < pairs; p++) {
                    double s = Duration.between(start.plusSeconds(2L * p), now).toMillis() / 1000.0;
                    if (s >= 0 && s <= 200) {
                        crossing(batch, p, s);
                    }
                }
                nextReports = nextReports.plusSeconds(2);
            }
            out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(50);
        }
    }

    /** Pair {@code p} {@code s} seconds into its run: crossing 150 yd ahead at 80 s. */
    private static void crossing(StringBuilder batch, int p, double s) {
        double lat = 10 + 0.2 * (p % 40);
        double lon = 115 + 0.3 * Math.floorDiv(p, 40);
        double cross = 80;
        ship(batch, 369_900_000 + p, lat, lon, 15 * KNOT * (s - cross), 0, 15, 0);
        ship(batch, 412_900_000 + p, lat, lon, 150 * 0.9144, 20 * KNOT * (cross - s), 20, 270);
    }

    private static void ship(
            StringBuilder batch,
            int mmsi,
            double lat0,
            double lon0,
            double north,
            double east,
            double knots,
            double course) {
        double lat = lat0 + north / METRES_PER_DEGREE;
        double lon = lon0 + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0)));
        for (String line : AisEncoder.encode(classA(mmsi, lat, lon, knots, course), 'A', 0)) {
            batch.append(line).append("\r\n");
        }
    }

    private static ClassAPositionReport classA(int mmsi, double lat, double lon, double knots, double course) {
        return new ClassAPositionReport(
                1,
                0,
                mmsi,
                0,
                -128,
                (int) Math.round(knots * 10),
                false,
                (int) Math.round(lon * 600_000),
                (int) Math.round(lat * 600_000),
                (int) Math.round(course * 10) % 3600,
                (int) Math.round(course) % 360,
                60,
                0,
                0,
                false,
                0);
    }

    // --- ingest ------------------------------------------------------------------------

    private static void ingest(Path root, int ships, int seconds) throws Exception {
        int rounds = 8;
        System.out.printf(Locale.ROOT, "encoding %d ships x %d rounds...%n", ships, rounds);
        byte[][] round = fleet(ships, rounds);
        AtomicBoolean going = new AtomicBoolean(true);
        try (Server server = new Server(out -> {
            for (int r = 0; going.get(); r = (r + 1) % rounds) {
                out.write(round[r]);
            }
        })) {
            Nodes nodes = new Nodes(root, server.port());
            try (nodes) {
                OperatorClient blue = nodes.blue();
                Thread.sleep(10_000); // warm-up: JIT, the fleet's tracks
                long cpu0 = cpuNanos();
                long reports0 = metric(blue.text("metrics"), "parley_watch_reports_total");
                Instant t0 = Instant.now();
                double worstLag = 0;
                for (int s = 0; s < seconds; s++) {
                    Thread.sleep(1_000);
                    worstLag = Math.max(worstLag, lag(blue.text("metrics")));
                }
                String metrics = blue.text("metrics");
                double wall = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
                long reports = metric(metrics, "parley_watch_reports_total") - reports0;
                double cpu = (cpuNanos() - cpu0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "ships %d, tracks %d: %.0f reports/s applied over %.0f s, worst feed lag %.2f s,"
                                + " process CPU %.1f s (%.2f cores, the TCP sender included)%n",
                        ships,
                        metric(metrics, "parley_watch_tracks"),
                        reports / wall,
                        wall,
                        worstLag,
                        cpu,
                        cpu / wall);
            } finally {
                going.set(false);
            }
        }
    }

    /** The fleet's reports, one byte block per round; each round moves every ship 5 kn for 1.5 s. */
    private static byte[][] fleet(int ships, int rounds) {
        SplittableRandom random = new SplittableRandom(17);
        double[] lat = new double[ships];
        double[] lon = new double[ships];
        double[] course = new double[ships];
        for (int i = 0; i < ships; i++) {
            lat[i] = -60 + 120 * random.nextDouble();
            lon[i] = -180 + 360 * random.nextDouble();
            course[i] = 360 * random.nextDouble();
        }
        byte[][] out = new byte[rounds][];
        for (int r = 0; r < rounds; r++) {
            StringBuilder b = new StringBuilder(ships * 52);
            double metres = 5 * KNOT * 1.5 * r;
            for (int i = 0; i < ships; i++) {
                double north = metres * Math.cos(Math.toRadians(course[i]));
                double east = metres * Math.sin(Math.toRadians(course[i]));
                ship(b, 200_000_000 + i, lat[i], lon[i], north, east, 5, course[i]);
            }
            out[r] = b.toString().getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    private static long metric(String metrics, String name) {
        for (String line : metrics.split("\n", -1)) {
            if (line.startsWith(name + "{")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static double lag(String metrics) {
        for (String line : metrics.split("\n", -1)) {
            if (line.startsWith("parley_watch_feed_lag_seconds{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // --- plumbing ----------------------------------------------------------------------

    /** What a feed client is sent. */
    @FunctionalInterface
    private interface Stream {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /** A loopback TCP server that runs {@code stream} for each client. */
    private static final class Server implements AutoCloseable {
        private final ServerSocket socket;

        Server(Stream stream) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Thread.ofPlatform().daemon().start(() -> {
                            try (client;
                                    OutputStream out = client.getOutputStream()) {
                                stream.write(out);
                            } catch (IOException | InterruptedException e) {
                                // the node went away
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** BLUE (watching the feed) and RED, in this JVM, SQLite, mutual TLS on loopback. */
    private record Nodes(HotlineNode blueNode, HotlineNode redNode, Path root) implements AutoCloseable {
        Nodes(Path root, int feedPort) throws IOException {
            this(start(root, feedPort), root);
        }

        private Nodes(HotlineNode[] both, Path root) {
            this(both[0], both[1], root);
        }

        private static HotlineNode[] start(Path root, int feedPort) throws IOException {
            InstantSource clock = InstantSource.system();
            SecureRandom random = new SecureRandom();
            List<String> hosts = List.of("localhost", "127.0.0.1");
            PartyIdentity.init(root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, random)
                    .pinEachOther(PartyIdentity.init(
                            root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), clock, random));
            Files.writeString(root.resolve("parties.yaml"), "parties: { BLUE: [US], RED: [CN] }\n");
            int blueFed = Ports.freePort();
            int redFed = Ports.freePort();
            Path blue = NodeConfigFile.of("BLUE", "RED")
                    .keys("blue/keys")
                    .sqlite(root.resolve("blue.db"))
                    .federation(blueFed, redFed)
                    .token(TOKEN, "bench", "DUTY_OFFICER")
                    .watch("  parties: parties.yaml\n  send: { UNSAFE: off, HOTLINE: auto }\n  feeds:\n"
                            + "    - { name: ais, kind: ais, url: \"tcp://127.0.0.1:" + feedPort + "\" }\n")
                    .write(root.resolve("blue.yaml"));
            Path red = NodeConfigFile.of("RED", "BLUE")
                    .keys("red/keys")
                    .sqlite(root.resolve("red.db"))
                    .federation(redFed, blueFed)
                    .token(TOKEN, "bench", "DUTY_OFFICER")
                    .write(root.resolve("red.yaml"));
            HotlineNode r = HotlineNode.start(NodeConfig.load(red), clock, random);
            HotlineNode b = HotlineNode.start(NodeConfig.load(blue), clock, random);
            return new HotlineNode[] {b, r};
        }

        OperatorClient blue() {
            return client(blueNode);
        }

        OperatorClient red() {
            return client(redNode);
        }

        private OperatorClient client(HotlineNode node) {
            return new OperatorClient(
                    URI.create("https://127.0.0.1:" + node.operatorPort() + "/"),
                    TOKEN,
                    node.keysDir().resolve("ca.crt"));
        }

        @Override
        public void close() {
            blueNode.close();
            redNode.close();
        }
    }
}
