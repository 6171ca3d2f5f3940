package org.parley.ais;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Message 9: standard SAR aircraft position report (ITU-R M.1371-5 Annex 8 §3.7, Table 51).
 *
 * <pre>
 * 38-49 altitude m (4095 n/a, 4094 = 4094 m or higher) | 50-59 SOG kn (1023 n/a, 1022 = fast)
 * 60 accuracy | 61-88 lon | 89-115 lat | 116-127 COG 0.1° | 128-133 second | 134-141 regional
 * 142 DTE | 143-145 spare | 146 assigned | 147 RAIM | 148-167 radio
 * </pre>
 */
public record SarAircraftReport(
        int repeat,
        int mmsi,
        int rawAltitude,
        int rawSpeed,
        boolean accuracy,
        int rawLongitude,
        int rawLatitude,
        int rawCourse,
        int timestampSecond,
        int regional,
        boolean dte,
        boolean assigned,
        boolean raim,
        int radio)
        implements TenthMinuteKinematics {
    public SarAircraftReport {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(rawAltitude, 12, "rawAltitude");
        TenthMinuteKinematics.check(rawSpeed, rawLongitude, rawLatitude, rawCourse);
        Check.unsigned(timestampSecond, 6, "timestampSecond");
        Check.unsigned(regional, 8, "regional");
        Check.unsigned(radio, 20, "radio");
    }

    static SarAircraftReport read(Bits b) {
        return new SarAircraftReport(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(38, 12),
                b.unsigned(50, 10),
                b.flag(60),
                b.signed(61, 28),
                b.signed(89, 27),
                b.unsigned(116, 12),
                b.unsigned(128, 6),
                b.unsigned(134, 8),
                b.flag(142),
                b.flag(146),
                b.flag(147),
                b.unsigned(148, 20));
    }

    @Override
    public int messageType() {
        return 9;
    }

    /** Altitude in metres (GNSS), empty when not available. */
    public OptionalInt altitudeMetres() {
        return rawAltitude == 4095 ? OptionalInt.empty() : OptionalInt.of(rawAltitude);
    }

    /** SOG in whole knots for aircraft (Table 51), 1023 = not available. */
    @Override
    public OptionalDouble speedKnots() {
        return rawSpeed == 1023 ? OptionalDouble.empty() : OptionalDouble.of(rawSpeed);
    }

    @Override
    public OptionalInt headingDegrees() {
        return OptionalInt.empty();
    }
}
