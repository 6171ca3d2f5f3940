package org.parley.dialogue.phrasebook;

/** The unit the catalogue asks a quantity to be shown in for a reader with {@link UnitSystem#NAUTICAL}. */
public enum DisplayUnit {
    /** The parameter has no unit of its own (angles in degrees, times, positions). */
    NONE,
    /** Nautical miles (1852 m, international definition). */
    NM,
    /** Yards (0.9144 m, international yard of 1959). */
    YD,
    /** Metres. */
    M,
    /** Feet (0.3048 m). */
    FT,
    /** Knots (nautical miles per hour). */
    KN
}
