package org.parley.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

class TrackTableTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final TargetId SHIP = new TargetId.Mmsi(412_000_001);
    private static final TargetId JET = new TargetId.IcaoAddress(0x780A3C);
    private static final double NM = 1852;

    private static PositionReport.Builder ship(long seconds, double lat, double lon) {
        return PositionReport.builder(SHIP, T0.plusSeconds(seconds), lat, lon).transponder(Transponder.AIS_CLASS_A);
    }

    private static double[] north(double lat, double lon, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(lat, lon, 0, metres);
        return new double[] {d.lat2, d.lon2};
    }

    @Test
    void update_firstReportWithSpeedAndCourse_createsTrackWithReportedMotion() {
        TrackTable table = new TrackTable();

        TrackUpdate update = table.update(
                ship(0, 22.0, 119.0).speedKnots(15).courseDegrees(10).build());

        assertThat(update).isInstanceOf(TrackUpdate.Accepted.class);
        Track track = ((TrackUpdate.Accepted) update).track();
        assertThat(track.motion()).isEqualTo(MotionSource.REPORTED);
        assertThat(track.speedKnots()).isEqualTo(15);
        assertThat(track.domain()).isEqualTo(Domain.SEA);
    }

    @Test
    void update_shipJumpsOneMileInThirtySeconds_rejectedAndCounted() {
        TrackTable table = new TrackTable();
        table.update(ship(0, 22.0, 119.0).build());
        double[] p = north(22.0, 119.0, NM); // 1 NM in 30 s is 120 kn, over the 60 kn limit

        TrackUpdate update = table.update(ship(30, p[0], p[1]).build());

        assertThat(update)
                .isInstanceOfSatisfying(
                        TrackUpdate.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_JUMP));
        assertThat(table.rejectCounts()).containsEntry(RejectReason.IMPLAUSIBLE_JUMP, 1L);
        assertThat(table.get(SHIP).orElseThrow().latitudeDegrees()).isEqualTo(22.0);
    }

    @Test
    void update_threeConsistentJumps_reseedsTrackAtNewPosition() {
        TrackTable table = new TrackTable();
        table.update(ship(0, 22.0, 119.0).build());
        double[] p = north(22.0, 119.0, 20 * NM);

        table.update(ship(10, p[0], p[1]).build());
        table.update(ship(20, p[0], p[1]).build());
        TrackUpdate third = table.update(ship(30, p[0], p[1]).build());

        assertThat(third).isInstanceOf(TrackUpdate.Accepted.class);
        assertThat(table.get(SHIP).orElseThrow().latitudeDegrees()).isEqualTo(p[0]);
        assertThat(table.rejectCounts()).containsEntry(RejectReason.IMPLAUSIBLE_JUMP, 2L);
    }

    @Test
    void update_aircraftAtMachTwoAccepted_atMachFourRejected() {
        TrackTable table = new TrackTable();
        table.update(PositionReport.builder(JET, T0, 18.0, 111.0)
                .transponder(Transponder.ADSB)
                .build());
        // Mach 2 = 1323 kn = 0.3675 NM/s: 10 s gives 3.675 NM. Mach 4 from there: 7.35 NM in 10 s.
        double[] mach2 = north(18.0, 111.0, 3.675 * NM);
        double[] mach4 = north(mach2[0], mach2[1], 7.35 * NM);

        TrackUpdate ok = table.update(PositionReport.builder(JET, T0.plusSeconds(10), mach2[0], mach2[1])
                .transponder(Transponder.ADSB)
                .build());
        TrackUpdate bad = table.update(PositionReport.builder(JET, T0.plusSeconds(20), mach4[0], mach4[1])
                .transponder(Transponder.ADSB)
                .build());

        assertThat(ok).isInstanceOf(TrackUpdate.Accepted.class);
        assertThat(bad).isInstanceOf(TrackUpdate.Rejected.class);
    }

    @Test
    void update_olderThanLastReport_rejectedOutOfOrder() {
        TrackTable table = new TrackTable();
        table.update(ship(100, 22.0, 119.0).build());

        TrackUpdate update = table.update(ship(50, 22.0, 119.0).build());

        assertThat(update)
                .isInstanceOfSatisfying(
                        TrackUpdate.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_ORDER));
    }

    @Test
    void update_sameMessageFromTwoReceivers_rejectedAsDuplicate() {
        TrackTable table = new TrackTable();
        table.update(ship(0, 22.0, 119.0).build());

        TrackUpdate update = table.update(ship(0, 22.0, 119.0).build());

        assertThat(update)
                .isInstanceOfSatisfying(
                        TrackUpdate.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.DUPLICATE));
    }

    @Test
    void update_reportsWithoutSpeedOrCourse_estimatesThemFromPositions() {
        TrackTable table = new TrackTable();
        table.update(ship(0, 22.0, 119.0).build());
        double[] p = north(22.0, 119.0, NM); // 1 NM north in 6 min = 10 kn on course 000

        Track track = ((TrackUpdate.Accepted) table.update(ship(360, p[0], p[1]).build())).track();

        assertThat(track.motion()).isEqualTo(MotionSource.ESTIMATED);
        assertThat(track.speedKnots()).isCloseTo(10, within(0.01));
        assertThat(Math.min(track.courseDegrees(), 360 - track.courseDegrees())).isCloseTo(0, within(0.01));
    }

    @Test
    void isStale_classAAtTenKnots_staleAfterThreeMissedTenSecondReports() {
        // ITU-R M.1371-5 Table 1: Class A at 0-14 kn reports every 10 s.
        TrackTable table = new TrackTable();
        Track track = ((TrackUpdate.Accepted) table.update(
                        ship(0, 22.0, 119.0).speedKnots(10).courseDegrees(0).build()))
                .track();

        assertThat(track.isStale(T0.plusSeconds(30))).isFalse();
        assertThat(track.isStale(T0.plusSeconds(31))).isTrue();
    }

    @Test
    void isStale_classAAtAnchor_allowsThreeMissedThreeMinuteReports() {
        TrackTable table = new TrackTable();
        Track track = ((TrackUpdate.Accepted) table.update(ship(0, 22.0, 119.0)
                        .speedKnots(0)
                        .courseDegrees(0)
                        .navigationStatus(1)
                        .build()))
                .track();

        assertThat(track.silenceAllowed()).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void isStale_classBCsUnderWay_allowsThreeMissedThirtySecondReports() {
        // ITU-R M.1371-5 Table 2: Class B CS above 2 kn reports every 30 s.
        TrackTable table = new TrackTable();
        Track track = ((TrackUpdate.Accepted) table.update(ship(0, 22.0, 119.0)
                        .transponder(Transponder.AIS_CLASS_B_CS)
                        .speedKnots(8)
                        .courseDegrees(0)
                        .build()))
                .track();

        assertThat(track.silenceAllowed()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void isStale_adsbTrack_staleAfterSixtySeconds() {
        TrackTable table = new TrackTable();
        table.update(PositionReport.builder(JET, T0, 18.0, 111.0)
                .transponder(Transponder.ADSB)
                .build());

        assertThat(table.live(T0.plusSeconds(60))).hasSize(1);
        assertThat(table.live(T0.plusSeconds(61))).isEmpty();
        assertThat(table.expire(T0.plusSeconds(61))).isEqualTo(1);
        assertThat(table.size()).isZero();
    }

    @Test
    void update_positionOnlyAfterAltitude_keepsLastAltitude() {
        TrackTable table = new TrackTable();
        table.update(PositionReport.builder(JET, T0, 18.0, 111.0)
                .transponder(Transponder.ADSB)
                .altitude(Altitude.barometric(25_000))
                .build());

        Track track = ((TrackUpdate.Accepted) table.update(PositionReport.builder(JET, T0.plusSeconds(1), 18.001, 111.0)
                        .transponder(Transponder.ADSB)
                        .build()))
                .track();

        assertThat(track.altitudeFeet().orElseThrow()).isEqualTo(25_000);
        assertThat(track.domain()).isEqualTo(Domain.AIR);
    }
}
