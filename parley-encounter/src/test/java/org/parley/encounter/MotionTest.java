package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

class MotionTest {
    private static final double SECONDS = 1_000;

    /**
     * The osculating circle against GeographicLib's Direct problem (the peer): well inside the 3 m
     * the pair geometry may be off, at any latitude short of the pole and on any course.
     */
    @SeededTest(tries = 2_000)
    void ahead_upToTheLocalLimit_staysOnTheGeodesic(SplittableRandom random) {
        double lat = Generators.doubleBetween(random, -89.99, 89.99);
        double lon = Generators.doubleBetween(random, -180, 180);
        double course = random.nextDouble(0, 360);
        double metres = Generators.doubleBetween(random, 1, Motion.LOCAL_LIMIT_METRES);
        assertThat(offGeodesicMetres(lat, lon, course, metres)).isLessThan(0.25);
    }

    @SeededTest(tries = 200)
    void ahead_beyondTheLocalLimit_isTheGeodesic(SplittableRandom random) {
        double lat = Generators.doubleBetween(random, -89.99, 89.99);
        double course = random.nextDouble(0, 360);
        double metres = Generators.doubleBetween(random, Motion.LOCAL_LIMIT_METRES + 1, 300_000);
        assertThat(offGeodesicMetres(lat, 30, course, metres)).isLessThan(0.001);
    }

    private static double offGeodesicMetres(double lat, double lon, double course, double metres) {
        Motion m = new Motion(Kinematics.surface(lat, lon, metres / SECONDS, course));
        double[] got = new double[3];
        m.ahead(SECONDS, got);
        GeodesicData d = Geodesic.WGS84.Direct(lat, lon, course, metres);
        double[] want = new double[3];
        LocalTangentPlane.geocentric(d.lat2, d.lon2, want);
        double dx = got[0] - want[0];
        double dy = got[1] - want[1];
        double dz = got[2] - want[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
