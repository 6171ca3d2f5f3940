package org.parley.adsb;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Compact Position Reporting decode, DO-260B Appendix A §A.1.7 (airborne and surface, global from
 * an even/odd pair and local against a reference). Coordinates are 17-bit fractions {@code YZ/2^17}
 * and {@code XZ/2^17}.
 */
final class Cpr {
    private static final int NZ = 15;
    private static final double SCALE = 131072.0; // 2^17
    /** Transition latitudes: NL(lat) = n for |lat| below TRANSITION[n] and above TRANSITION[n+1]. */
    private static final double[] TRANSITION = new double[60];

    static {
        // DO-260B A.1.7.2 d): NL(lat) = floor(2π / acos(1 - (1 - cos(π/2NZ)) / cos²(π·lat/180))),
        // inverted to the latitude at which NL steps down from n to n-1.
        double a = 1 - Math.cos(Math.PI / (2 * NZ));
        for (int n = 2; n < 60; n++) {
            TRANSITION[n] = Math.toDegrees(Math.acos(Math.sqrt(a / (1 - Math.cos(2 * Math.PI / n)))));
        }
    }

    private Cpr() {}

    /** Number of longitude zones at a latitude (DO-260B A.1.7.2 d). */
    static int nl(double latitudeDegrees) {
        double lat = Math.abs(latitudeDegrees);
        for (int n = 59; n >= 2; n--) {
            if (lat < TRANSITION[n]) {
                return n;
            }
        }
        return 1;
    }

    private static double mod(double x, double y) {
        return x - y * Math.floor(x / y);
    }

    /**
     * Global airborne decode (DO-260B A.1.7.7) from an even and an odd report; {@code latestOdd}
     * says which one is newer and so sets the result.
     */
    static Optional<GeoPosition> globalAirborne(int latEven, int lonEven, int latOdd, int lonOdd, boolean latestOdd) {
        return Optional.ofNullable(globalAirborneOrNull(latEven, lonEven, latOdd, lonOdd, latestOdd));
    }

    /** {@link #globalAirborne}, null for no position: the decoder's path, one object per fix. */
    static @Nullable GeoPosition globalAirborneOrNull(
            int latEven, int lonEven, int latOdd, int lonOdd, boolean latestOdd) {
        return global(360.0, latEven, lonEven, latOdd, lonOdd, latestOdd, 0, null);
    }

    /**
     * Global surface decode (DO-260B A.1.7.8): the pair fixes the position up to a quarter of the
     * globe in longitude and a choice of hemisphere; the solution nearest {@code reference} wins.
     */
    static Optional<GeoPosition> globalSurface(
            int latEven, int lonEven, int latOdd, int lonOdd, boolean latestOdd, GeoPosition reference) {
        return Optional.ofNullable(globalSurfaceOrNull(latEven, lonEven, latOdd, lonOdd, latestOdd, reference));
    }

    /** {@link #globalSurface}, null for no position. */
    static @Nullable GeoPosition globalSurfaceOrNull(
            int latEven, int lonEven, int latOdd, int lonOdd, boolean latestOdd, GeoPosition reference) {
        return global(90.0, latEven, lonEven, latOdd, lonOdd, latestOdd, reference.latitudeDegrees(), reference);
    }

    /** Of the four surface longitudes 90° apart, the one nearest the reference's. */
    private static double nearestQuadrant(double lon0, GeoPosition reference) {
        double bestLon = lon0;
        double bestDiff = Double.MAX_VALUE;
        for (int k = 0; k < 4; k++) {
            double lon = normaliseLon(lon0 + 90 * k);
            double diff = Math.abs(normaliseLon(lon - reference.longitudeDegrees()));
            if (diff < bestDiff) {
                bestDiff = diff;
                bestLon = lon;
            }
        }
        return bestLon;
    }

