package org.parley.encounter;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Brute-force closest approach on the ellipsoid: each unit moves along its geodesic at constant
 * speed (geodesic Direct), the distance at each step is a geodesic Inverse. A coarse scan finds the
 * bracket, a golden-section search refines it to 1 ms. Slow, simple, and independent of the plane.
 */
final class GeodesicReference {
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private GeodesicReference() {}

    /** Returns {cpa metres, tcpa seconds}. */
    static double[] closestApproach(Kinematics a, Kinematics b, double horizonSeconds) {
        int steps = 600;
        double dt = horizonSeconds / steps;
        int best = 0;
        double bestRange = Double.MAX_VALUE;
        for (int i = 0; i <= steps; i++) {
            double r = rangeAt(a, b, i * dt);
            if (r < bestRange) {
                bestRange = r;
                best = i;
            }
        }
        double lo = Math.max(0, (best - 1) * dt);
        double hi = Math.min(horizonSeconds, (best + 1) * dt);
        while (hi - lo > 1e-3) {
            double m1 = hi - GOLDEN * (hi - lo);
            double m2 = lo + GOLDEN * (hi - lo);
            if (rangeAt(a, b, m1) <= rangeAt(a, b, m2)) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        double t = (lo + hi) / 2;
        double r = rangeAt(a, b, t);
        return r < bestRange ? new double[] {r, t} : new double[] {bestRange, best * dt};
    }

    static double rangeAt(Kinematics a, Kinematics b, double t) {
        double[] pa = positionAt(a, t);
        double[] pb = positionAt(b, t);
        return Geodesic.WGS84.Inverse(pa[0], pa[1], pb[0], pb[1], GeodesicMask.DISTANCE).s12;
    }

    static double[] positionAt(Kinematics k, double t) {
        GeodesicData d = Geodesic.WGS84.Direct(
                k.latitudeDegrees(),
                k.longitudeDegrees(),
                k.courseDegrees(),
                k.speedMetresPerSecond() * t,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return new double[] {d.lat2, d.lon2};
    }
}
