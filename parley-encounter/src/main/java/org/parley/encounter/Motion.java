package org.parley.encounter;

import java.time.Instant;
import net.sf.geographiclib.Constants;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.jspecify.annotations.Nullable;

/**
 * One unit's motion from an instant on, with what every pair solve needs computed once per unit
 * rather than once per pair: its geocentric position, the osculating circle of its geodesic, and
 * its position after the first-pass interval.
 *
 * <p>A later position on the geodesic is taken on the circle that has the geodesic's tangent and
 * curvature at the start: the geodesic's normal is the ellipsoid's (Clairaut; a geodesic has no
 * curvature within the surface), of curvature cos^2(azimuth) / M + sin^2(azimuth) / N (Euler's
 * theorem with the meridian and prime vertical radii M and N). The circle agrees with the geodesic
 * to second order in the distance s, and the third-order terms (the change of the normal
 * curvature along the way and the geodesic torsion) are of order e^2 s^3 / a^2: about 0.1 m at
 * 100 km, against the 3 m the pair geometry is allowed (MotionTest checks it against
 * GeographicLib's Direct problem). Farther than {@link #LOCAL_LIMIT_METRES} (a fast aircraft over
 * a long horizon) GeographicLib's geodesic line is used instead. The circle costs a sine and a
 * cosine; GeographicLib's line position cost a series, its angle normalisation and the
 * conversion back to geocentric coordinates, and was the largest cost of a sweep's pair solves.
 *
 * <p>Immutable (all fields final), so sweep workers may share one through a plain field: if two
 * compute the same unit at once, both results are equal and either may win.
 */
final class Motion {
    private static final int CAPS = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.DISTANCE_IN;
    private static final int OUT = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE;
    /** Farthest distance ahead taken on the osculating circle, metres. */
    static final double LOCAL_LIMIT_METRES = 100_000;
    /** Units faster than this (m/s, about 97 kn: aircraft) keep a geodesic line for longer distances. */
    private static final double LINE_FROM_MPS = 50;

    private static final double A = Constants.WGS84_a;
    private static final double E2 = Constants.WGS84_f * (2 - Constants.WGS84_f);

    private final Kinematics kinematics;
    /** Geocentric position now, metres. */
    final double[] now = new double[3];
    /** Unit vector of the position on the sphere (geodetic latitude), for pair centres. */
    final double[] unit = new double[3];
    /** Geocentric position {@link PairGeometry#FIRST_PASS_SECONDS} from now, metres. */
    final double[] firstPass = new double[3];

    /** Unit tangent (direction of travel) and unit outward normal of the ellipsoid, geocentric. */
    private final double[] tangent = new double[3];

    private final double[] up = new double[3];
    /** Normal curvature of the ellipsoid along the course, 1/m. */
    private final double curvature;

    private final @Nullable GeodesicLine line;
    /** The report this motion was computed from (a slot's version) and the instant it is for. */
    final long version;

    final Instant at;

    Motion(Kinematics k) {
        this(k, -1, Instant.EPOCH);
    }

    Motion(Kinematics k, long version, Instant at) {
        this.kinematics = k;
        this.version = version;
        this.at = at;
        LocalTangentPlane.geocentric(k.latitudeDegrees(), k.longitudeDegrees(), now);
        LocalTangentPlane.unitVector(k.latitudeDegrees(), k.longitudeDegrees(), unit);
        double phi = Math.toRadians(k.latitudeDegrees());
        double lambda = Math.toRadians(k.longitudeDegrees());
        double course = Math.toRadians(k.courseDegrees());
        double sinLat = Math.sin(phi);
        double cosLat = Math.cos(phi);
        double sinLon = Math.sin(lambda);
        double cosLon = Math.cos(lambda);
        double east = Math.sin(course);
        double north = Math.cos(course);
        // East (-sin lon, cos lon, 0) and north (-sin lat cos lon, -sin lat sin lon, cos lat).
        tangent[0] = -sinLon * east - sinLat * cosLon * north;
        tangent[1] = cosLon * east - sinLat * sinLon * north;
        tangent[2] = cosLat * north;
        up[0] = cosLat * cosLon;
        up[1] = cosLat * sinLon;
        up[2] = sinLat;
        double w2 = 1 - E2 * sinLat * sinLat;
        double primeVertical = A / Math.sqrt(w2);
        double meridian = A * (1 - E2) / (w2 * Math.sqrt(w2));
        curvature = north * north / meridian + east * east / primeVertical;
        line = k.speedMetresPerSecond() <= LINE_FROM_MPS
                ? null
                : new GeodesicLine(Geodesic.WGS84, k.latitudeDegrees(), k.longitudeDegrees(), k.courseDegrees(), CAPS);
        ahead(PairGeometry.FIRST_PASS_SECONDS, firstPass);
    }

    Kinematics kinematics() {
        return kinematics;
    }

    /** Writes the geocentric position {@code seconds} from now, along the geodesic, into out. */
    void ahead(double seconds, double[] out) {
        double s = kinematics.speedMetresPerSecond() * seconds;
        if (s == 0) {
            System.arraycopy(now, 0, out, 0, 3);
        } else if (Math.abs(s) <= LOCAL_LIMIT_METRES) {
            onCircle(s, out);
        } else {
            GeodesicData d = geodesicAt(s);
            LocalTangentPlane.geocentric(d.lat2, d.lon2, out);
        }
    }

    /** The point {@code s} metres along the osculating circle: sin(ks)/k ahead, (1 - cos(ks))/k down. */
    private void onCircle(double s, double[] out) {
        double angle = curvature * s;
        double along = Math.sin(angle) / curvature;
        double down = (1 - Math.cos(angle)) / curvature;
        out[0] = now[0] + tangent[0] * along - up[0] * down;
        out[1] = now[1] + tangent[1] * along - up[1] * down;
        out[2] = now[2] + tangent[2] * along - up[2] * down;
    }

    private GeodesicData geodesicAt(double s) {
        GeodesicLine l = line;
        return l != null
                ? l.Position(s, OUT)
                : Geodesic.WGS84.Direct(
                        kinematics.latitudeDegrees(),
                        kinematics.longitudeDegrees(),
                        kinematics.courseDegrees(),
                        s,
                        OUT);
    }
}
