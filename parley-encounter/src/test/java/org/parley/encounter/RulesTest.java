package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.parley.track.Domain;

class RulesTest {
    private static final double NM = 1852;
    private static final double KNOT = NM / 3600;
    private final Rules rules = new Rules(EncounterConfig.defaults());

    private static Kinematics at(double bearing, double metres, double knots, double course) {
        GeodesicData d = Geodesic.WGS84.Direct(10, 120, bearing, metres);
        return Kinematics.surface(d.lat2, d.lon2, knots * KNOT, course);
    }

    private Level sea(Kinematics a, Kinematics b, boolean foreign) {
        PairSolution s = PairGeometry.solve(a, b, rules.horizonSeconds(Domain.SEA));
        return rules.classify(Domain.SEA, s, foreign, Double.NaN, 1).orElse(null);
    }

    @Test
    void classify_headOnPassingAtOneMile_isWatch() {
        // 1 NM abeam, closing head-on at 20 kn from 6 NM: CPA 1 NM in 18 min.
        Kinematics a = Kinematics.surface(10, 120, 10 * KNOT, 0);
        GeodesicData ahead = Geodesic.WGS84.Direct(10, 120, 0, 6 * NM);
        GeodesicData abeam = Geodesic.WGS84.Direct(ahead.lat2, ahead.lon2, 90, NM);
        Kinematics b = Kinematics.surface(abeam.lat2, abeam.lon2, 10 * KNOT, 180);

        assertThat(sea(a, b, true)).isEqualTo(Level.WATCH);
    }

    @Test
    void classify_cpaQuarterMileWithinTwelveMinutes_isUnsafeButNotHotline() {
        Kinematics a = Kinematics.surface(10, 120, 10 * KNOT, 0);
        GeodesicData ahead = Geodesic.WGS84.Direct(10, 120, 0, 3 * NM);
        GeodesicData abeam = Geodesic.WGS84.Direct(ahead.lat2, ahead.lon2, 90, 0.25 * NM);
        Kinematics b = Kinematics.surface(abeam.lat2, abeam.lon2, 10 * KNOT, 180);

        assertThat(sea(a, b, true)).isEqualTo(Level.UNSAFE);
    }

    @Test
    void classify_foreignWithin500Yards_isHotline_sameParty_isUnsafe() {
        Kinematics a = Kinematics.surface(10, 120, 10 * KNOT, 0);
        Kinematics b = at(90, 400 * 0.9144, 10 * KNOT, 0);

        assertThat(sea(a, b, true)).isEqualTo(Level.HOTLINE);
        assertThat(sea(a, b, false)).isEqualTo(Level.UNSAFE);
    }

    @Test
    void classify_shipsFiveMilesApartParallel_isNothing() {
        Kinematics a = Kinematics.surface(10, 120, 12 * KNOT, 0);
        Kinematics b = at(90, 5 * NM, 12, 0);

        assertThat(sea(a, b, true)).isNull();
    }

    private Level air(double feetApart, double knotsEach, double dzFeet, boolean foreign) {
        // Head-on at the same speed, feetApart now, dzFeet vertically, at FL250 (TCAS SL 7).
        Kinematics a = new Kinematics(10, 120, knotsEach * KNOT, 90, 25_000, 0);
        GeodesicData d = Geodesic.WGS84.Direct(10, 120, 90, feetApart * 0.3048);
        Kinematics b = new Kinematics(d.lat2, d.lon2, knotsEach * KNOT, 270, 25_000 + dzFeet, 0);
        PairSolution s = PairGeometry.solve(a, b, rules.horizonSeconds(Domain.AIR));
        return rules.classify(Domain.AIR, s, foreign, 25_000 + dzFeet / 2, 1).orElse(null);
    }

    @Test
    void classify_headOnInsideTaTauButOutsideRaTau_isTrafficAdvisory() {
        // SL 7 (FAA TCAS II v7.1 Table 3): TA tau 48 s, DMOD 1.30 NM; RA tau 35 s, DMOD 1.10 NM.
        // Closure 600 kn = 1012.7 ft/s; modified tau = (r^2 - DMOD^2) / (r * closure).
        // r = 51,000 ft: 49.2 s (no TA); r = 45,000 ft: TA 43.0 s, RA 43.4 s (TA only).
        assertThat(air(51_000, 300, 0, true)).as("beyond TA").isNull();
        assertThat(air(45_000, 300, 0, true)).isEqualTo(Level.UNSAFE);
    }

    @Test
    void classify_headOnTauTwentySeconds_isHotlineOnlyBetweenParties() {
        assertThat(air(20_000, 300, 0, true)).isEqualTo(Level.HOTLINE);
        assertThat(air(20_000, 300, 0, false)).isEqualTo(Level.UNSAFE);
    }

    @Test
    void classify_headOnTwoThousandFeetAbove_isNothing() {
        // SL 7 ZTHR is 850 ft for a TA; 2000 ft apart with no vertical rate never converges.
        assertThat(air(20_000, 300, 2000, true)).isNull();
    }
}
