package org.parley.encounter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbEncoder;
import org.parley.adsb.IcaoAddress;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.encode.AisEncoder;
import org.parley.track.Altitude;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.parley.track.adsb.AdsbReports;
import org.parley.track.ais.AisReports;
import org.parley.track.csv.CsvLine;
import org.parley.track.csv.ReportCsv;

/**
 * A reconstructed encounter: a reference unit on a constant course with a speed schedule, and an
 * other unit given by keyframes in the reference unit's frame (metres ahead, metres to starboard,
 * feet above), linearly interpolated. It emits what the two transponders would have sent, as lines
 * of the synthetic CSV format, and knows the true closest approach.
 */
final class ScenarioScript {
    private static final double KNOT = 1852.0 / 3600;

    record Key(double seconds, double aheadMetres, double starboardMetres, double aboveFeet) {}

    record SpeedChange(double fromSeconds, double knots) {}

    private final Instant start;
    private final TargetId reference;
    private final TargetId other;
    private final double lat0;
    private final double lon0;
    private final double courseDegrees;
    private final List<SpeedChange> speeds;
    private final double altitudeFeet;
    private final List<Key> keys;
    private final double reportEverySeconds;
    private final Transponder transponder;

    ScenarioScript(
            Instant start,
            TargetId reference,
            TargetId other,
            double lat0,
            double lon0,
            double courseDegrees,
            List<SpeedChange> speeds,
            double altitudeFeet,
            List<Key> keys,
            double reportEverySeconds,
            Transponder transponder) {
        this.start = start;
        this.reference = reference;
        this.other = other;
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.courseDegrees = courseDegrees;
        this.speeds = speeds;
        this.altitudeFeet = altitudeFeet;
        this.keys = keys;
        this.reportEverySeconds = reportEverySeconds;
        this.transponder = transponder;
    }

    double durationSeconds() {
        return keys.get(keys.size() - 1).seconds();
    }

    private double speedKnots(double t) {
        double knots = speeds.get(0).knots();
        for (SpeedChange c : speeds) {
            if (t >= c.fromSeconds()) {
                knots = c.knots();
            }
        }
        return knots;
    }

    private double distanceRun(double t) {
        double metres = 0;
        for (int i = 0; i < speeds.size(); i++) {
            double from = speeds.get(i).fromSeconds();
            double to = i + 1 < speeds.size() ? speeds.get(i + 1).fromSeconds() : Double.MAX_VALUE;
            if (t > from) {
                metres += (Math.min(t, to) - from) * speeds.get(i).knots() * KNOT;
            }
        }
        return metres;
    }

    /** {lat, lon, azimuth} of the reference unit. */
    double[] referenceAt(double t) {
        GeodesicData d = Geodesic.WGS84.Direct(lat0, lon0, courseDegrees, distanceRun(t));
        return new double[] {d.lat2, d.lon2, d.azi2};
    }

    private Key keyAt(double t) {
        Key prev = keys.get(0);
        if (t <= prev.seconds()) {
            return prev;
        }
        for (Key k : keys) {
            if (t <= k.seconds()) {
                double f = (t - prev.seconds()) / (k.seconds() - prev.seconds());
                return new Key(
                        t,
                        prev.aheadMetres() + f * (k.aheadMetres() - prev.aheadMetres()),
                        prev.starboardMetres() + f * (k.starboardMetres() - prev.starboardMetres()),
                        prev.aboveFeet() + f * (k.aboveFeet() - prev.aboveFeet()));
            }
            prev = k;
        }
        return prev;
    }

    /** {lat, lon} of the other unit. */
    double[] otherAt(double t) {
        double[] r = referenceAt(t);
        Key k = keyAt(t);
        GeodesicData ahead = Geodesic.WGS84.Direct(r[0], r[1], r[2], k.aheadMetres());
        GeodesicData side = Geodesic.WGS84.Direct(ahead.lat2, ahead.lon2, ahead.azi2 + 90, k.starboardMetres());
        return new double[] {side.lat2, side.lon2};
    }

