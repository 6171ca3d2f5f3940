package org.parley.dialogue.phrasebook;

/**
 * The types a phrase parameter may have, with the units a sender may write its argument in and the
 * units the catalogue may choose for display.
 */
public enum ParameterKind {
    /** True course or heading, degrees in [0, 360); argument e.g. {@code 045} or {@code 45.5deg}. */
    COURSE,
    /** True bearing, degrees in [0, 360). */
    BEARING,
    /** Horizontal distance, 0 to 1000 NM; argument with a unit: {@code 150yd}, {@code 1.5NM}, {@code 300m}. */
    DISTANCE,
    /** Speed over ground or closure rate, 0 to 2000 kn; argument e.g. {@code 12kn}, {@code 30km/h}. */
    SPEED,
    /** A UTC instant; argument in ISO-8601, e.g. {@code 2026-08-03T14:05:00Z}. */
    TIME,
    /** Altitude or vertical separation, -1500 ft to 100000 ft; argument e.g. {@code 3000ft}, {@code 900m}. */
    ALTITUDE,
    /** WGS 84 position; argument as decimal degrees {@code lat,lon}, e.g. {@code 21.5,114.25}. */
    POSITION,
    /** A whole number of people or things, 0 to 100000 (souls on board); argument e.g. {@code 24}. */
    COUNT,
    /**
     * A proper name shown as written in both languages (an airfield, a port, a unit): 1 to 40
     * letters, digits, spaces and {@code - . ' /}; argument e.g. {@code Lingshui (ZJLS)}.
     */
    NAME;

    /** Whether the catalogue may ask this kind of quantity to be shown in {@code unit}. */
    public boolean allows(DisplayUnit unit) {
        return switch (this) {
            case COURSE, BEARING, TIME, POSITION, COUNT, NAME -> unit == DisplayUnit.NONE;
            case DISTANCE ->
                unit == DisplayUnit.NM || unit == DisplayUnit.YD || unit == DisplayUnit.M || unit == DisplayUnit.FT;
            case SPEED -> unit == DisplayUnit.KN;
            case ALTITUDE -> unit == DisplayUnit.FT || unit == DisplayUnit.M;
        };
    }

    /** The display unit used when the catalogue names none. */
    public DisplayUnit defaultUnit() {
        return switch (this) {
            case COURSE, BEARING, TIME, POSITION, COUNT, NAME -> DisplayUnit.NONE;
            case DISTANCE -> DisplayUnit.NM;
            case SPEED -> DisplayUnit.KN;
            case ALTITUDE -> DisplayUnit.FT;
        };
    }
}
