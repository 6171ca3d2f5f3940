package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.parley.track.Domain;
import org.parley.track.MotionSource;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Track;
import org.parley.track.Transponder;

class HotlineGateTest {
    private static final double KNOT = 1852.0 / 3600;
    private static final double YARD = 0.9144;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final HotlineGate GATE =
            new HotlineGate(EncounterConfig.Confirmation.defaults(), EncounterConfig.SeaRules.defaults());
    /** Taiwan Strait, 24.2 N 119.4 E: open water, no port of the index within 10 NM. */
    private static final double SEA_LAT = 24.2;

    private static final double SEA_LON = 119.4;
    /** Port Hedland's anchorage, about 5 NM off the port (WPI 54620 at -20.3167, 118.5833). */
    private static final double HEDLAND_LAT = -20.25;

    private static final double HEDLAND_LON = 118.5;

    private static Track ship(
            int mmsi,
            double lat,
            double lon,
            double knots,
            double course,
            long reports,
            double historySeconds,
            OptionalInt status) {
        return new Track(
                new TargetId.Mmsi(mmsi),
                Domain.SEA,
                Transponder.AIS_CLASS_A,
                T0,
                lat,
                lon,
                knots,
                course,
                MotionSource.REPORTED,
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                status,
                OptionalInt.empty(),
                Optional.empty(),
                Duration.ofSeconds(30),
                reports,
                T0.minusMillis(Math.round(historySeconds * 1000)));
    }

    private static Track established(int mmsi, double lat, double lon, double knots, double course) {
        return ship(mmsi, lat, lon, knots, course, 20, 300, OptionalInt.of(0));
    }

    private static Optional<String> judge(Track a, Track b) {
        Kinematics ka =
                Kinematics.surface(a.latitudeDegrees(), a.longitudeDegrees(), a.speedKnots() * KNOT, a.courseDegrees());
        Kinematics kb =
                Kinematics.surface(b.latitudeDegrees(), b.longitudeDegrees(), b.speedKnots() * KNOT, b.courseDegrees());
        PairSolution s = PairGeometry.solve(ka, kb, 30 * 60);
        return GATE.withheld(Domain.SEA, a, b, ka, kb, s);
    }

    private static double[] offset(double lat, double lon, double bearing, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(lat, lon, bearing, metres);
        return new double[] {d.lat2, d.lon2};
    }

    @Test
    void withheld_destroyerCuttingAcrossTheBowAtSea_confirmed() {
        Track own = established(369970093, SEA_LAT, SEA_LON, 15, 30);
        double[] p = offset(SEA_LAT, SEA_LON, 10, 900 * YARD);
        Track other = established(412000132, p[0], p[1], 12, 100);

        assertThat(judge(own, other)).isEmpty();
    }

    @Test
    void withheld_trackOfThreeReports_trackHistory() {
        Track own = established(369970093, SEA_LAT, SEA_LON, 15, 30);
        double[] p = offset(SEA_LAT, SEA_LON, 10, 900 * YARD);
        Track fresh = ship(412000132, p[0], p[1], 12, 100, 3, 20, OptionalInt.of(0));
        Track young = ship(412000132, p[0], p[1], 12, 100, 10, 15, OptionalInt.of(0));

        assertThat(judge(own, fresh)).contains("track history");
        assertThat(judge(own, young)).contains("track history");
    }

    @Test
    void withheld_shipAtAnchorOrBelowTwoKnots_notUnderWay() {
        Track own = established(369970093, SEA_LAT, SEA_LON, 15, 30);
        double[] p = offset(SEA_LAT, SEA_LON, 10, 300 * YARD);
        Track anchored = ship(412000132, p[0], p[1], 4, 100, 20, 300, OptionalInt.of(1));
        Track drifting = ship(412000132, p[0], p[1], 1.2, 100, 20, 300, OptionalInt.empty());

        assertThat(judge(own, anchored)).contains("not under way");
        assertThat(judge(own, drifting)).contains("not under way");
    }

