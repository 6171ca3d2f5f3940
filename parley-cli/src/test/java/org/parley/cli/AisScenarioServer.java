package org.parley.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.encode.AisEncoder;

/**
 * An NMEA 0183 AIS server on loopback, as AIS-catcher or a gpsd relay would be: every connected
 * client gets real AIS background (a shared corpus file, looped) and, every 2 s, the position
 * reports of a bow crossing that happens {@link #CROSS_AFTER} after the server starts, computed
 * from the wall clock (a live feed's reports are dated on arrival). The crossing follows the
 * Chung-Hoon pattern (docs/scenarios.md) on a short time scale: BLUE's destroyer northbound at
 * 15 kn, RED's westbound at 20 kn, crossing 150 yd ahead of BLUE's bow.
 */
final class AisScenarioServer implements AutoCloseable {
    static final int BLUE_SHIP = 369970093;
    static final int RED_SHIP = 412000132;
    static final Duration CROSS_AFTER = Duration.ofSeconds(80);
    private static final double LAT = 24.2;
    private static final double LON = 119.4;
    private static final double KNOT = 1852.0 / 3600;
    private static final double METRES_PER_DEGREE = 111_320;

    private final ServerSocket server;
    private final List<String> background;
    private final Instant start = Instant.now();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean running = true;

    AisScenarioServer(Path backgroundFile) throws IOException {
        this.background = Files.readAllLines(backgroundFile).stream()
                .filter(l -> l.startsWith("!AIVDM"))
                .toList();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("ais-scenario").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread.ofPlatform().daemon().name("ais-scenario-client").start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Background lines all the time, the two destroyers every 2 s, until the client goes. */
    private void serve(Socket client) {
        try (OutputStream out = client.getOutputStream()) {
            int next = 0;
            Instant nextReport = Instant.now();
            while (running) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < 20 && !background.isEmpty(); i++) {
                    batch.append(background.get(next)).append("\r\n");
                    next = (next + 1) % background.size();
                }
                if (!Instant.now().isBefore(nextReport)) {
                    scenarioLines().forEach(l -> batch.append(l).append("\r\n"));
                    nextReport = nextReport.plusSeconds(2);
                }
                out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            clients.remove(client); // the node went away (killed, restarting): it will connect again
        }
    }

    private List<String> scenarioLines() {
        double s = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double cross = CROSS_AFTER.toSeconds();
        List<String> lines = new ArrayList<>();
        lines.addAll(ship(BLUE_SHIP, 15 * KNOT * (s - cross), 0, 15, 0));
        lines.addAll(ship(RED_SHIP, 150 * 0.9144, 20 * KNOT * (cross - s), 20, 270));
        return lines;
    }

    /** One Class A position report (ITU-R M.1371-5 message 1) of a ship under way at a local offset. */
    private static List<String> ship(int mmsi, double north, double east, double knots, double course) {
        double lat = LAT + north / METRES_PER_DEGREE;
        double lon = LON + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(LAT)));
        ClassAPositionReport report = new ClassAPositionReport(
                1,
                0,
                mmsi,
                0,
                -128,
                (int) Math.round(knots * 10),
                false,
                (int) Math.round(lon * 600_000),
                (int) Math.round(lat * 600_000),
                (int) Math.round(course * 10),
                (int) Math.round(course),
                60,
                0,
                0,
                false,
                0);
        return AisEncoder.encode(report, 'A', 0);
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        for (Socket client : clients) {
            client.close();
        }
        acceptor.interrupt();
    }
}
