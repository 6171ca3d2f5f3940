package org.parley.dialogue.phrasebook;

/**
 * The unit conversions of the phrasebook, in one place. All are exact by definition: the
 * international nautical mile (1852 m, International Hydrographic Conference 1929), and the
 * international yard and foot (1959 agreement: 0.9144 m, 0.3048 m).
 */
final class Units {
    static final double METRES_PER_NAUTICAL_MILE = 1852.0;
    static final double METRES_PER_YARD = 0.9144;
    static final double METRES_PER_FOOT = 0.3048;
    static final double METRES_PER_KILOMETRE = 1000.0;
    static final double METRES_PER_SECOND_PER_KNOT = METRES_PER_NAUTICAL_MILE / 3600.0;
    static final double METRES_PER_SECOND_PER_KMH = METRES_PER_KILOMETRE / 3600.0;

    private Units() {}
}
