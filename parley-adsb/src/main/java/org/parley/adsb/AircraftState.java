package org.parley.adsb;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What is known about one aircraft from the messages decoded so far: the latest value of each
 * field, empty until a message has carried it. Altitudes in feet (barometric: pressure altitude
 * against 1013.25 hPa; geometric: GNSS height), speeds in knots, angles in degrees clockwise from
 * true north, vertical rate in feet per minute (positive up).
 *
 * @param position the latest CPR-decoded position
 * @param positionAt when {@code position} was received
 * @param onGround true once a surface position or an on-ground status was received, false after
 *     an airborne one
 * @param lastUpdate when the latest message about this aircraft was received
 * @param messages how many messages updated this state
 */
public record AircraftState(
        IcaoAddress address,
        Optional<GeoPosition> position,
        Optional<Instant> positionAt,
        boolean onGround,
        OptionalInt baroAltitudeFeet,
        OptionalInt geometricAltitudeFeet,
        OptionalDouble groundSpeedKnots,
        OptionalDouble trackDegrees,
        OptionalInt verticalRateFeetPerMinute,
        Optional<String> callsign,
        Optional<String> emitterCategory,
        Optional<String> squawk,
        Instant lastUpdate,
        long messages) {
    public AircraftState {
        if (messages < 1) {
            throw new IllegalArgumentException("messages must be >= 1: " + messages);
        }
        if (position.isPresent() != positionAt.isPresent()) {
            throw new IllegalArgumentException("position and positionAt must be both present or both empty");
        }
    }
}
