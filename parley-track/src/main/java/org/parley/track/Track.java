package org.parley.track;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The latest accepted state of one target: an immutable snapshot taken when a report was accepted.
 *
 * @param speedKnots speed over ground; 0 when {@link #motion()} is UNKNOWN
 * @param courseDegrees course over ground, 0..360; 0 when {@link #motion()} is UNKNOWN
 * @param silenceAllowed how long the target may stay silent before the track is stale
 * @param reports accepted reports so far
 * @param since time of the first report of this track (the track's history starts there; a
 *     track dropped as stale starts again)
 */
public record Track(
        TargetId id,
        Domain domain,
        Transponder transponder,
        Instant time,
        double latitudeDegrees,
        double longitudeDegrees,
        double speedKnots,
        double courseDegrees,
        MotionSource motion,
        OptionalDouble headingDegrees,
        Optional<Altitude> altitude,
        OptionalDouble verticalRateFeetPerMinute,
        OptionalInt navigationStatus,
        OptionalInt shipType,
        Optional<String> emitterCategory,
        Duration silenceAllowed,
        long reports,
        Instant since) {

    public Track {
        if (!(speedKnots >= 0) || !Double.isFinite(speedKnots)) {
            throw new IllegalArgumentException("speedKnots must be finite and >= 0: " + speedKnots);
        }
        if (!(courseDegrees >= 0 && courseDegrees < 360)) {
            throw new IllegalArgumentException("courseDegrees must be within 0..360: " + courseDegrees);
        }
        if (silenceAllowed.isNegative() || silenceAllowed.isZero()) {
            throw new IllegalArgumentException("silenceAllowed must be positive: " + silenceAllowed);
        }
    }

    /** True when nothing was heard from the target for longer than it is allowed to be silent. */
    public boolean isStale(Instant now) {
        return Duration.between(time, now).compareTo(silenceAllowed) > 0;
    }

    /**
     * This track with other air data: what the table carries over from the previous state when a
     * new report lacks it (an ADS-B position without altitude, a frame without the emitter category).
     */
    Track withAirData(
            Optional<Altitude> newAltitude, OptionalDouble newVerticalRate, Optional<String> newEmitterCategory) {
        return new Track(
                id,
                domain,
                transponder,
                time,
                latitudeDegrees,
                longitudeDegrees,
                speedKnots,
                courseDegrees,
                motion,
                headingDegrees,
                newAltitude,
                newVerticalRate,
                navigationStatus,
                shipType,
                newEmitterCategory,
                silenceAllowed,
                reports,
                since);
    }

    /** Seconds of history behind this track: from its first report to its latest. */
    public double historySeconds() {
        return (time.toEpochMilli() - since.toEpochMilli()) / 1000.0;
    }

    /** Altitude in feet, or empty (ships, and aircraft that did not report one). */
    public OptionalDouble altitudeFeet() {
        return altitude.map(a -> OptionalDouble.of(a.altitudeFeet())).orElse(OptionalDouble.empty());
    }
}
