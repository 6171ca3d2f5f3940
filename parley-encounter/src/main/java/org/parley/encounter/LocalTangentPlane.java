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
 *
 * <p>Mutable so that the sweep can move one plane from pair to pair instead of allocating one per
 * pair ({@link #reset}).
 */
final class LocalTangentPlane {
    private static final double A = Constants.WGS84_a;
    private static final double F = Constants.WGS84_f;
    private static final double E2 = F * (2 - F);

    private final double[] origin = new double[3];
    private double sinLat0;
    private double cosLat0;
    private double sinLon0;
    private double cosLon0;

    LocalTangentPlane(double latitudeDegrees, double longitudeDegrees) {
        reset(latitudeDegrees, longitudeDegrees);
    }

    /** Moves the origin of this plane. */
    void reset(double latitudeDegrees, double longitudeDegrees) {
        double phi = Math.toRadians(latitudeDegrees);
        double lambda = Math.toRadians(longitudeDegrees);
        sinLat0 = Math.sin(phi);
        cosLat0 = Math.cos(phi);
        sinLon0 = Math.sin(lambda);
        cosLon0 = Math.cos(lambda);
        double n = A / Math.sqrt(1 - E2 * sinLat0 * sinLat0);
        origin[0] = n * cosLat0 * cosLon0;
        origin[1] = n * cosLat0 * sinLon0;
        origin[2] = n * (1 - E2) * sinLat0;
    }

    /** Geocentric coordinates of a point on the ellipsoid (height 0) into out[0..2], metres. */
    static void geocentric(double latitudeDegrees, double longitudeDegrees, double[] out) {
        double phi = Math.toRadians(latitudeDegrees);
        double lambda = Math.toRadians(longitudeDegrees);
        double sinLat = Math.sin(phi);
        double cosLat = Math.cos(phi);
        double n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
        out[0] = n * cosLat * Math.cos(lambda);
        out[1] = n * cosLat * Math.sin(lambda);
        out[2] = n * (1 - E2) * sinLat;
    }

    /**
     * Writes east and north metres of a point given in geocentric coordinates into {@code
     * out[offset]} and {@code out[offset + 1]} (no trigonometry).
     */
    void forward(double[] geocentric, double[] out, int offset) {
        double dx = geocentric[0] - origin[0];
        double dy = geocentric[1] - origin[1];
        double dz = geocentric[2] - origin[2];
        out[offset] = -sinLon0 * dx + cosLon0 * dy;
        out[offset + 1] = -sinLat0 * cosLon0 * dx - sinLat0 * sinLon0 * dy + cosLat0 * dz;
    }

    /** (cos lat cos lon, cos lat sin lon, sin lat): the point's direction on a sphere. */
    static void unitVector(double latitudeDegrees, double longitudeDegrees, double[] out) {
        double phi = Math.toRadians(latitudeDegrees);
        double lambda = Math.toRadians(longitudeDegrees);
        out[0] = Math.cos(phi) * Math.cos(lambda);
        out[1] = Math.cos(phi) * Math.sin(lambda);
        out[2] = Math.sin(phi);
    }

    /**
     * Moves the origin to the centre of a pair: the normalised mean of the two points' unit vectors
     * ({@link #unitVector}), which behaves across the antimeridian and over the poles where
     * averaging degrees does not. The sines and cosines of the centre's latitude and longitude are
     * the components of that mean, so no trigonometry is needed. For antipodal points (never a real
     * pair) the origin is the first point.
     */
    void resetBetween(double[] unitA, double[] unitB) {
        double x = unitA[0] + unitB[0];
        double y = unitA[1] + unitB[1];
        double z = unitA[2] + unitB[2];
        double horizontal = Math.sqrt(x * x + y * y);
        if (horizontal < 1e-12 && Math.abs(z) < 1e-12) {
            x = unitA[0];
            y = unitA[1];
            z = unitA[2];
            horizontal = Math.sqrt(x * x + y * y);
        }
        double length = Math.sqrt(horizontal * horizontal + z * z);
        sinLat0 = z / length;
        cosLat0 = horizontal / length;
        // At a pole the longitude is arbitrary: take 0, as atan2(0, 0) does.
        sinLon0 = horizontal > 0 ? y / horizontal : 0;
        cosLon0 = horizontal > 0 ? x / horizontal : 1;
        double n = A / Math.sqrt(1 - E2 * sinLat0 * sinLat0);
        origin[0] = n * cosLat0 * cosLon0;
        origin[1] = n * cosLat0 * sinLon0;
        origin[2] = n * (1 - E2) * sinLat0;
    }
}
