package org.parley.track;

import java.time.Duration;

/**
 * Plausibility and staleness limits of a {@link TrackTable}.
 *
 * @param shipMaxSpeedKnots implied speeds above this between two ship positions are jumps
 * @param aircraftMaxSpeedKnots the same for aircraft (default Mach 3 at sea level)
 * @param shipPositionNoiseMetres distance forgiven before computing implied speed (GNSS noise)
 * @param aircraftPositionNoiseMetres the same for aircraft (ADS-B NACp and CPR rounding)
 * @param missedReportsBeforeStale an AIS track is stale after this many nominal intervals of
 *     silence
 * @param adsbSilenceAllowed ADS-B tracks are stale after this much silence
 * @param reseedAfterJumps after this many consecutive rejected jumps the track restarts from the
 *     newest report (the old position was the wrong one)
 * @param maxEstimationGap positions further apart in time than this do not yield an estimated
 *     speed and course
 */
public record TrackPolicy(
        double shipMaxSpeedKnots,
        double aircraftMaxSpeedKnots,
        double shipPositionNoiseMetres,
        double aircraftPositionNoiseMetres,
        int missedReportsBeforeStale,
        Duration adsbSilenceAllowed,
        int reseedAfterJumps,
        Duration maxEstimationGap) {

    /** Speed of sound at sea level in the ICAO standard atmosphere, knots (661.47 kn). */
    public static final double SPEED_OF_SOUND_KNOTS = 661.47;

    public TrackPolicy {
        if (!(shipMaxSpeedKnots > 0) || !(aircraftMaxSpeedKnots > 0)) {
            throw new IllegalArgumentException("maximum speeds must be > 0");
        }
        if (shipPositionNoiseMetres < 0 || aircraftPositionNoiseMetres < 0) {
            throw new IllegalArgumentException("position noise must be >= 0");
        }
        if (missedReportsBeforeStale < 1 || reseedAfterJumps < 1) {
            throw new IllegalArgumentException("missedReportsBeforeStale and reseedAfterJumps must be >= 1");
        }
        if (!adsbSilenceAllowed.isPositive() || !maxEstimationGap.isPositive()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /**
     * The limits: 60 kn for ships, Mach 3 for aircraft, stale after three missed AIS
     * reports or 60 s without ADS-B.
     */
    public static TrackPolicy defaults() {
        return new TrackPolicy(
                60, 3 * SPEED_OF_SOUND_KNOTS, 30, 300, 3, Duration.ofSeconds(60), 3, Duration.ofMinutes(10));
    }
}