    /**
     * The pair decode shared by airborne and surface; {@code referenceLatitude} picks the
     * hemisphere of a surface solution (the 90° zones repeat every 90°) before NL is taken, and
     * {@code surfaceReference} (null when airborne) the quadrant of its longitude.
     */
    private static @Nullable GeoPosition global(
            double span,
            int latEven,
            int lonEven,
            int latOdd,
            int lonOdd,
            boolean latestOdd,
            double referenceLatitude,
            @Nullable GeoPosition surfaceReference) {
        double dLatEven = span / 60;
        double dLatOdd = span / 59;
        double yzEven = latEven / SCALE;
        double yzOdd = latOdd / SCALE;
        double j = Math.floor(59 * yzEven - 60 * yzOdd + 0.5);
        double rlatEven = dLatEven * (mod(j, 60) + yzEven);
        double rlatOdd = dLatOdd * (mod(j, 59) + yzOdd);
        if (span == 360.0) {
            rlatEven = rlatEven >= 270 ? rlatEven - 360 : rlatEven;
            rlatOdd = rlatOdd >= 270 ? rlatOdd - 360 : rlatOdd;
        } else if (Math.abs(rlatEven - 90 - referenceLatitude) < Math.abs(rlatEven - referenceLatitude)) {
            // DO-260B A.1.7.8: the surface solution is north or south of the equator; take the
            // one nearer the reference.
            rlatEven -= 90;
            rlatOdd -= 90;
        }
        if (Math.abs(rlatEven) > 90 || Math.abs(rlatOdd) > 90) {
            return null;
        }
        int nlEven = nl(rlatEven);
        if (nlEven != nl(rlatOdd)) {
            // The two reports straddle a longitude-zone boundary: wait for a fresh pair.
            return null;
        }
        double lat = latestOdd ? rlatOdd : rlatEven;
        int ni = Math.max(latestOdd ? nlEven - 1 : nlEven, 1);
        double xzEven = lonEven / SCALE;
        double xzOdd = lonOdd / SCALE;
        double m = Math.floor(xzEven * (nlEven - 1) - xzOdd * nlEven + 0.5);
        double lon = (span / ni) * (mod(m, ni) + (latestOdd ? xzOdd : xzEven));
        if (surfaceReference == null) {
            return GeoPosition.ofNormalised(lat, normaliseLon(lon));
        }
        return GeoPosition.ofNormalised(lat, nearestQuadrant(lon, surfaceReference));
    }

    /**
     * Local decode against a reference within half a zone (DO-260B A.1.7.5 airborne, A.1.7.6
     * surface).
     */
    static Optional<GeoPosition> local(int yz, int xz, boolean odd, boolean surface, GeoPosition reference) {
        return Optional.ofNullable(localOrNull(yz, xz, odd, surface, reference));
    }

    /** {@link #local}, null for no position. */
    static @Nullable GeoPosition localOrNull(int yz, int xz, boolean odd, boolean surface, GeoPosition reference) {
        double span = surface ? 90.0 : 360.0;
        int i = odd ? 1 : 0;
        double dLat = span / (60 - i);
        double refLat = reference.latitudeDegrees();
        double refLon = reference.longitudeDegrees();
        double yzFrac = yz / SCALE;
        double j = Math.floor(refLat / dLat) + Math.floor(0.5 + mod(refLat, dLat) / dLat - yzFrac);
        double lat = dLat * (j + yzFrac);
        if (Math.abs(lat) > 90) {
            return null;
        }
        double dLon = span / Math.max(nl(lat) - i, 1);
        double xzFrac = xz / SCALE;
        double m = Math.floor(refLon / dLon) + Math.floor(0.5 + mod(refLon, dLon) / dLon - xzFrac);
        double lon = normaliseLon(dLon * (m + xzFrac));
        return GeoPosition.ofNormalised(lat, lon);
    }

    static double normaliseLon(double lon) {
        return mod(lon + 180, 360) - 180;
    }
}
