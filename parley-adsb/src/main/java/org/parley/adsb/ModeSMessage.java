package org.parley.adsb;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A decoded Mode S reply. Extended squitters (DF17/18) are split by ME type code (DO-260B
 * §2.2.3.2); the other formats by downlink format (ICAO Annex 10 Vol IV §3.1.2).
 */
public sealed interface ModeSMessage {
    /** Downlink format, 0-24. */
    int downlinkFormat();

    /** The aircraft (or vehicle) address: read from the frame or recovered from its parity. */
    IcaoAddress address();

    /** DF17/18 TC 1-4: identification and category (DO-260B §2.2.3.2.5). */
    record Identification(
            int downlinkFormat,
            IcaoAddress address,
            int typeCode,
            int category,
            String emitterCategory,
            String callsign)
            implements ModeSMessage {}

    /**
     * DF17/18 TC 9-18 (barometric altitude) and 20-22 (GNSS height): airborne position
     * (DO-260B §2.2.3.2.3). {@code position} is present once CPR decoding succeeded.
     */
    record AirbornePosition(
            int downlinkFormat,
            IcaoAddress address,
            int typeCode,
            OptionalInt altitudeFeet,
            boolean gnssAltitude,
            int surveillanceStatus,
            boolean oddFormat,
            int cprLatitude,
            int cprLongitude,
            Optional<GeoPosition> position)
            implements ModeSMessage {
        AirbornePosition withPosition(Optional<GeoPosition> p) {
            return new AirbornePosition(
                    downlinkFormat,
                    address,
                    typeCode,
                    altitudeFeet,
                    gnssAltitude,
                    surveillanceStatus,
                    oddFormat,
                    cprLatitude,
                    cprLongitude,
                    p);
        }
    }

    /** DF17/18 TC 5-8: surface position and movement (DO-260B §2.2.3.2.4). */
    record SurfacePosition(
            int downlinkFormat,
            IcaoAddress address,
            int typeCode,
            OptionalDouble groundSpeedKnots,
            OptionalDouble trackDegrees,
            boolean oddFormat,
            int cprLatitude,
            int cprLongitude,
            Optional<GeoPosition> position)
            implements ModeSMessage {
        SurfacePosition withPosition(Optional<GeoPosition> p) {
            return new SurfacePosition(
                    downlinkFormat,
                    address,
                    typeCode,
                    groundSpeedKnots,
                    trackDegrees,
                    oddFormat,
                    cprLatitude,
                    cprLongitude,
                    p);
        }
    }

    /**
     * DF17/18 TC 19: airborne velocity, subtypes 1-2 (ground speed) and 3-4 (airspeed and
     * heading), with vertical rate and GNSS-baro difference (DO-260B §2.2.3.2.6).
     */
    record AirborneVelocity(
            int downlinkFormat,
            IcaoAddress address,
            int subtype,
            OptionalDouble groundSpeedKnots,
            OptionalDouble trackDegrees,
            OptionalInt airspeedKnots,
            boolean trueAirspeed,
            OptionalDouble headingDegrees,
            OptionalInt verticalRateFeetPerMinute,
            boolean barometricVerticalRate,
            OptionalInt gnssMinusBaroFeet)
            implements ModeSMessage {}

    /** DF17/18 TC 28: aircraft status, emergency/priority and Mode A code (DO-260B §2.2.3.2.7.8). */
    record AircraftStatus(
            int downlinkFormat, IcaoAddress address, int subtype, int emergencyState, Optional<String> squawk)
            implements ModeSMessage {}

    /** DF17/18 TC 29 subtype 1: target state and status (DO-260B §2.2.3.2.7.1). */
    record TargetState(
            int downlinkFormat,
            IcaoAddress address,
            int subtype,
            OptionalInt selectedAltitudeFeet,
            boolean selectedAltitudeFromFms,
            OptionalDouble baroSettingHectopascals,
            OptionalDouble selectedHeadingDegrees,
            int navigationAccuracyPosition,
            boolean autopilotEngaged)
            implements ModeSMessage {}

    /** DF17/18 TC 31: operational status (DO-260B §2.2.3.2.7.2). */
    record OperationalStatus(
            int downlinkFormat,
            IcaoAddress address,
            int subtype,
            int version,
            int navigationAccuracyPosition,
            int sourceIntegrityLevel,
            boolean nicSupplementA)
            implements ModeSMessage {}

    /** DF17/18 with a type code this decoder does not decode (0, 23-27, 30). */
    record OtherSquitter(int downlinkFormat, IcaoAddress address, int typeCode) implements ModeSMessage {}

    /** DF11 all-call reply: capability and interrogator code (Annex 10 Vol IV §3.1.2.5.2.2). */
    record AllCallReply(int downlinkFormat, IcaoAddress address, int capability, int interrogatorCode)
            implements ModeSMessage {}

    /**
     * DF0/16 (air-air surveillance, altitude), DF4 (altitude) and DF5 (identity) replies. Flight
     * status is -1 for DF0/16, which carry none.
     */
    record SurveillanceReply(
            int downlinkFormat,
            IcaoAddress address,
            int flightStatus,
            OptionalInt altitudeFeet,
            Optional<String> squawk)
            implements ModeSMessage {}

    /** DF20 (altitude) and DF21 (identity) Comm-B replies with their MB register reading. */
    record CommBReply(
            int downlinkFormat,
            IcaoAddress address,
            int flightStatus,
            OptionalInt altitudeFeet,
            Optional<String> squawk,
            CommB commB)
            implements ModeSMessage {}
}
