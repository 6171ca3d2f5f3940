package org.parley.node.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording for the watch's file feed: the Chung-Hoon pattern of docs/scenarios.md as AIS
 * message 1 lines with a trailing epoch (exactEarth style, so the feed paces them by their own
 * times). BLUE's destroyer runs north at 15 kn, RED's west at 20 kn and crosses 150 yd ahead of
 * BLUE's bow {@link #CROSS_SECONDS} into the recording; reports every 2 s, until shortly after.
 * Short enough to replay in real time in a test, long enough for the HOTLINE confirmation
 * (docs/detection.md: 30 s of track history, then 20 s of persistence) before they cross.
 */
final class CrossingScenario {
    static final int BLUE_SHIP = 369970093;
    static final int RED_SHIP = 412000132;
    static final int CROSS_SECONDS = 60;
    static final int END_SECONDS = 80;
    /** Where they cross: south-west of Taiwan, at sea. */
    static final double LAT = 22.2;

    static final double LON = 119.4;
    private static final double KNOT = 1852.0 / 3600;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final double BOW_CROSSING_METRES = 150 * 0.9144;

    private CrossingScenario() {}

    static void write(Path file, Instant start) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s <= END_SECONDS; s += 2) {
            long epochMillis = start.plusSeconds(s).toEpochMilli();
            lines.add(ship(BLUE_SHIP, 15 * KNOT * (s - CROSS_SECONDS), 0, 15, 0) + "," + epochMillis);
            lines.add(
                    ship(RED_SHIP, BOW_CROSSING_METRES, 20 * KNOT * (CROSS_SECONDS - s), 20, 270) + "," + epochMillis);
        }
        Files.write(file, lines, StandardCharsets.US_ASCII);
    }

    /**
     * One Class A position report (ITU-R M.1371-5 Table 45, message 1) at a local offset in metres,
     * armoured in 6-bit ASCII (ITU-R M.1371-5 Annex 8, Table 47; IEC 61162-1 checksum).
     */
    private static String ship(int mmsi, double north, double east, double knots, double course) {
        double lat = LAT + north / METRES_PER_DEGREE;
        double lon = LON + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(LAT)));
        Bits bits = new Bits();
        bits.put(1, 6); // message type
        bits.put(0, 2); // repeat indicator
        bits.put(mmsi, 30);
        bits.put(0, 4); // under way using engine
        bits.put(-128, 8); // rate of turn not available
        bits.put(Math.round(knots * 10), 10);
        bits.put(1, 1); // position accuracy high
        bits.put(Math.round(lon * 600_000), 28);
        bits.put(Math.round(lat * 600_000), 27);
        bits.put(Math.round(course * 10), 12);
        bits.put(Math.round(course), 9); // true heading
        bits.put(60, 6); // time stamp not available
        bits.put(0, 2 + 3 + 1 + 19); // manoeuvre, spare, RAIM, radio status
        String body = "AIVDM,1,1,,A," + bits.armoured() + ",0";
        int checksum = 0;
        for (int i = 0; i < body.length(); i++) {
            checksum ^= body.charAt(i);
        }
        return "!" + body + "*" + String.format("%02X", checksum);
    }

    private static final class Bits {
        private final StringBuilder bits = new StringBuilder();

        void put(long value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                bits.append(((value >> i) & 1) == 1 ? '1' : '0');
            }
        }

        String armoured() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < bits.length(); i += 6) {
                int v = Integer.parseInt(bits.substring(i, i + 6), 2);
                out.append((char) (v < 40 ? v + 48 : v + 56));
            }
            return out.toString();
        }
    }
}
