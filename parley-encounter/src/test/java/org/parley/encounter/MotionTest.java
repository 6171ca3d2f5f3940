package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;

class MotionTest {
    private static final double SECONDS = 1_000;

    /**
     * The osculating circle against GeographicLib's Direct problem (the peer): well inside the 3 m
     * the pair geometry may be off, at any latitude short of the pole and on any course.
     */
    @Property(tries = 2_000)
    void ahead_upToTheLocalLimit_staysOnTheGeodesic(
            @ForAll @DoubleRange(min = -89.99, max = 89.99) double lat,
            @ForAll @DoubleRange(min = -180, max = 180) double lon,
            @ForAll @DoubleRange(min = 0, max = 360, maxIncluded = false) double course,
            @ForAll @DoubleRange(min = 1, max = Motion.LOCAL_LIMIT_METRES) double metres) {
        assertThat(offGeodesicMetres(lat, lon, course, metres)).isLessThan(0.25);
    }

    @Property(tries = 200)
    void ahead_beyondTheLocalLimit_isTheGeodesic(
            @ForAll @DoubleRange(min = -89.99, max = 89.99) double lat,
            @ForAll @DoubleRange(min = 0, max = 360, maxIncluded = false) double course,
            @ForAll @DoubleRange(min = Motion.LOCAL_LIMIT_METRES + 1, max = 300_000) double metres) {
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
