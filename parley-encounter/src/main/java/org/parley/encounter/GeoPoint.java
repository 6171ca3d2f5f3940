package org.parley.encounter;

/** A position on the WGS84 ellipsoid. */
public record GeoPoint(double latitudeDegrees, double longitudeDegrees) {
    public GeoPoint {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)
                || !(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("bad position: " + latitudeDegrees + ", " + longitudeDegrees);
        }
    }
}
