package org.parley.track;

/** An altitude in feet, with how it was measured. */
public record Altitude(double altitudeFeet, AltitudeKind kind) {
    public Altitude {
        if (!Double.isFinite(altitudeFeet) || altitudeFeet < -2_000 || altitudeFeet > 150_000) {
            throw new IllegalArgumentException("altitudeFeet must be within -2000..150000: " + altitudeFeet);
        }
    }

    public static Altitude barometric(double altitudeFeet) {
        return new Altitude(altitudeFeet, AltitudeKind.BAROMETRIC);
    }
}
