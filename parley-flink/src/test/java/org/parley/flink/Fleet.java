package org.parley.flink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.parley.track.Altitude;
import org.parley.track.AltitudeKind;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.parley.track.csv.ReportCsv;

/**
 * A seeded fleet as CSV report lines (the synthetic input format): ships and aircraft in dense
 * clusters of 40, so that many pairs meet; every seventh cluster across the antimeridian (each at
 * its own latitude), every seventh around the North Pole (the first on the pole, the others on
 * rings 89.5 N to 86 N at their own longitudes), the rest anywhere. Each cluster has its own spot,
 * so the pairs grow with the units as in real traffic, not with their square. Each unit holds its course and speed on its geodesic and reports every 10 s
 * (ships) or 2 s (aircraft), each at its own phase.
 */
final class Fleet {
    private static final double KNOT = 1852.0 / 3600;

    private Fleet() {}

    record Unit(
            TargetId id, double lat, double lon, double knots, double course, double altitudeFeet, int phaseMillis) {}

    static List<String> lines(long seed, int units, int seconds) {
        return lines(seed, units, seconds, 1);
    }

    /** As above, each cluster {@code spread} times as wide and as high (1: the dense clusters of the ITs). */
    static List<String> lines(long seed, int units, int seconds, double spread) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Unit> fleet = new ArrayList<>();
        int perCluster = 40;
        for (int i = 0; i < units; i++) {
            int cluster = i / perCluster;
            double lat;
            double lon;
            int k = cluster / 7; // the k-th cluster of its kind
            if (cluster % 7 == 0) {
                // Across the antimeridian, each cluster at its own latitude (3.3 degrees apart, 60 S to 60 N).
                lat = -60 + (k * 11 % 37) * 3.3 + spread * random.nextDouble(-0.15, 0.15);
                lon = cluster % 2 == 0 ? 179.98 : -179.98;
                lon += spread * random.nextDouble(-0.1, 0.1);
            } else if (cluster % 7 == 1 && k == 0) {
                lat = 89.85 + Math.min(spread, 1.4) * random.nextDouble(-0.1, 0.1); // on the North Pole
                lon = random.nextDouble(-180, 180);
            } else if (cluster % 7 == 1) {
                // Around the pole: rings 89.5 N to 86 N, 97 degrees of longitude between clusters.
                double centre = 89.5 - 0.5 * ((k - 1) % 8);
                lat = Math.min(89.95, centre + spread * random.nextDouble(-0.15, 0.15));
                // +-0.2 degrees at the equator is +-22 km; the same width here in longitude.
                lon = (k * 97 % 360) - 180 + spread * random.nextDouble(-0.2, 0.2) / Math.cos(Math.toRadians(centre));
            } else {
                SplittableRandom c = new SplittableRandom(seed * 31 + cluster);
                lat = c.nextDouble(-70, 70) + spread * random.nextDouble(-0.15, 0.15);
                lon = c.nextDouble(-179, 179) + spread * random.nextDouble(-0.2, 0.2);
            }
            lon = normal(lon);
            boolean air = i % 10 == 9;
            TargetId id = air ? new TargetId.IcaoAddress(0x100000 + i) : new TargetId.Mmsi(200_000_000 + i);
            double knots = air ? random.nextDouble(250, 480) : random.nextDouble(0, 25);
            double altitude = air ? 20_000 + 500 * random.nextInt(6) : Double.NaN;
            fleet.add(new Unit(id, lat, lon, knots, random.nextDouble(0, 360), altitude, random.nextInt(10_000)));
        }
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<PositionReport> reports = new ArrayList<>();
        for (Unit u : fleet) {
            boolean air = u.id() instanceof TargetId.IcaoAddress;
            int every = air ? 2_000 : 10_000;
            for (int t = u.phaseMillis() % every; t <= seconds * 1000; t += every) {
                GeodesicData d = Geodesic.WGS84.Direct(u.lat(), u.lon(), u.course(), u.knots() * KNOT * t / 1000.0);
                double course = ((d.azi2 % 360) + 360) % 360;
                PositionReport.Builder b = PositionReport.builder(u.id(), start.plusMillis(t), d.lat2, normal(d.lon2))
                        .speedKnots(u.knots())
                        .courseDegrees(course >= 360 ? 0 : course)
                        .transponder(air ? Transponder.ADSB : Transponder.AIS_CLASS_A);
                if (air) {
                    b.altitude(new Altitude(u.altitudeFeet(), AltitudeKind.BAROMETRIC));
                }
                reports.add(b.build());
            }
        }
        reports.sort(Comparator.comparing(PositionReport::time));
        return reports.stream().map(ReportCsv::format).toList();
    }

    /** Which kind of cluster a described unit ("MMSI 200000041 (...)", "ICAO 100029 (...)") sails in. */
    static String region(String described) {
        int i;
        if (described.startsWith("MMSI ")) {
            i = Integer.parseInt(described.substring(5, 14)) - 200_000_000;
        } else {
            i = Integer.parseInt(described.substring(5, 11), 16) - 0x100000;
        }
        int cluster = i / 40;
        return cluster % 7 == 0 ? "antimeridian" : cluster % 7 == 1 ? "pole" : "open";
    }

    private static double normal(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return l;
    }
}
