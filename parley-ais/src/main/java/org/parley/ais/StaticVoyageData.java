package org.parley.ais;

import java.util.OptionalDouble;

/**
 * Message 5: ship static and voyage related data (ITU-R M.1371-5 Annex 8 §3.3, Table 48).
 *
 * <pre>
 * 38-39 AIS version | 40-69 IMO | 70-111 call sign (7) | 112-231 name (20) | 232-239 ship type
 * 240-269 dimensions | 270-273 EPFD | 274-293 ETA month/day/hour/minute | 294-301 draught 0.1 m
 * 302-421 destination (20) | 422 DTE | 423 spare
 * </pre>
 */
public record StaticVoyageData(
        int repeat,
        int mmsi,
        int aisVersion,
        int imo,
        String callsign,
        String shipName,
        int shipType,
        ShipDimensions dimensions,
        int epfd,
        int etaMonth,
        int etaDay,
        int etaHour,
        int etaMinute,
        int rawDraught,
        String destination,
        boolean dte)
        implements AisMessage {
    public StaticVoyageData {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(aisVersion, 2, "aisVersion");
        Check.unsigned(imo, 30, "imo");
        Check.text(callsign, 7, "callsign");
        Check.text(shipName, 20, "shipName");
        Check.unsigned(shipType, 8, "shipType");
        Check.unsigned(epfd, 4, "epfd");
        Check.unsigned(etaMonth, 4, "etaMonth");
        Check.unsigned(etaDay, 5, "etaDay");
        Check.unsigned(etaHour, 5, "etaHour");
        Check.unsigned(etaMinute, 6, "etaMinute");
        Check.unsigned(rawDraught, 8, "rawDraught");
        Check.text(destination, 20, "destination");
    }

    static StaticVoyageData read(Bits b) {
        return new StaticVoyageData(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(38, 2),
                b.unsigned(40, 30),
                b.text(70, 7),
                b.text(112, 20),
                b.unsigned(232, 8),
                ShipDimensions.read(b, 240),
                b.unsigned(270, 4),
                b.unsigned(274, 4),
                b.unsigned(278, 5),
                b.unsigned(283, 5),
                b.unsigned(288, 6),
                b.unsigned(294, 8),
                b.text(302, 20),
                b.length() >= 423 && b.flag(422));
    }

    @Override
    public int messageType() {
        return 5;
    }

    /** Maximum present static draught in metres, empty when 0 (not available). */
    public OptionalDouble draughtMetres() {
        return rawDraught == 0 ? OptionalDouble.empty() : OptionalDouble.of(rawDraught / 10.0);
    }
}
