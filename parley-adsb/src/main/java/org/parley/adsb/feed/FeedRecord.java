package org.parley.adsb.feed;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.parley.adsb.GeoPosition;
import org.parley.adsb.IcaoAddress;
import org.parley.adsb.ModeSFrame;

/** One item read from a feed. */
public sealed interface FeedRecord {
    /**
     * A Mode S frame. {@code timestamp12MHz} is the receiver's 48-bit 12 MHz counter (Beast,
     * AVR with '@'); {@code signalLevel} the Beast RSSI byte (0-255).
     */
    record Frame(ModeSFrame frame, OptionalLong timestamp12MHz, OptionalInt signalLevel) implements FeedRecord {}

    /**
     * A Mode A/C reply (Beast type 0x31), kept only to be counted: it carries no address.
     *
     * @param code the 13-bit reply as received
     */
    record ModeAc(int code) implements FeedRecord {}

    /** A BaseStation {@code MSG} line (SBS-1 field numbering, fields 11-22). */
    record BaseStationReport(
            int transmissionType,
            IcaoAddress address,
            Optional<String> callsign,
            OptionalInt altitudeFeet,
            OptionalDouble groundSpeedKnots,
            OptionalDouble trackDegrees,
            Optional<GeoPosition> position,
            OptionalInt verticalRateFeetPerMinute,
            Optional<String> squawk,
            Optional<Boolean> onGround)
            implements FeedRecord {}

    /** Input that is not a record of the format, and why; reading continues after it. */
    record Rejected(String reason) implements FeedRecord {}
}