    @Test
    void withheld_overtakingInTheSameLaneAt300Yards_parallelTraffic_butNotAt50Yards() {
        Track own = established(369970093, SEA_LAT, SEA_LON, 12, 30);
        double[] abeam = offset(SEA_LAT, SEA_LON, 300, 300 * YARD);
        Track overtaking = established(412000132, abeam[0], abeam[1], 16, 33);
        double[] close = offset(SEA_LAT, SEA_LON, 300, 50 * YARD);
        Track shouldering = established(412000132, close[0], close[1], 16, 33);

        assertThat(judge(own, overtaking)).contains("parallel or overtaking traffic");
        assertThat(judge(own, shouldering)).isEmpty();
    }

    @Test
    void withheld_overtakerCuttingAcrossTheBowAtTenDegrees_confirmed() {
        // 300 yd ahead and 150 yd to port, converging by 10 degrees at 20 kn against 12 kn: it
        // crosses the heading line about 430 yd ahead within 3 minutes.
        Track own = established(369970093, SEA_LAT, SEA_LON, 12, 30);
        double[] ahead = offset(SEA_LAT, SEA_LON, 30, 300 * YARD);
        double[] p = offset(ahead[0], ahead[1], 300, 150 * YARD);
        Track cutting = established(412000132, p[0], p[1], 20, 40);

        assertThat(judge(own, cutting)).isEmpty();
    }

    @Test
    void withheld_slowPairInPortHedlandAnchorage_port_butNotAtSeaSpeed() {
        double[] p = offset(HEDLAND_LAT, HEDLAND_LON, 10, 400 * YARD);
        Track a = established(503000001, HEDLAND_LAT, HEDLAND_LON, 5, 30);
        Track b = established(353000001, p[0], p[1], 6, 120);
        Track fastA = established(503000001, HEDLAND_LAT, HEDLAND_LON, 14, 30);
        Track fastB = established(353000001, p[0], p[1], 12, 120);

        assertThat(judge(a, b)).contains("port or anchorage");
        assertThat(judge(fastA, fastB)).isEmpty();
    }

    @Test
    void withheld_aircraft_onlyTrackHistory() {
        Track a = new Track(
                new TargetId.IcaoAddress(0xAE1565),
                Domain.AIR,
                Transponder.ADSB,
                T0,
                17.4,
                110.6,
                180,
                110,
                MotionSource.REPORTED,
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                Duration.ofSeconds(10),
                60,
                T0.minusSeconds(60));
        Kinematics k = Kinematics.surface(17.4, 110.6, 180 * KNOT, 110);
        PairSolution s = PairGeometry.solve(k, k, 60);

        assertThat(GATE.withheld(Domain.AIR, a, a, k, k, s)).isEmpty();
    }

    /** A pair seen for the first time 400 yd apart and closing: UNSAFE first, HOTLINE only once confirmed. */
    @Test
    void engine_pairFirstSeenInsideFiveHundredYards_hotlineOnlyAfterHistoryAndPersistence() {
        EncounterConfig config = ScenarioTest.config();
        EncounterEngine engine = new EncounterEngine(config);
        List<PositionReport> reports = new java.util.ArrayList<>();
        for (int t = 0; t <= 120; t += 5) {
            Instant at = T0.plusSeconds(t);
            double[] own = offset(SEA_LAT, SEA_LON, 30, 8 * KNOT * t);
            double[] other = offset(SEA_LAT, SEA_LON, 90, 400 * YARD - 4 * KNOT * t);
            reports.add(report(369970093, at, own, 8, 30));
            reports.add(report(412000132, at, other, 4, 270));
        }
        List<EncounterEvent> events = ScenarioTest.replay(engine, reports);

        assertThat(events.get(0).level()).isEqualTo(Level.UNSAFE);
        EncounterEvent hotline = events.stream()
                .filter(e -> e.level() == Level.HOTLINE && e.kind() != EncounterEvent.Kind.CLOSED)
                .findFirst()
                .orElseThrow();
        // Five reports 5 s apart span 20 s, under the 30 s history; then 20 s of persistence.
        assertThat(hotline.time()).isAfterOrEqualTo(T0.plusSeconds(50));
        assertThat(hotline.time()).isBeforeOrEqualTo(T0.plusSeconds(60));
    }

    private static PositionReport report(int mmsi, Instant at, double[] p, double knots, double course) {
        return PositionReport.builder(new TargetId.Mmsi(mmsi), at, p[0], p[1])
                .transponder(Transponder.AIS_CLASS_A)
                .speedKnots(knots)
                .courseDegrees(course)
                .build();
    }
}
