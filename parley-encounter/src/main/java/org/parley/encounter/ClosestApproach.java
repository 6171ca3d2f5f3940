package org.parley.encounter;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The closest the two units of an encounter actually came (measured at the evaluations so far, not
 * predicted), with where both were, the bearing of B seen from A's bow, and any bow crossing seen.
 */
public record ClosestApproach(
        double rangeMetres,
        Instant time,
        GeoPoint positionA,
        GeoPoint positionB,
        double relativeBearingDegrees,
        OptionalDouble verticalSeparationFeet,
        Optional<BowCrossing> bowCrossing) {

    public ClosestApproach {
        if (!(rangeMetres >= 0)) {
            throw new IllegalArgumentException("rangeMetres must be >= 0: " + rangeMetres);
        }
    }

    /** Range in yards (ship reports) . */
    public double rangeYards() {
        return rangeMetres / Rules.METRES_PER_YARD;
    }

    /** Range in feet (aircraft reports). */
    public double rangeFeet() {
        return rangeMetres / Rules.METRES_PER_FOOT;
    }
}
