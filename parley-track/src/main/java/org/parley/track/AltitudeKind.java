package org.parley.track;

/** Barometric (pressure) or geometric (GNSS height) altitude, as ADS-B distinguishes them. */
public enum AltitudeKind {
    BAROMETRIC,
    GEOMETRIC
}
