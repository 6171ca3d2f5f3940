package org.parley.encounter;

/**
 * The closed-form encounter geometry of a pair at one instant. Distances in metres, times in
 * seconds from the pair's common instant, altitudes in feet (NaN when either altitude is unknown).
 *
 * @param rangeRateMetresPerSecond negative while closing
 * @param tcpaSeconds clamped to [0, horizon]: 0 means the pair is opening (or not moving)
 * @param relativeBearingDegrees bearing of B seen from A, clockwise from A's heading
 * @param bowCrossingAheadOfAMetres how far ahead of A the unit B crosses A's track; NaN if it does not
 *     within the horizon
 * @param lateralOfBFromAMetres where B is now across A's heading line, starboard positive; a change
 *     of sign while {@code alongOfBFromAMetres > 0} means B crossed A's bow
 */
record PairSolution(
        double rangeMetres,
        double rangeRateMetresPerSecond,
        double cpaMetres,
        double tcpaSeconds,
        double relativeBearingDegrees,
        double bowCrossingAheadOfAMetres,
        double bowCrossingOfASeconds,
        double bowCrossingAheadOfBMetres,
        double bowCrossingOfBSeconds,
        double verticalSeparationFeet,
        double verticalRateFeetPerSecond,
        double verticalSeparationAtCpaFeet,
        double alongOfBFromAMetres,
        double lateralOfBFromAMetres,
        double alongOfAFromBMetres,
        double lateralOfAFromBMetres) {

    /** The smaller of the two bow-crossing distances within {@code withinSeconds}, or NaN. */
    double nearestBowCrossingMetres(double withinSeconds) {
        double best = Double.NaN;
        if (bowCrossingOfASeconds <= withinSeconds) {
            best = bowCrossingAheadOfAMetres;
        }
        if (bowCrossingOfBSeconds <= withinSeconds && !(bowCrossingAheadOfBMetres >= best)) {
            best = bowCrossingAheadOfBMetres;
        }
        return best;
    }
}
