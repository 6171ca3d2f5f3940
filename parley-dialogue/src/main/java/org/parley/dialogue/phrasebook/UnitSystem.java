package org.parley.dialogue.phrasebook;

/** How a reader wants quantities shown. */
public enum UnitSystem {
    /**
     * The units the catalogue names for each parameter: nautical miles, yards or feet for distance,
     * knots for speed, feet for altitude, as sailors and aircrew speak them.
     */
    NAUTICAL,
    /** Metres and kilometres, kilometres per hour, altitude in metres. */
    METRIC
}
