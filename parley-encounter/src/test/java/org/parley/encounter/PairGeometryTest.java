package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

class PairGeometryTest {
    private static final double NM = 1852.0;
    private static final double KNOT = NM / 3600.0;
    private static final double SHIP_HORIZON = 1800;
    private static final double AIR_HORIZON = 300;

    /** A pair: A anywhere, B within 50 NM of A, each with its own speed and course. */
    record Pair(Kinematics a, Kinematics b) {}

    @SeededTest(tries = 300)
    void solve_shipsAnywhereWithin50Nm_matchesGeodesicReferenceWithinBudget(SplittableRandom random) {
        assertMatchesReference(pair(random, 0, 40, SHIP_HORIZON), SHIP_HORIZON);
    }

    @SeededTest(tries = 200)
    void solve_aircraftAnywhereWithin50Nm_matchesGeodesicReferenceWithinBudget(SplittableRandom random) {
        assertMatchesReference(pair(random, 100, 550, AIR_HORIZON), AIR_HORIZON);
    }

    /**
     * The error budget of docs/decisions.md, decision 8, as measured: 3 m, or 7 parts in 100,000 of
     * the distance where that is more (the tangent plane's error grows with distance; seeded runs
     * found 3.1 m at 48 NM and 3.67 m at 32 NM near 80 N). At the few miles where alerts are raised
     * that is centimetres; at 50 NM it allows 6.5 m.
     */
    static double budgetMetres(double distanceMetres) {
        return Math.max(3.0, 7e-5 * distanceMetres);
    }

    private static void assertMatchesReference(Pair pair, double horizon) {
        PairSolution s = PairGeometry.solve(pair.a(), pair.b(), horizon);
        double[] reference = GeodesicReference.closestApproach(pair.a(), pair.b(), horizon);
        assertThat(s.cpaMetres()).as("CPA distance").isCloseTo(reference[0], within(budgetMetres(reference[0])));
        // TCPA is ill-conditioned when the minimum is flat; what matters is the range at our TCPA.
        double rangeAtOurTcpa = GeodesicReference.rangeAt(pair.a(), pair.b(), s.tcpaSeconds());
        assertThat(rangeAtOurTcpa)
                .as("true range at our TCPA")
                .isCloseTo(reference[0], within(budgetMetres(reference[0])));
        double rangeNow = GeodesicReference.rangeAt(pair.a(), pair.b(), 0);
        assertThat(s.rangeMetres()).as("range now").isCloseTo(rangeNow, within(budgetMetres(rangeNow)));
    }