    /** True closest approach: {seconds, metres}, on a 0.5 s grid with geodesic distances. */
    double[] truthClosestApproach() {
        double best = Double.MAX_VALUE;
        double when = 0;
        for (double t = 0; t <= durationSeconds(); t += 0.5) {
            double[] a = referenceAt(t);
            double[] b = otherAt(t);
            double d = Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1], GeodesicMask.DISTANCE).s12;
            if (d < best) {
                best = d;
                when = t;
            }
        }
        return new double[] {when, best};
    }

    Instant at(double seconds) {
        return start.plus(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** What each unit transmits, time-ordered, before any encoding. */
    private List<PositionReport> transmitted() {
        List<PositionReport> out = new ArrayList<>();
        for (double t = 0; t <= durationSeconds(); t += reportEverySeconds) {
            out.add(referenceReport(t));
            double u = Math.min(t + reportEverySeconds / 2, durationSeconds());
            out.add(otherReport(u));
        }
        out.sort(Comparator.comparing(PositionReport::time));
        return out;
    }

    /**
     * A ship scenario's feed as a receiver hears it: before each transmission a {@code $GPZDA}
     * sentence sets the feed clock (as in the AMSA network feed), then the transmission as an AIS
     * message 1 (Class A position report) in {@code !AIVDM} sentences from {@link AisEncoder},
     * decoded by {@link AisReports} as the CLI's AIS replay does.
     */
    List<PositionReport> reportsThroughAis() {
        AisReports adapter = AisReports.create();
        List<PositionReport> out = new ArrayList<>();
        for (PositionReport r : transmitted()) {
            if (!(r.target() instanceof TargetId.Mmsi mmsi)) {
                throw new IllegalStateException("not a ship scenario: " + r.target());
            }
            adapter.offer(zda(r.time()));
            ZonedDateTime utc = r.time().atZone(ZoneOffset.UTC);
            // ITU-R M.1371-5 Table 45 units: 1/10 kn, 1/10000 minute, 1/10 degree; ROT and heading
            // not available (-128, 511).
            ClassAPositionReport message = new ClassAPositionReport(
                    1,
                    0,
                    mmsi.value(),
                    r.navigationStatus().orElse(15),
                    -128,
                    (int) Math.round(r.speedKnots().orElseThrow() * 10),
                    false,
                    (int) Math.round(r.longitudeDegrees() * 600_000),
                    (int) Math.round(r.latitudeDegrees() * 600_000),
                    (int) Math.round(r.courseDegrees().orElseThrow() * 10) % 3600,
                    511,
                    utc.getSecond(),
                    0,
                    0,
                    false,
                    0);
            for (String sentence : AisEncoder.encode(message, 'A', 0)) {
                adapter.offer(sentence).ifPresent(out::add);
            }
        }
        return out;
    }

    /** NMEA 0183 ZDA for an instant, with its checksum (XOR of the characters between $ and *). */
    private static String zda(Instant time) {
        ZonedDateTime t = time.atZone(ZoneOffset.UTC);
        String body = String.format(
                Locale.ROOT,
                "GPZDA,%02d%02d%02d.%02d,%02d,%02d,%04d,00,00",
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / 10_000_000,
                t.getDayOfMonth(),
                t.getMonthValue(),
                t.getYear());
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return String.format(Locale.ROOT, "$%s*%02X", body, sum);
    }

    /** True for aircraft scenarios (they carry altitude). */
    boolean airborne() {
        return !Double.isNaN(altitudeFeet);
    }

    /** The feed as CSV lines (the synthetic input format), time-ordered. */
    List<String> csv() {
        return transmitted().stream().map(ReportCsv::format).toList();
    }

    /**
     * An aircraft scenario's feed as a receiver hears it: each transmission becomes two DF17
     * extended squitters, airborne velocity then airborne position (even and odd CPR formats in
     * turn per aircraft), encoded by {@link AdsbEncoder}, decoded by {@link AdsbDecoder} and made
     * into position reports by {@link AdsbReports}, as the CLI's ADS-B replay does. The first
     * position of each aircraft yields no report (CPR needs the even/odd pair).
     */
    List<PositionReport> reportsThroughAdsb() {
        AdsbDecoder decoder = AdsbDecoder.create();
        AdsbReports adapter = new AdsbReports(decoder);
        Map<TargetId, Boolean> odd = new HashMap<>();
        List<PositionReport> out = new ArrayList<>();
        for (PositionReport r : transmitted()) {
            if (!(r.target() instanceof TargetId.IcaoAddress icao)) {
                throw new IllegalStateException("not an aircraft scenario: " + r.target());
            }
            IcaoAddress address = new IcaoAddress(icao.value());
            decoder.decodeHex(
                    AdsbEncoder.airborneVelocity(
                            address,
                            r.speedKnots().orElseThrow(),
                            r.courseDegrees().orElseThrow(),
                            r.verticalRateFeetPerMinute().orElse(0)),
                    r.time());
            boolean isOdd = odd.merge(r.target(), false, (was, ignored) -> !was);
            String position = AdsbEncoder.airbornePosition(
                    address,
                    11,
                    r.latitudeDegrees(),
                    r.longitudeDegrees(),
                    r.altitude().orElseThrow().altitudeFeet(),
                    isOdd);
            adapter.accept(decoder.decodeHex(position, r.time())).ifPresent(out::add);
        }
        return out;
    }

    /** The feed parsed back, as the CLI would read it. */
    List<PositionReport> reports() {
        List<PositionReport> out = new ArrayList<>();
        long n = 0;
        for (String line : csv()) {
            CsvLine parsed = ReportCsv.parse(line, ++n);
            if (parsed instanceof CsvLine.Report r) {
                out.add(r.report());
            } else {
                throw new IllegalStateException("scenario wrote a bad line: " + parsed);
            }
        }
        return out;
    }

    private PositionReport referenceReport(double t) {
        double[] r = referenceAt(t);
        PositionReport.Builder b = PositionReport.builder(reference, at(t), r[0], r[1])
                .transponder(transponder)
                .speedKnots(speedKnots(t))
                .courseDegrees(normalise(r[2]));
        if (!Double.isNaN(altitudeFeet)) {
            b.altitude(Altitude.barometric(altitudeFeet)).verticalRateFeetPerMinute(0);
        } else {
            b.navigationStatus(0);
        }
        return b.build();
    }

    private PositionReport otherReport(double t) {
        double[] p = otherAt(t);
        double[] before = otherAt(Math.max(0, t - 0.5));
        double[] after = otherAt(t + 0.5);
        GeodesicData g = Geodesic.WGS84.Inverse(before[0], before[1], after[0], after[1]);
        double dt = t + 0.5 - Math.max(0, t - 0.5);
        PositionReport.Builder b = PositionReport.builder(other, at(t), p[0], p[1])
                .transponder(transponder)
                .speedKnots(g.s12 / dt / KNOT)
                .courseDegrees(normalise(g.azi1));
        if (!Double.isNaN(altitudeFeet)) {
            double climb =
                    (keyAt(t + 0.5).aboveFeet() - keyAt(Math.max(0, t - 0.5)).aboveFeet()) / dt * 60;
            b.altitude(Altitude.barometric(altitudeFeet + keyAt(t).aboveFeet())).verticalRateFeetPerMinute(climb);
        } else {
            b.navigationStatus(0);
        }
        return b.build();
    }

    private static double normalise(double degrees) {
        double d = ((degrees % 360) + 360) % 360;
        return d >= 360 ? 0 : d;
    }
}
