package org.parley.encounter;

/**
 * One unit's state at the pair's common instant, in SI units: what the geometry consumes.
 *
 * @param altitudeFeet NaN when unknown (ships, or an aircraft without altitude)
 * @param verticalRateFeetPerSecond 0 when unknown
 */
record Kinematics(
        double latitudeDegrees,
        double longitudeDegrees,
        double speedMetresPerSecond,
        double courseDegrees,
        double altitudeFeet,
        double verticalRateFeetPerSecond) {

    Kinematics {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90) || !Double.isFinite(longitudeDegrees)) {
            throw new IllegalArgumentException("bad position: " + latitudeDegrees + ", " + longitudeDegrees);
        }
        if (!(speedMetresPerSecond >= 0) || !Double.isFinite(speedMetresPerSecond)) {
            throw new IllegalArgumentException("speedMetresPerSecond must be >= 0: " + speedMetresPerSecond);
        }
    }

    static Kinematics surface(double lat, double lon, double speedMetresPerSecond, double courseDegrees) {
        return new Kinematics(lat, lon, speedMetresPerSecond, courseDegrees, Double.NaN, 0);
    }
}
