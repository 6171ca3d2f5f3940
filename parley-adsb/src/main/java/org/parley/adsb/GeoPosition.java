package org.parley.adsb;

/** A WGS-84 position decoded from CPR, in degrees (north and east positive). */
public record GeoPosition(double latitudeDegrees, double longitudeDegrees) {
    public GeoPosition {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("latitudeDegrees must be in [-90, 90]: " + latitudeDegrees);
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("longitudeDegrees must be in [-180, 180]: " + longitudeDegrees);
        }
    }

    /** For decoders that already bounded the values; clamps rounding residue at the edges. */
    static GeoPosition ofNormalised(double latitudeDegrees, double longitudeDegrees) {
        return new GeoPosition(
                Math.max(-90, Math.min(90, latitudeDegrees)), Math.max(-180, Math.min(180, longitudeDegrees)));
    }
}
