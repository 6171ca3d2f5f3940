package org.parley.encounter;

import net.sf.geographiclib.Constants;

/**
 * East-north-up coordinates on a plane tangent to the WGS84 ellipsoid at an origin: geodetic to
 * geocentric (ECEF), then the rotation into the origin's local frame.
 *
 * <p>This is what GeographicLib's C++ {@code LocalCartesian} computes; the Java port of
 * GeographicLib (2.0) ships only the geodesic classes, so the two steps are written here. Formulas:
 * NGA.STND.0036 (WGS 84) eq. 4-14 for geocentric coordinates; the ENU rotation is the transpose of
 * the local frame's axes expressed in ECEF. Heights are taken as zero (on the ellipsoid): only the
 * horizontal plane is used, altitude is handled separately in feet.
 */
final class LocalTangentPlane {
    private static final double A = Constants.WGS84_a;
    private static final double F = Constants.WGS84_f;
    private static final double E2 = F * (2 - F);

    private final double x0;
    private final double y0;
    private final double z0;
    private final double sinLat0;
    private final double cosLat0;
    private final double sinLon0;
    private final double cosLon0;

    LocalTangentPlane(double latitudeDegrees, double longitudeDegrees) {
        double phi = Math.toRadians(latitudeDegrees);
        double lambda = Math.toRadians(longitudeDegrees);
        sinLat0 = Math.sin(phi);
        cosLat0 = Math.cos(phi);
        sinLon0 = Math.sin(lambda);
        cosLon0 = Math.cos(lambda);
        double n = A / Math.sqrt(1 - E2 * sinLat0 * sinLat0);
        x0 = n * cosLat0 * cosLon0;
        y0 = n * cosLat0 * sinLon0;
        z0 = n * (1 - E2) * sinLat0;
    }

    /** Writes east and north metres of a point into {@code out[offset]} and {@code out[offset + 1]}. */
    void forward(double latitudeDegrees, double longitudeDegrees, double[] out, int offset) {
        double phi = Math.toRadians(latitudeDegrees);
        double lambda = Math.toRadians(longitudeDegrees);
        double sinLat = Math.sin(phi);
        double cosLat = Math.cos(phi);
        double n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
        double dx = n * cosLat * Math.cos(lambda) - x0;
        double dy = n * cosLat * Math.sin(lambda) - y0;
        double dz = n * (1 - E2) * sinLat - z0;
        out[offset] = -sinLon0 * dx + cosLon0 * dy;
        out[offset + 1] = -sinLat0 * cosLon0 * dx - sinLat0 * sinLon0 * dy + cosLat0 * dz;
    }

    /**
     * A centre for a pair: the normalised mean of the two points' unit vectors on the sphere, which
     * behaves across the antimeridian and over the poles where averaging degrees does not.
     */
    static double[] centre(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double l1 = Math.toRadians(lon1);
        double p2 = Math.toRadians(lat2);
        double l2 = Math.toRadians(lon2);
        double x = Math.cos(p1) * Math.cos(l1) + Math.cos(p2) * Math.cos(l2);
        double y = Math.cos(p1) * Math.sin(l1) + Math.cos(p2) * Math.sin(l2);
        double z = Math.sin(p1) + Math.sin(p2);
        double horizontal = Math.hypot(x, y);
        if (horizontal < 1e-12 && Math.abs(z) < 1e-12) {
            return new double[] {lat1, lon1}; // antipodal points: no useful centre, never a real pair
        }
        return new double[] {Math.toDegrees(Math.atan2(z, horizontal)), Math.toDegrees(Math.atan2(y, x))};
    }
}