    /** A pair whose closest approach is within the 50 NM budget: drawn again until one is. */
    private static Pair pair(SplittableRandom random, double minKnots, double maxKnots, double horizon) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Pair p = anyPair(random, minKnots, maxKnots);
            if (endsWithin50Nm(p, horizon)) {
                return p;
            }
        }
        throw new IllegalStateException("no pair within 50 NM in 1000 draws: the generator is broken");
    }

    private static Pair anyPair(SplittableRandom random, double minKnots, double maxKnots) {
        // Latitudes weighted to the poles and longitudes to the antimeridian, where flat sheets fail.
        double lat = switch (random.nextInt(3)) {
            case 0 -> Generators.doubleBetween(random, -89.9, 89.9);
            case 1 -> Generators.doubleBetween(random, 80, 89.9);
            default -> Generators.doubleBetween(random, -89.9, -80);
        };
        double lon = switch (random.nextInt(3)) {
            case 0 -> Generators.doubleBetween(random, -180, 180);
            case 1 -> Generators.doubleBetween(random, 179, 180);
            default -> Generators.doubleBetween(random, -180, -179);
        };
        double rangeNm = Generators.doubleBetween(random, 0.01, random.nextBoolean() ? 50 : 2);
        double bearing = Generators.doubleBetween(random, 0, 359.99);
        Kinematics a = Kinematics.surface(
                lat,
                lon,
                Generators.doubleBetween(random, minKnots, maxKnots) * KNOT,
                Generators.doubleBetween(random, 0, 359.99));
        GeodesicData d = Geodesic.WGS84.Direct(lat, lon, bearing, rangeNm * NM);
        Kinematics b = Kinematics.surface(
                d.lat2,
                d.lon2,
                Generators.doubleBetween(random, minKnots, maxKnots) * KNOT,
                Generators.doubleBetween(random, 0, 359.99));
        return new Pair(a, b);
    }

    /** Keeps pairs whose closest approach is itself within the 50 NM budget. */
    private static boolean endsWithin50Nm(Pair p, double horizon) {
        return GeodesicReference.closestApproach(p.a(), p.b(), horizon)[0] <= 50 * NM;
    }

    @Test
    void solve_headOnOnEquator_meetsHalfwayAfterThirtyMinutes() {
        // 10 NM apart on the equator, closing at 10 + 10 kn: 10 NM / 20 kn = 0.5 h, CPA 0.
        double lonB = 10 * NM / (Geodesic.WGS84.EquatorialRadius() * Math.PI / 180);
        Kinematics a = Kinematics.surface(0, 0, 10 * KNOT, 90);
        Kinematics b = Kinematics.surface(0, lonB, 10 * KNOT, 270);

        PairSolution s = PairGeometry.solve(a, b, 3600);

        assertThat(s.rangeMetres()).isCloseTo(10 * NM, within(1.0));
        assertThat(s.tcpaSeconds()).isCloseTo(1800, within(1.0));
        assertThat(s.cpaMetres()).isLessThan(1.0);
        assertThat(s.rangeRateMetresPerSecond()).isCloseTo(-20 * KNOT, within(0.01));
        assertThat(s.relativeBearingDegrees()).isCloseTo(0, within(0.01));
    }

    @Test
    void solve_crossingFromStarboard_reportsBowCrossingOneMileAhead() {
        // A north at 10 kn from the origin; B 2 NM east and 3 NM north steering west at 10 kn.
        // B reaches A's track after 2 NM / 10 kn = 12 min, when A has made 2 NM: 1 NM ahead of A.
        Kinematics a = Kinematics.surface(0, 0, 10 * KNOT, 0);
        GeodesicData north = Geodesic.WGS84.Direct(0, 0, 0, 3 * NM);
        GeodesicData east = Geodesic.WGS84.Direct(north.lat2, north.lon2, 90, 2 * NM);
        Kinematics b = Kinematics.surface(east.lat2, east.lon2, 10 * KNOT, 270);

        PairSolution s = PairGeometry.solve(a, b, 1800);

        assertThat(s.bowCrossingAheadOfAMetres()).isCloseTo(NM, within(5.0));
        assertThat(s.bowCrossingOfASeconds()).isCloseTo(720, within(2.0));
        assertThat(s.bowCrossingAheadOfBMetres()).isNaN(); // A passes astern of B
    }

    @Test
    void solve_openingPair_hasZeroTcpaAndCpaEqualToRange() {
        Kinematics a = Kinematics.surface(60, 5, 12 * KNOT, 180);
        GeodesicData d = Geodesic.WGS84.Direct(60, 5, 0, 3 * NM);
        Kinematics b = Kinematics.surface(d.lat2, d.lon2, 12 * KNOT, 0);

        PairSolution s = PairGeometry.solve(a, b, 1800);

        assertThat(s.tcpaSeconds()).isZero();
        assertThat(s.cpaMetres()).isCloseTo(3 * NM, within(1.0));
        assertThat(s.rangeRateMetresPerSecond()).isPositive();
    }

    @Test
    void solve_aircraftClimbingTowardEachOther_predictsVerticalSeparationAtCpa() {
        // Head-on at 300 + 300 kn from 10 NM: CPA after 60 s; 1000 ft apart closing at 1000 ft/min.
        double lonB = 10 * NM / (Geodesic.WGS84.EquatorialRadius() * Math.PI / 180);
        Kinematics a = new Kinematics(0, 0, 300 * KNOT, 90, 20_000, 1000 / 60.0);
        Kinematics b = new Kinematics(0, lonB, 300 * KNOT, 270, 21_000, 0);

        PairSolution s = PairGeometry.solve(a, b, 300);

        assertThat(s.tcpaSeconds()).isCloseTo(60, within(0.5));
        assertThat(s.verticalSeparationFeet()).isEqualTo(1000);
        assertThat(s.verticalSeparationAtCpaFeet()).isCloseTo(0, within(10.0));
    }
}
